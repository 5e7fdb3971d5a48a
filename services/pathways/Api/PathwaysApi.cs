using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Data.Imports;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using Partnerships = SectorMesh.Contracts.Partnerships.V1;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>The Career Pathways gRPC API: parses names, loads what the domain needs, lets it decide, stores the result.</summary>
[Authorize]
public sealed class PathwaysApi(PathwaysDbContext db, PersonalDataProtector personalData, PartnershipDirectory directory, EngagementDirectory engagement,
    TimeProvider clock)
    : V1.Pathways.PathwaysBase
{
    private static readonly HashSet<Partnerships.PartnerType> Providers =
        [Partnerships.PartnerType.K12Education, Partnerships.PartnerType.PostsecondaryEducation, Partnerships.PartnerType.RegisteredApprenticeshipSponsor];

    public override async Task<V1.TrainingProgram> CreateTrainingProgram(V1.CreateTrainingProgramRequest request, ServerCallContext context)
    {
        var tenant = ResourceNames.Parse(request.Parent, "parent", "tenants")[0];
        var given = request.Program ?? new V1.TrainingProgram();
        var input = new InputCollector();
        var provider = await input.TakeAsync(() => ProviderAsync(tenant, given.Provider, context));
        var terms = new ProgramTerms(given.DisplayName, given.DurationWeeks, input.Take(() => given.Cost.Dollars("program.cost")), ModalityOf(given),
            given.Schedule, CredentialOf(given, input), [.. given.Skills],
            await NeedTargetsAsync(tenant, given, input, context), await GapTargetsAsync(tenant, given, input, context));
        var program = input.Finish(() => TrainingProgram.Record(tenant, Calls.Id(request.ProgramId), provider ?? "", terms, clock.GetUtcNow()));
        if (await db.Programs.AnyAsync(p => p.TenantId == tenant && p.Id == program.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExists(Names.Program(tenant, program.Id));
        }
        db.Programs.Add(program);
        await db.SaveChangesAsync(context.CancellationToken);
        return program.ToProto(Version(program));
    }

    private static readonly string[] UpdatableProgramFields =
        ["display_name", "duration_weeks", "cost", "modality", "schedule", "credential", "skills", "employer_needs", "skills_gaps"];

    public override async Task<V1.TrainingProgram> UpdateTrainingProgram(V1.UpdateTrainingProgramRequest request, ServerCallContext context)
    {
        var given = request.Program ?? new V1.TrainingProgram();
        var ids = ResourceNames.Parse(given.Name, "program.name", "tenants", "programs");
        var program = await db.Programs.SingleOrDefaultAsync(p => p.TenantId == ids[0] && p.Id == ids[1], context.CancellationToken)
            ?? throw new ResourceNotFound(given.Name);
        Etags.Ensure(given.Etag, Version(program), given.Name);
        var paths = request.UpdateMask?.Paths.ToHashSet() ?? [];
        new Violations()
            .Require(paths.Count > 0 && paths.All(UpdatableProgramFields.Contains), "update_mask", $"must name fields among {string.Join(", ", UpdatableProgramFields)}.")
            .ThrowIfAny();
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
        return program.ToProto(Version(program));
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
                var ids = ResourceNames.Parse(need.Employer, $"{field}.employer", "tenants", "partnerships", "employers");
                new Violations().Require(ids[0] == tenant, $"{field}.employer", "must be an employer of a partnership of the program's tenant.").ThrowIfAny();
                if (!recorded.TryGetValue(ids[1], out var needs))
                {
                    recorded[ids[1]] = needs = await engagement.NeedsAsync(tenant, ids[1], Calls.Authorization(context), context.CancellationToken);
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
                var ids = ResourceNames.Parse(gap.SkillsGapAnalysis, $"{field}.skills_gap_analysis", "tenants", "partnerships", "skillsGapAnalyses");
                new Violations().Require(ids[0] == tenant, $"{field}.skills_gap_analysis", "must be an analysis of a partnership of the program's tenant.").ThrowIfAny();
                if (!found.TryGetValue(ids[1], out var gaps))
                {
                    found[ids[1]] = gaps = await engagement.GapsAsync(tenant, ids[1], Calls.Authorization(context), context.CancellationToken);
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
        var (tenant, partnership) = ResourceNames.Partnership(SingletonNames.ParentOf(request.Name, "name", "programCoverage"), "name");
        await directory.EnsurePartnershipAsync(tenant, partnership, Calls.Authorization(context), context.CancellationToken);
        var needs = await engagement.NeedsAsync(tenant, partnership, Calls.Authorization(context), context.CancellationToken);
        var gaps = await engagement.GapsAsync(tenant, partnership, Calls.Authorization(context), context.CancellationToken);
        var programs = await db.Programs.AsNoTracking().Where(p => p.TenantId == tenant).ToListAsync(context.CancellationToken);
        return ProgramCoverage.Of(partnership, needs, gaps, programs).ToProto(tenant, partnership);
    }

    /// <summary>The id of a provider organization of the tenant, as the Partnerships service knows it: an education or training type.</summary>
    private async Task<string> ProviderAsync(string tenant, string name, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(name, "program.provider", "tenants", "organizations");
        new Violations().Require(ids[0] == tenant, "program.provider", "must be an organization of the program's tenant.").ThrowIfAny();
        var organization = await directory.OrganizationAsync(name, Calls.Authorization(context), context.CancellationToken);
        new Violations().Require(Providers.Contains(organization.Type), "program.provider",
            "must be an education or training provider: PARTNER_TYPE_K12_EDUCATION, PARTNER_TYPE_POSTSECONDARY_EDUCATION or PARTNER_TYPE_REGISTERED_APPRENTICESHIP_SPONSOR.").ThrowIfAny();
        return ids[1];
    }

    public override async Task<V1.TrainingProgram> GetTrainingProgram(V1.GetTrainingProgramRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(request.Name, "name", "tenants", "programs");
        var program = await db.Programs.SingleOrDefaultAsync(p => p.TenantId == ids[0] && p.Id == ids[1], context.CancellationToken)
            ?? throw new ResourceNotFound(request.Name);
        return program.ToProto(Version(program));
    }

    public override async Task<V1.ListTrainingProgramsResponse> ListTrainingPrograms(V1.ListTrainingProgramsRequest request, ServerCallContext context)
    {
        var tenant = ResourceNames.Parse(request.Parent, "parent", "tenants")[0];
        var (programs, next) = await db.Programs.Where(p => p.TenantId == tenant)
            .PageAsync(p => p.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListTrainingProgramsResponse { Programs = { programs.Select(p => p.ToProto(Version(p))) }, NextPageToken = next };
    }

    public override async Task<V1.CareerPathway> CreateCareerPathway(V1.CreateCareerPathwayRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        await directory.EnsurePartnershipAsync(tenant, partnership, Calls.Authorization(context), context.CancellationToken);
        var given = request.CareerPathway ?? new V1.CareerPathway();
        var input = new InputCollector();
        var steps = await StepsAsync(tenant, given, input, context);
        var bridges = await BridgesAsync(tenant, given, input, context);
        var pathway = input.Finish(() => CareerPathway.Define(tenant, partnership, Calls.Id(request.CareerPathwayId), given.DisplayName, steps, bridges, clock.GetUtcNow()));
        await db.AddNewAsync(pathway, Names.CareerPathway(tenant, partnership, pathway.Id), context.CancellationToken);
        return pathway.ToProto(Version(pathway));
    }

    private static readonly string[] UpdatablePathwayFields = ["display_name", "steps", "bridges"];

    public override async Task<V1.CareerPathway> UpdateCareerPathway(V1.UpdateCareerPathwayRequest request, ServerCallContext context)
    {
        var given = request.CareerPathway ?? new V1.CareerPathway();
        var ids = ResourceNames.Parse(given.Name, "career_pathway.name", "tenants", "partnerships", "careerPathways");
        var pathway = await db.CareerPathways.GetNamedAsync(ids, given.Name, context.CancellationToken);
        Etags.Ensure(given.Etag, Version(pathway), given.Name);
        var paths = request.UpdateMask?.Paths.ToHashSet() ?? [];
        new Violations()
            .Require(paths.Count > 0 && paths.All(UpdatablePathwayFields.Contains), "update_mask", $"must name fields among {string.Join(", ", UpdatablePathwayFields)}.")
            .ThrowIfAny();
        var input = new InputCollector();
        var steps = paths.Contains("steps") ? await StepsAsync(pathway.TenantId, given, input, context) : pathway.Steps;
        var bridges = paths.Contains("bridges") ? await BridgesAsync(pathway.TenantId, given, input, context) : pathway.Bridges;
        var stepsInUse = await db.Participants.AsNoTracking()
            .Where(p => p.TenantId == pathway.TenantId && p.PartnershipId == pathway.PartnershipId && p.CareerPathwayId == pathway.Id && p.CurrentStep != null)
            .Select(p => p.CurrentStep!).Distinct().ToListAsync(context.CancellationToken);
        input.Finish(() => pathway.Revise(paths.Contains("display_name") ? given.DisplayName : pathway.DisplayName, steps, bridges, stepsInUse, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return pathway.ToProto(Version(pathway));
    }

    /// <summary>The steps given, with the titles and wages left out taken from the tenant's OEWS figures.</summary>
    private async Task<List<PathwayStep>> StepsAsync(string tenant, V1.CareerPathway given, InputCollector input, ServerCallContext context)
    {
        var steps = given.Steps.Select((s, i) => new PathwayStep(s.StepId, s.Occupation, s.Title, s.EntryRequirements,
            input.Take(() => Math.Round(s.TypicalHourlyWage.ToDecimal($"career_pathway.steps[{i}].typical_hourly_wage"), 2)), s.Entry)).ToList();
        var occupations = new Dictionary<string, Occupation?>();
        for (var i = 0; i < steps.Count && steps.Count <= CareerPathway.MaxSteps; i++)
        {
            var (step, field) = (steps[i], $"career_pathway.steps[{i}]");
            if (step.NeedsOccupationFigures && CareerPathway.SocCode().IsMatch(step.Occupation) && !occupations.ContainsKey(step.Occupation))
            {
                occupations[step.Occupation] = await engagement.OccupationAsync(tenant, step.Occupation, Calls.Authorization(context), context.CancellationToken);
            }
            steps[i] = input.Take(() => step.CompletedFrom(occupations.GetValueOrDefault(step.Occupation), field)) ?? step;
        }
        return steps;
    }

    /// <summary>The bridges given, each program one the tenant has.</summary>
    private async Task<List<Bridge>> BridgesAsync(string tenant, V1.CareerPathway given, InputCollector input, ServerCallContext context)
    {
        var bridges = new List<Bridge>();
        for (var i = 0; i < given.Bridges.Count; i++)
        {
            var b = given.Bridges[i];
            var field = $"career_pathway.bridges[{i}]";
            var kind = input.Take(() => b.Kind.ToDomain<V1.BridgeKind, BridgeKind>()
                ?? throw new InvalidInput($"{field}.kind", "is required: PROGRAM, CREDENTIAL or WORK_EXPERIENCE."));
            var program = b.Program.Length == 0 ? null : input.Take(() => ResourceNames.Parse(b.Program, $"{field}.program", "tenants", "programs"));
            bridges.Add(new Bridge(b.FromStep, b.ToStep, kind, program?[1], b.Description, b.Months, input.Take(() => b.Cost.Dollars($"{field}.cost"))));
        }
        var programIds = bridges.Select(b => b.ProgramId).OfType<string>().Distinct().ToList();
        var known = await db.Programs.AsNoTracking().Where(p => p.TenantId == tenant && programIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(context.CancellationToken);
        var unknown = programIds.Except(known).ToList();
        input.Take(() => unknown.Count == 0 ? true : throw new InvalidInput("career_pathway.bridges", $"name programs the tenant does not have: {string.Join(", ", unknown)}."));
        return bridges;
    }

    public override async Task<V1.Occupation> GetOccupation(V1.GetOccupationRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(request.Name, "name", "tenants", "occupations");
        new Violations().Require(CareerPathway.SocCode().IsMatch(ids[1]), "name", "must end in a SOC code such as 29-1141.").ThrowIfAny();
        var occupation = await engagement.OccupationAsync(ids[0], ids[1], Calls.Authorization(context), context.CancellationToken)
            ?? throw new ResourceNotFound(request.Name);
        return occupation.ToProto(ids[0]);
    }

    public override async Task<V1.CareerPathway> GetCareerPathway(V1.GetCareerPathwayRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(request.Name, "name", "tenants", "partnerships", "careerPathways");
        var pathway = await db.CareerPathways.GetNamedAsync(ids, request.Name, context.CancellationToken);
        return pathway.ToProto(Version(pathway));
    }

    public override async Task<V1.ListCareerPathwaysResponse> ListCareerPathways(V1.ListCareerPathwaysRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var (pathways, next) = await db.CareerPathways.Where(p => p.TenantId == tenant && p.PartnershipId == partnership)
            .PageAsync(p => p.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListCareerPathwaysResponse { CareerPathways = { pathways.Select(p => p.ToProto(Version(p))) }, NextPageToken = next };
    }

    public override async Task<V1.Participant> CreateParticipant(V1.CreateParticipantRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        await directory.EnsurePartnershipAsync(tenant, partnership, Calls.Authorization(context), context.CancellationToken);
        var given = request.Participant ?? new V1.Participant();
        var now = clock.GetUtcNow();
        var input = new InputCollector();
        var entry = input.Take(() => given.EntryDate.ToDate("participant.entry_date") ?? throw new InvalidInput("participant.entry_date", "is required (PIRL 900)."));
        var pathway = given.CareerPathway.Length == 0 ? null : await input.TakeAsync(async () =>
        {
            var ids = ResourceNames.Parse(given.CareerPathway, "participant.career_pathway", "tenants", "partnerships", "careerPathways");
            new Violations().Require(ids[0] == tenant && ids[1] == partnership, "participant.career_pathway", "must be a pathway of this partnership.").ThrowIfAny();
            return await db.CareerPathways.AsNoTracking().GetNamedAsync(ids, given.CareerPathway, context.CancellationToken);
        });
        var personal = given.PersonalData is { } p
            ? input.Take(() => PersonalData.Of(p.GivenName, p.FamilyName, p.BirthDate.ToDate("participant.personal_data.birth_date"), p.Email, p.Phone,
                DateOnly.FromDateTime(now.UtcDateTime)))
            : null;
        var barriers = input.Take(() => given.Barriers.ToBarriers("participant.barriers"));
        var participant = input.Finish(() => Participant.Enrol(tenant, partnership, Calls.Id(request.ParticipantId), entry, given.EmploymentStatusAtEntry.ToDomain<V1.EmploymentStatus, EmploymentStatus>(),
            pathway, given.CurrentStep.Length == 0 ? null : given.CurrentStep, now));
        if (barriers.Count > 0)
        {
            participant.RecordBarriers(barriers, now);
        }
        var name = Names.Participant(tenant, partnership, participant.Id);
        if (personal is not null)
        {
            db.PersonalData.Add(new SealedPersonalData(tenant, partnership, participant.Id, personalData.Protect(personal, name)));
        }
        await db.AddNewAsync(participant, name, context.CancellationToken);
        return participant.ToProto();
    }

    public override async Task<V1.Participant> GetParticipant(V1.GetParticipantRequest request, ServerCallContext context) =>
        (await ParticipantAsync(request.Name, "name", context, tracked: false)).ToProto();

    public override async Task<V1.ListParticipantsResponse> ListParticipants(V1.ListParticipantsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var (participants, next) = await db.Participants.AsNoTracking().Where(p => p.TenantId == tenant && p.PartnershipId == partnership)
            .PageAsync(p => p.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListParticipantsResponse { Participants = { participants.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    public override async Task<Google.Api.HttpBody> ExportParticipants(V1.ExportParticipantsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var participants = await db.Participants.AsNoTracking().Where(p => p.TenantId == tenant && p.PartnershipId == partnership)
            .OrderBy(p => p.Id).ToListAsync(context.CancellationToken);
        context.GetHttpContext().Response.Headers.ContentDisposition = $"attachment; filename=\"{partnership}-participants-pirl.csv\"";
        return new Google.Api.HttpBody
        {
            ContentType = "text/csv; charset=utf-8",
            Data = Google.Protobuf.ByteString.CopyFromUtf8(string.Join('\n', PirlFile.Write(participants)) + "\n"),
        };
    }

    public override async Task<V1.ParticipantPersonalData> GetParticipantPersonalData(V1.GetParticipantPersonalDataRequest request, ServerCallContext context)
    {
        var participantName = SingletonNames.ParentOf(request.Name, "name", "personalData");
        var ids = ResourceNames.Parse(participantName, "name", "tenants", "partnerships", "participants");
        var data = await db.PersonalData.AsNoTracking()
            .SingleOrDefaultAsync(d => d.TenantId == ids[0] && d.PartnershipId == ids[1] && d.ParticipantId == ids[2], context.CancellationToken)
            ?? throw new ResourceNotFound(request.Name);
        return personalData.Unprotect(data.SealedData, participantName).ToProto(request.Name);
    }

    public override Task<V1.Participant> ExitParticipant(V1.ExitParticipantRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            participant.Exit(request.ExitDate.ToDate("exit_date") ?? throw new InvalidInput("exit_date", "is required (PIRL 901)."), now);
            return Task.CompletedTask;
        });

    public override Task<V1.Participant> RecordTraining(V1.RecordTrainingRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, async (participant, now) =>
        {
            var given = request.Training ?? new V1.TrainingEnrolment();
            var input = new InputCollector();
            var entered = input.Take(() => given.EnteredDate.ToDate("training.entered_date") ?? throw new InvalidInput("training.entered_date", "is required (PIRL 1302)."));
            var type = input.Take(() => given.Type.ToDomain<V1.TrainingType, TrainingType>() ?? throw new InvalidInput("training.type", "is required (PIRL 1303)."));
            var ended = input.Take(() => given.EndedDate.ToDate("training.ended_date"));
            var program = given.Program.Length == 0 ? null : await input.TakeAsync(() => ProgramIdAsync(participant.TenantId, given.Program, "training.program", context));
            input.Finish(() => participant.RecordTraining(new TrainingEnrolment(entered, type, program, ended), now));
        });

    public override Task<V1.Participant> RecordCredential(V1.RecordCredentialRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            var given = request.Credential ?? new V1.AttainedCredential();
            var input = new InputCollector();
            var type = input.Take(() => given.Type.ToDomain<V1.CredentialType, CredentialType>() ?? throw new InvalidInput("credential.type", "is required (PIRL 1800)."));
            var attained = input.Take(() => given.AttainedDate.ToDate("credential.attained_date") ?? throw new InvalidInput("credential.attained_date", "is required (PIRL 1801)."));
            input.Finish(() => participant.RecordCredential(new AttainedCredential(type, attained, given.Title.Trim()), now));
            return Task.CompletedTask;
        });

    public override Task<V1.Participant> RecordSkillGain(V1.RecordSkillGainRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            var given = request.SkillGain ?? new V1.SkillGain();
            var input = new InputCollector();
            var kind = input.Take(() => given.Kind.ToDomain<V1.SkillGainKind, SkillGainKind>() ?? throw new InvalidInput("skill_gain.kind", "is required."));
            var date = input.Take(() => given.Date.ToDate("skill_gain.date") ?? throw new InvalidInput("skill_gain.date", "is required."));
            input.Finish(() => participant.RecordSkillGain(new SkillGain(kind, date), now));
            return Task.CompletedTask;
        });

    public override Task<V1.Participant> RecordEmploymentOutcome(V1.RecordEmploymentOutcomeRequest request, ServerCallContext context) =>
        ChangeParticipant(request.Name, context, (participant, now) =>
        {
            var given = request.Outcome ?? new V1.EmploymentOutcome();
            var input = new InputCollector();
            var status = input.Take(() => given.Status.ToDomain<V1.QuarterEmployment, QuarterEmployment>() ?? throw new InvalidInput("outcome.status", "is required."));
            var wages = given.Wages is null ? (decimal?)null : input.Take(() => given.Wages.Dollars("outcome.wages"));
            input.Finish(() => participant.RecordEmploymentOutcome(
                new EmploymentOutcome(given.Quarter, status, wages, given.EmployerId.Length == 0 ? null : given.EmployerId.Trim()), now));
            return Task.CompletedTask;
        });

    /// <summary>Loads the participant, applies the change and stores it with its events.</summary>
    private async Task<V1.Participant> ChangeParticipant(string? name, ServerCallContext context, Func<Participant, DateTimeOffset, Task> change)
    {
        var participant = await ParticipantAsync(name, "name", context, tracked: true);
        await change(participant, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return participant.ToProto();
    }

    /// <summary>The id of one of the tenant's programs, named in <paramref name="field"/>.</summary>
    private async Task<string> ProgramIdAsync(string tenant, string name, string field, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(name, field, "tenants", "programs");
        var exists = ids[0] == tenant && await db.Programs.AnyAsync(p => p.TenantId == tenant && p.Id == ids[1], context.CancellationToken);
        return exists ? ids[1] : throw new InvalidInput(field, "must be a program of the participant's tenant.");
    }

    public override async Task<V1.NextSteps> GetNextSteps(V1.GetNextStepsRequest request, ServerCallContext context)
    {
        new Violations().Require(CareerPathway.SocCode().IsMatch(request.TargetOccupation ?? ""), "target_occupation", "must be a SOC code such as 29-1141.")
            .ThrowIfAny();
        var participant = await ParticipantAsync(request.Name, "name", context, tracked: false);
        if (participant.CareerPathwayId is null || participant.CurrentStep is null)
        {
            throw new InvalidInput("name", "is a participant on no step of a career pathway; enrol them on one to plan their next steps.");
        }
        var pathway = await db.CareerPathways.AsNoTracking().GetNamedAsync([participant.TenantId, participant.PartnershipId, participant.CareerPathwayId],
            Names.CareerPathway(participant.TenantId, participant.PartnershipId, participant.CareerPathwayId), context.CancellationToken);
        return new V1.NextSteps
        {
            Name = request.Name,
            TargetOccupation = request.TargetOccupation,
            Routes = { pathway.RoutesTo(participant.CurrentStep, request.TargetOccupation!).Take(20).Select(r => r.ToProto()) },
        };
    }

    private async Task<Participant> ParticipantAsync(string? name, string field, ServerCallContext context, bool tracked)
    {
        var ids = ResourceNames.Parse(name, field, "tenants", "partnerships", "participants");
        var participants = tracked ? db.Participants : db.Participants.AsNoTracking();
        return await participants.GetNamedAsync(ids, name!, context.CancellationToken);
    }

    private uint Version(object entity) => (uint)db.Entry(entity).Property("Version").CurrentValue!;

}
