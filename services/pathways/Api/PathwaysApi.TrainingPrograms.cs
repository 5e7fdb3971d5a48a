using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using Partnerships = SectorMesh.Contracts.Partnerships.V1;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

public sealed partial class PathwaysApi
{
    private static readonly HashSet<Partnerships.PartnerType> Providers =
        [Partnerships.PartnerType.K12Education, Partnerships.PartnerType.PostsecondaryEducation, Partnerships.PartnerType.RegisteredApprenticeshipSponsor];

    public override async Task<V1.TrainingProgram> CreateTrainingProgram(V1.CreateTrainingProgramRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        var given = request.Program ?? new V1.TrainingProgram();
        var input = new InputCollector();
        var provider = await input.TakeAsync(() => ProviderAsync(tenant, given.Provider, context));
        var terms = new ProgramTerms(given.DisplayName, given.DurationWeeks, input.Take(() => given.Cost.Dollars("program.cost")), ModalityOf(given),
            given.Schedule, CredentialOf(given, input), [.. given.Skills],
            await NeedTargetsAsync(tenant, given, input, context), await GapTargetsAsync(tenant, given, input, context));
        var program = input.Finish(() => TrainingProgram.Record(tenant, Calls.Id(request.ProgramId), provider ?? "", terms, clock.GetUtcNow()));
        if (await db.Programs.AnyAsync(p => p.TenantId == tenant && p.Id == program.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExists(Names.Program.Format(tenant, program.Id));
        }
        db.Programs.Add(program);
        await db.SaveChangesAsync(context.CancellationToken);
        return program.ToProto(db.VersionOf(program));
    }

    private static readonly string[] UpdatableProgramFields =
        ["display_name", "duration_weeks", "cost", "modality", "schedule", "credential", "skills", "employer_needs", "skills_gaps"];

    public override async Task<V1.TrainingProgram> UpdateTrainingProgram(V1.UpdateTrainingProgramRequest request, ServerCallContext context)
    {
        var given = request.Program ?? new V1.TrainingProgram();
        var ids = Names.Program.Parse(given.Name, "program.name");
        var program = await db.Programs.SingleOrDefaultAsync(p => p.TenantId == ids[0] && p.Id == ids[1], context.CancellationToken)
            ?? throw new ResourceNotFound(given.Name);
        Etags.Ensure(given.Etag, db.VersionOf(program), given.Name);
        var paths = UpdateMasks.Read(request.UpdateMask, UpdatableProgramFields);
        var current = program.Terms;
        var input = new InputCollector();
        var terms = new ProgramTerms(
            paths.Contains("display_name") ? given.DisplayName : current.DisplayName,
            paths.Contains("duration_weeks") ? given.DurationWeeks : current.DurationWeeks,
            paths.Contains("cost") ? input.Take(() => given.Cost.Dollars("program.cost")) : current.Cost,
            paths.Contains("modality") ? ModalityOf(given) : current.Modality,
            paths.Contains("schedule") ? given.Schedule : current.Schedule,
            paths.Contains("credential") ? CredentialOf(given, input) : current.Credential,
            paths.Contains("skills") ? [.. given.Skills] : current.Skills,
            paths.Contains("employer_needs") ? await NeedTargetsAsync(program.TenantId, given, input, context) : current.EmployerNeeds,
            paths.Contains("skills_gaps") ? await GapTargetsAsync(program.TenantId, given, input, context) : current.SkillsGaps);
        input.Finish(() => program.Revise(terms, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return program.ToProto(db.VersionOf(program));
    }

    private static Modality ModalityOf(V1.TrainingProgram given) => given.Modality.ToDomain<V1.Modality, Modality>() ?? Modality.InPerson;

    private static Credential? CredentialOf(V1.TrainingProgram given, InputCollector input) => given.Credential is { } c
        ? new Credential(c.Title, input.Take(() => c.Kind.ToDomain<V1.CredentialKind, CredentialKind>()
            ?? throw new InvalidInput("program.credential.kind", "is required: CREDENTIAL_KIND_INDUSTRY_CERTIFICATION, CREDENTIAL_KIND_LICENSE, CREDENTIAL_KIND_DEGREE or CREDENTIAL_KIND_APPRENTICESHIP_CERTIFICATE.")), c.Issuer, c.StacksInto)
        : null;

    /// <summary>The employer needs the program names, each one an employer of a partnership of the tenant has recorded.</summary>
    private async Task<IReadOnlyList<EmployerNeedTarget>> NeedTargetsAsync(string tenant, V1.TrainingProgram given, InputCollector input, ServerCallContext context)
    {
        var targets = new List<EmployerNeedTarget>();
        var recorded = new Dictionary<string, IReadOnlyList<EmployerNeed>>();
        if (!input.Take(() => WithinLimit(given.EmployerNeeds.Count, "program.employer_needs")))
        {
            return targets;
        }
        for (var i = 0; i < given.EmployerNeeds.Count; i++)
        {
            var need = given.EmployerNeeds[i];
            var field = $"program.employer_needs[{i}]";
            await input.TakeAsync(async () =>
            {
                var ids = Names.Employer.Parse(need.Employer, $"{field}.employer");
                new Violations().Require(ids[0] == tenant, $"{field}.employer", "must be an employer of a partnership of the program's tenant.").ThrowIfAny();
                if (!recorded.TryGetValue(ids[1], out var needs))
                {
                    recorded[ids[1]] = needs = await engagement.NeedsAsync(tenant, ids[1], context.CancellationToken);
                }
                new Violations().Require(needs.Any(n => n.EmployerId == ids[2] && n.SocCode == need.SocCode), $"{field}.soc_code",
                    $"must be an occupation {need.Employer} has recorded a need for.").ThrowIfAny();
                targets.Add(new EmployerNeedTarget(ids[1], ids[2], need.SocCode));
                return true;
            });
        }
        return targets;
    }

    /// <summary>The skills gaps the program names, each a skill of a skills gap analysis of a partnership of the tenant.</summary>
    private async Task<IReadOnlyList<SkillsGapTarget>> GapTargetsAsync(string tenant, V1.TrainingProgram given, InputCollector input, ServerCallContext context)
    {
        var targets = new List<SkillsGapTarget>();
        var found = new Dictionary<string, IReadOnlyList<SkillsGap>>();
        if (!input.Take(() => WithinLimit(given.SkillsGaps.Count, "program.skills_gaps")))
        {
            return targets;
        }
        for (var i = 0; i < given.SkillsGaps.Count; i++)
        {
            var gap = given.SkillsGaps[i];
            var field = $"program.skills_gaps[{i}]";
            await input.TakeAsync(async () =>
            {
                var ids = Names.SkillsGapAnalysis.Parse(gap.SkillsGapAnalysis, $"{field}.skills_gap_analysis");
                new Violations().Require(ids[0] == tenant, $"{field}.skills_gap_analysis", "must be an analysis of a partnership of the program's tenant.").ThrowIfAny();
                if (!found.TryGetValue(ids[1], out var gaps))
                {
                    found[ids[1]] = gaps = await engagement.GapsAsync(tenant, ids[1], context.CancellationToken);
                }
                new Violations().Require(gaps.Any(g => g.AnalysisId == ids[2] && g.ElementId == gap.ElementId), $"{field}.element_id",
                    $"must be a skill {gap.SkillsGapAnalysis} lists among its gaps.").ThrowIfAny();
                targets.Add(new SkillsGapTarget(ids[1], ids[2], gap.ElementId));
                return true;
            });
        }
        return targets;
    }

    /// <summary>Checked before any reference is looked up, so a long list costs the Industry Engagement service nothing.</summary>
    private static bool WithinLimit(int count, string field) =>
        count <= TrainingProgram.MaxTargets ? true : throw new InvalidInput(field, $"must list at most {TrainingProgram.MaxTargets}.");

    public override async Task<V1.ProgramCoverage> GetProgramCoverage(V1.GetProgramCoverageRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.ProgramCoverage.Parse(request.Name, "name");
        await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
        var needs = await engagement.NeedsAsync(tenant, partnership, context.CancellationToken);
        var gaps = await engagement.GapsAsync(tenant, partnership, context.CancellationToken);
        var programs = await db.Programs.AsNoTracking().Where(p => p.TenantId == tenant).ToListAsync(context.CancellationToken);
        return ProgramCoverage.Of(partnership, needs, gaps, programs).ToProto(tenant, partnership);
    }

    /// <summary>The id of a provider organization of the tenant, as the Partnerships service knows it: an education or training type.</summary>
    private async Task<string> ProviderAsync(string tenant, string name, ServerCallContext context)
    {
        var ids = Names.Organization.Parse(name, "program.provider");
        new Violations().Require(ids[0] == tenant, "program.provider", "must be an organization of the program's tenant.").ThrowIfAny();
        var organization = await directory.OrganizationAsync(name, context.CancellationToken);
        new Violations().Require(Providers.Contains(organization.Type), "program.provider",
            "must be an education or training provider: PARTNER_TYPE_K12_EDUCATION, PARTNER_TYPE_POSTSECONDARY_EDUCATION or PARTNER_TYPE_REGISTERED_APPRENTICESHIP_SPONSOR.").ThrowIfAny();
        return ids[1];
    }

    public override async Task<V1.TrainingProgram> GetTrainingProgram(V1.GetTrainingProgramRequest request, ServerCallContext context)
    {
        var ids = Names.Program.Parse(request.Name, "name");
        var program = await db.Programs.SingleOrDefaultAsync(p => p.TenantId == ids[0] && p.Id == ids[1], context.CancellationToken)
            ?? throw new ResourceNotFound(request.Name);
        return program.ToProto(db.VersionOf(program));
    }

    public override async Task<V1.ListTrainingProgramsResponse> ListTrainingPrograms(V1.ListTrainingProgramsRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        var (programs, next) = await db.Programs.Where(p => p.TenantId == tenant)
            .PageAsync(p => p.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListTrainingProgramsResponse { Programs = { programs.Select(p => p.ToProto(db.VersionOf(p))) }, NextPageToken = next };
    }
}
