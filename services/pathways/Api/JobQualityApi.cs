using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using Partnerships = SectorMesh.Contracts.Partnerships.V1;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>
/// The Job Quality gRPC API (Worker Voice and Job Quality): a partnership's guidelines, employer
/// assessments and placements. Parses names, loads what the domain needs, lets it decide, stores the result.
/// </summary>
[Authorize]
public sealed partial class JobQualityApi(PathwaysDbContext db, PartnershipDirectory directory, TimeProvider clock) : V1.JobQuality.JobQualityBase
{
    private static readonly string[] UpdatableGuidelinesFields = ["commitments", "standards"];

    public override async Task<V1.JobQualityGuidelines> GetJobQualityGuidelines(V1.GetJobQualityGuidelinesRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.JobQualityGuidelines.Parse(request.Name, "name");
        if (await GuidelinesAsync(tenant, partnership, context) is { } guidelines)
        {
            return guidelines.ToProto(db.VersionOf(guidelines));
        }
        await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
        return JobQualityGuidelines.Unwritten(tenant, partnership).ToProto(0);
    }

    public override async Task<V1.JobQualityGuidelines> UpdateJobQualityGuidelines(V1.UpdateJobQualityGuidelinesRequest request, ServerCallContext context)
    {
        const string field = "job_quality_guidelines";
        var given = request.JobQualityGuidelines ?? new V1.JobQualityGuidelines();
        var (tenant, partnership) = Names.JobQualityGuidelines.Parse(given.Name, $"{field}.name");
        var paths = UpdateMasks.Read(request.UpdateMask, UpdatableGuidelinesFields);
        new Violations()
            .Require(given.Commitments.Count <= Enum.GetValues<JobQualityFactor>().Length, $"{field}.commitments", "must state at most one commitment for each factor.")
            .Require(given.Standards.Count <= JobQualityGuidelines.MaxStandards, $"{field}.standards", $"must hold at most {JobQualityGuidelines.MaxStandards} standards.")
            .ThrowIfAny();

        var guidelines = await GuidelinesAsync(tenant, partnership, context);
        if (guidelines is null)
        {
            await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
            guidelines = JobQualityGuidelines.Unwritten(tenant, partnership);
            db.JobQualityGuidelines.Add(guidelines);
        }
        Etags.Ensure(given.Etag, db.VersionOf(guidelines), given.Name);

        var input = new InputCollector();
        var commitments = paths.Contains("commitments")
            ? given.Commitments.Select((c, i) => new FactorCommitment(input.Take(() => c.Factor.Factor($"{field}.commitments[{i}].factor")), c.Commitment)).ToList()
            : null;
        var standards = paths.Contains("standards")
            ? given.Standards.Select((s, i) => input.Take(() => s.ToDomain($"{field}.standards[{i}]"))).ToList()
            : null;
        // A standard that could not be read is already reported; the list is not judged further without it.
        input.Finish(() => guidelines.Revise(commitments, standards?.Any(s => s is null) == true ? null : standards, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return guidelines.ToProto(db.VersionOf(guidelines));
    }

    public override async Task<V1.JobQualityAssessment> CreateJobQualityAssessment(V1.CreateJobQualityAssessmentRequest request, ServerCallContext context)
    {
        const string field = "job_quality_assessment";
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.JobQualityAssessment ?? new V1.JobQualityAssessment();
        new Violations()
            .Require(given.Findings.Count <= Enum.GetValues<JobQualityFactor>().Length, $"{field}.findings", "must hold at most one finding for each factor.")
            .ThrowIfAny();
        var input = new InputCollector();
        var employer = await input.TakeAsync(() => EmployerPartnerAsync(tenant, partnership, given.Employer, $"{field}.employer", context));
        var date = input.Take(() => given.AssessmentDate.ToDate($"{field}.assessment_date") ?? throw new InvalidInput($"{field}.assessment_date", "is required."));
        var facts = given.Facts ?? new V1.EmployerFacts();
        var wage = input.Take(() => facts.StartingHourlyWage.Wage($"{field}.facts.starting_hourly_wage"));
        var hours = input.Take(() => facts.WeeklyHours.Hours($"{field}.facts.weekly_hours"));
        var benefits = input.Take(() => facts.Benefits.ToDomainBenefits($"{field}.facts.benefits", input)) ?? [];
        var findings = given.Findings.Select((f, i) => new AssessorFinding(
            input.Take(() => f.Factor.Factor($"{field}.findings[{i}].factor")),
            f.Rating == V1.JobQualityRating.Unspecified ? null
                : input.Take(() => f.Rating.ToDomain<V1.JobQualityRating, JobQualityRating>()
                    ?? throw new InvalidInput($"{field}.findings[{i}].rating", "must be JOB_QUALITY_RATING_MEETS, JOB_QUALITY_RATING_PARTLY_MEETS, JOB_QUALITY_RATING_DOES_NOT_MEET or JOB_QUALITY_RATING_NOT_ASSESSED.")),
            f.Evidence)).ToList();
        var guidelines = await db.JobQualityGuidelines.AsNoTracking()
            .SingleOrDefaultAsync(g => g.TenantId == tenant && g.PartnershipId == partnership, context.CancellationToken);
        var assessment = input.Finish(() => JobQualityAssessment.Assess(tenant, partnership, Calls.Id(request.JobQualityAssessmentId), employer ?? "", date,
            new JobFacts(wage, hours, benefits, facts.ScheduleNoticeDays, facts.PayRangePosted), findings, guidelines, clock.GetUtcNow()));
        await db.AddNewAsync(assessment, Names.JobQualityAssessment.Format(tenant, partnership, assessment.Id), context.CancellationToken);
        return assessment.ToProto();
    }

    /// <summary>The id of an organization that is a current employer partner of the partnership, as the Partnerships service knows it.</summary>
    private async Task<string> EmployerPartnerAsync(string tenant, string partnership, string name, string field, ServerCallContext context)
    {
        var ids = Names.Organization.Parse(name, field);
        var partner = ids[0] == tenant
            && (await directory.CurrentPartnerAsync(tenant, partnership, name, context.CancellationToken))?.PartnerType == Partnerships.PartnerType.Employer;
        return partner ? ids[1] : throw new InvalidInput(field, "must be a current employer partner of the partnership.");
    }

    public override async Task<V1.JobQualityAssessment> GetJobQualityAssessment(V1.GetJobQualityAssessmentRequest request, ServerCallContext context)
    {
        var ids = Names.JobQualityAssessment.Parse(request.Name, "name");
        return (await db.JobQualityAssessments.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken)).ToProto();
    }

    public override async Task<V1.ListJobQualityAssessmentsResponse> ListJobQualityAssessments(V1.ListJobQualityAssessmentsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var employer = EmployerFilter(request.Filter, tenant);
        var assessments = db.JobQualityAssessments.AsNoTracking().Where(a => a.TenantId == tenant && a.PartnershipId == partnership);
        if (employer is not null)
        {
            assessments = assessments.Where(a => a.EmployerId == employer);
        }
        var (page, next) = await assessments.PageAsync(a => a.Id, request.PageSize, request.PageToken, $"{request.Parent}?{request.Filter}", context.CancellationToken);
        return new V1.ListJobQualityAssessmentsResponse { JobQualityAssessments = { page.Select(a => a.ToProto()) }, NextPageToken = next };
    }

    /// <summary>The employer id of a filter <c>employer = "tenants/t/organizations/o"</c>, or null for no filter.</summary>
    private static string? EmployerFilter(string? filter, string tenant)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }
        var match = EmployerComparison().Match(filter.Trim());
        var ids = match.Success ? Names.Organization.Parse(match.Groups["value"].Value, "filter") : null;
        return ids is not null && ids[0] == tenant
            ? ids[1]
            : throw new InvalidInput("filter", "must be empty or employer = \"tenants/{tenant}/organizations/{organization}\", an organization of this tenant.");
    }

    public override async Task<V1.Placement> CreatePlacement(V1.CreatePlacementRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.Placement ?? new V1.Placement();
        var input = new InputCollector();
        var participantIds = input.Take(() =>
        {
            var ids = Names.Participant.Parse(given.Participant, "placement.participant");
            return ids[0] == tenant && ids[1] == partnership ? ids : throw new InvalidInput("placement.participant", "must be a participant of this partnership.");
        });
        var participant = participantIds is null ? null
            : await db.Participants.AsNoTracking().GetNamedAsync(participantIds, given.Participant, context.CancellationToken);
        var employer = await input.TakeAsync(() => EmployerAsync(tenant, given.Employer, context));
        var start = input.Take(() => given.StartDate.ToDate("placement.start_date") ?? throw new InvalidInput("placement.start_date", "is required."));
        var wage = input.Take(() => given.HourlyWage.Wage("placement.hourly_wage"));
        var hours = input.Take(() => given.WeeklyHours.Hours("placement.weekly_hours"));
        var benefits = input.Take(() => given.Benefits.ToDomainBenefits("placement.benefits", input)) ?? [];
        var guidelines = await db.JobQualityGuidelines.AsNoTracking()
            .SingleOrDefaultAsync(g => g.TenantId == tenant && g.PartnershipId == partnership, context.CancellationToken);
        var placement = input.Finish(() => Placement.Record(tenant, partnership, Calls.Id(request.PlacementId), participant, employer ?? "", given.Occupation, start,
            new JobFacts(wage, hours, benefits, given.ScheduleNoticeDays, given.PayRangePosted), guidelines, clock.GetUtcNow()));
        await db.AddNewAsync(placement, Names.Placement.Format(tenant, partnership, placement.Id), context.CancellationToken);
        return placement.ToProto();
    }

    /// <summary>The id of an employer organization of the tenant, as the Partnerships service knows it.</summary>
    private async Task<string> EmployerAsync(string tenant, string name, ServerCallContext context)
    {
        var ids = Names.Organization.Parse(name, "placement.employer");
        new Violations().Require(ids[0] == tenant, "placement.employer", "must be an organization of the placement's tenant.").ThrowIfAny();
        var organization = await directory.OrganizationAsync(name, context.CancellationToken);
        new Violations().Require(organization.Type == Partnerships.PartnerType.Employer, "placement.employer", "must be an organization of employer type.").ThrowIfAny();
        return ids[1];
    }

    public override async Task<V1.Placement> GetPlacement(V1.GetPlacementRequest request, ServerCallContext context)
    {
        var ids = Names.Placement.Parse(request.Name, "name");
        return (await db.Placements.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken)).ToProto();
    }

    public override async Task<V1.ListPlacementsResponse> ListPlacements(V1.ListPlacementsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (placements, next) = await db.Placements.AsNoTracking().Where(p => p.TenantId == tenant && p.PartnershipId == partnership)
            .PageAsync(p => p.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListPlacementsResponse { Placements = { placements.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    /// <summary>Tracked, so its stored version (the etag) is known.</summary>
    private Task<JobQualityGuidelines?> GuidelinesAsync(string tenant, string partnership, ServerCallContext context) =>
        db.JobQualityGuidelines.SingleOrDefaultAsync(g => g.TenantId == tenant && g.PartnershipId == partnership, context.CancellationToken);

    [GeneratedRegex("""^employer\s*=\s*"(?<value>[^"]*)"\z""")]
    private static partial Regex EmployerComparison();
}
