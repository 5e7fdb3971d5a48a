using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

/// <summary>The Industry Engagement gRPC API: checks access and the local copy of partnerships, lets the domain decide.</summary>
[Authorize]
public sealed class EngagementApi(EngagementDbContext db, RegionDirectory regions, LmiStore lmi, ImportOptions importOptions, TimeProvider clock) : V1.Engagement.EngagementBase
{
    public override async Task ImportLaborMarketData(IAsyncStreamReader<V1.ImportChunk> requestStream, IServerStreamWriter<V1.ImportReport> responseStream,
        ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var first = await requestStream.MoveNext(cancellationToken) ? requestStream.Current : new V1.ImportChunk();
        var tenant = ResourceNames.Parse(first.Parent, "parent", "tenants")[0];
        var format = first.Format.ToDomain<V1.ImportFormat, LmiFormat>()
            ?? throw new InvalidInput("format", "is required in the first chunk: IMPORT_FORMAT_QCEW_CSV, IMPORT_FORMAT_OEWS_CSV or IMPORT_FORMAT_ONET_TEXT.");

        var pipe = new System.IO.Pipelines.Pipe();
        var received = ImportChunks.CopyAsync(first, requestStream, pipe.Writer, importOptions.MaxBytes, cancellationToken);
        var report = new Data.Imports.ImportReport();
        Stream body;
        try
        {
            body = await Data.Imports.CompressedFile.OpenAsync(pipe.Reader, null, importOptions.MaxUnpackedBytes, cancellationToken);
        }
        catch (ImportRefused e)
        {
            throw new InvalidInput("file", e.Message);
        }
        using (var file = new StreamReader(body))
        {
            await lmi.ImportAsync(tenant, format, first.Year == 0 ? null : first.Year, file, report,
                progress => responseStream.WriteAsync(progress.ToProto()), cancellationToken);
        }
        await received;
        var done = report.ToProto();
        done.Done = true;
        await responseStream.WriteAsync(done);
    }

    public override async Task<V1.ListEmployerEngagementsResponse> ListEmployerEngagements(V1.ListEmployerEngagementsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var (employers, next) = await db.Employers.Where(e => e.TenantId == tenant && e.PartnershipId == partnership)
            .PageAsync(e => e.OrganizationId, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListEmployerEngagementsResponse { EmployerEngagements = { employers.Select(e => e.ToProto(Version(e))) }, NextPageToken = next };
    }

    public override async Task<V1.EmployerEngagement> GetEmployerEngagement(V1.GetEmployerEngagementRequest request, ServerCallContext context)
    {
        var employer = await Employer(request.Name, "name", context, write: false);
        return employer.ToProto(Version(employer));
    }

    public override async Task<V1.EmployerEngagement> UpdateEmployerEngagement(V1.UpdateEmployerEngagementRequest request, ServerCallContext context)
    {
        var given = request.EmployerEngagement ?? new V1.EmployerEngagement();
        var employer = await Employer(given.Name, "employer_engagement.name", context, write: true);
        Etags.Ensure(given.Etag, Version(employer), given.Name);
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        new Violations()
            .Require(paths.Count > 0 && paths.All(p => p is "level" or "champions"), "update_mask", "must name level, champions or both.")
            .ThrowIfAny();
        var input = new InputCollector();
        var level = paths.Contains("level")
            ? input.Take(() => given.Level.ToDomain<V1.EngagementLevel, EngagementLevel>()
                ?? throw new InvalidInput("employer_engagement.level", "is required: ENGAGEMENT_LEVEL_INFORMED, ENGAGEMENT_LEVEL_CONSULTED, ENGAGEMENT_LEVEL_INVOLVED, ENGAGEMENT_LEVEL_COLLABORATING or ENGAGEMENT_LEVEL_LEADING."))
            : (EngagementLevel?)null;
        input.Finish(() => employer.Revise(level, paths.Contains("champions") ? given.Champions : null, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return employer.ToProto(Version(employer));
    }

    public override async Task<V1.EmployerEngagement> RecordEmployerActivity(V1.RecordEmployerActivityRequest request, ServerCallContext context)
    {
        var employer = await Employer(request.Name, "name", context, write: true);
        var given = request.Activity ?? new V1.EmployerActivity();
        var input = new InputCollector();
        var date = input.Take(() => given.Date.ToDate("activity.date"));
        input.Finish(() => employer.RecordActivity(given.Kind.ToDomain<V1.EmployerActivityKind, EmployerActivityKind>(), date, given.Quantity, given.Note, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return employer.ToProto(Version(employer));
    }

    public override async Task<V1.EmployerEngagement> RecordEmployerNeed(V1.RecordEmployerNeedRequest request, ServerCallContext context)
    {
        var employer = await Employer(request.Name, "name", context, write: true);
        var given = request.Need ?? new V1.EmployerNeed();
        var need = EmployerNeed.Create(given.SocCode, given.Openings12Months, given.Openings36Months, given.HardToFill,
            given.Skills, given.Credentials, given.WageMin.ToDecimal("need.wage_min"), given.WageMax.ToDecimal("need.wage_max"));
        employer.RecordNeed(need, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return employer.ToProto(Version(employer));
    }

    public override async Task<V1.NeedsAnalysis> GetNeedsAnalysis(V1.GetNeedsAnalysisRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(SingletonNames.ParentOf(request.Name, "name", "needsAnalysis"), "name");
        var employers = await db.Employers.AsNoTracking().Where(e => e.TenantId == tenant && e.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        return new V1.NeedsAnalysis { Name = request.Name, Occupations = { NeedsAnalysis.ByOccupation(employers).Select(o => o.ToProto()) } };
    }

    public override async Task<V1.Recognition> GetRecognition(V1.GetRecognitionRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(SingletonNames.ParentOf(request.Name, "name", "recognition"), "name");
        var employers = await db.Employers.AsNoTracking().Where(e => e.TenantId == tenant && e.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        return new V1.Recognition { Name = request.Name, Employers = { Recognition.Ranked(employers).Select(e => e.ToContribution()) } };
    }

    public override async Task<V1.SectorSelection> GetSectorSelection(V1.GetSectorSelectionRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(SingletonNames.ParentOf(request.Name, "name", "sectorSelection"), "name", "tenants", "regions");
        var ownership = OwnershipOf(request.Ownership);
        var (parts, rowsUsed, ranked) = await RankRegion(ids[0], ids[1], request.Year, ownership, context);
        var metro = parts.FirstOrDefault(p => QcewArea.KindOf(p) == AreaKind.MetropolitanArea);
        return new V1.SectorSelection
        {
            Name = request.Name,
            Year = request.Year,
            Ownership = ownership.ToProto<Ownership, V1.Ownership>(),
            CountyFips = { parts.Where(p => p != metro).Order(StringComparer.Ordinal) },
            MetroArea = metro ?? "",
            Sectors = { ranked.Select(c => c.ToProto()) },
            Explanation = SectorSelectionView.Explanation(rowsUsed),
        };
    }

    public override async Task<V1.RegionalSignificanceEvidence> GetRegionalSignificance(V1.GetRegionalSignificanceRequest request, ServerCallContext context)
    {
        var (tenant, partnershipId) = ResourceNames.Partnership(SingletonNames.ParentOf(request.Name, "name", "regionalSignificance"), "name");
        var partnership = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenant && p.PartnershipId == partnershipId && !p.Deleted, context.CancellationToken)
            ?? throw new ResourceNotFound($"tenants/{tenant}/partnerships/{partnershipId}");
        var (parts, _, ranked) = await RankRegion(tenant, partnership.RegionId, request.Year, OwnershipOf(request.Ownership), context);
        var sector = SectorSelectionView.Find(ranked, partnership.NaicsCode)
            ?? throw new ResourceNotFound($"tenants/{tenant}/lmi/qcew/{request.Year}/{partnership.NaicsCode} (no QCEW rows of the partnership's sector in its region's areas have been imported)");
        var (rank, of, lowerBounds) = SectorSelectionView.Standing(ranked, sector);
        return new V1.RegionalSignificanceEvidence
        {
            Name = request.Name,
            NaicsCode = partnership.NaicsCode,
            Region = $"tenants/{tenant}/regions/{partnership.RegionId}",
            Year = request.Year,
            Sector = sector.ToProto(),
            Rank = rank,
            RankedIndustries = of,
            Citation = SectorSelectionView.Citation(sector, request.Year, rank, of, lowerBounds, parts),
        };
    }

    private static Ownership OwnershipOf(V1.Ownership ownership) =>
        ownership == V1.Ownership.Unspecified ? Ownership.Private : ownership.ToDomain<V1.Ownership, Ownership>()!.Value;

    /// <summary>The region's industries ranked from the tenant's imported QCEW annual rows of its areas and the nation.</summary>
    private async Task<(IReadOnlySet<string> Parts, int RowsUsed, IReadOnlyList<SectorCandidate> Ranked)> RankRegion(
        string tenant, string region, int year, Ownership ownership, ServerCallContext context)
    {
        new Violations().Require(year is >= 1990 and <= 2100, "year", "is required: the QCEW year, for example 2024.").ThrowIfAny();
        var parts = SectorSelection.Parts(await regions.AreasAsync(tenant, region, Authorization(context), context.CancellationToken));
        var areas = parts.Append(QcewArea.Nation).ToList();
        var rows = await db.Qcew.AsNoTracking()
            .Where(r => r.Year == year && r.Quarter == SectorSelectionView.Annual && areas.Contains(r.AreaFips))
            .OwnOrPlatformAsync(tenant, r => r.AreaFips, context.CancellationToken);
        return (parts, rows.Count, SectorSelection.Rank(rows, parts, year, ownership));
    }

    public override async Task<V1.ListOccupationEmploymentResponse> ListOccupationEmployment(V1.ListOccupationEmploymentRequest request, ServerCallContext context)
    {
        var tenant = ResourceNames.Parse(request.Parent, "parent", "tenants")[0];
        new Violations().Require(System.Text.RegularExpressions.Regex.IsMatch(request.OccupationCode ?? "", @"^\d{2}-\d{4}\z"), "occupation_code",
            "must be a SOC code such as 29-1141.").ThrowIfAny();
        var rows = await db.Oews.AsNoTracking().OfTenant(tenant)
            .Where(r => r.OccupationCode == request.OccupationCode && (request.Year == 0 || r.Year == request.Year))
            .OrderByDescending(r => r.Year).ThenBy(r => r.AreaCode).ThenBy(r => r.IndustryCode).Take(1000)
            .ToListAsync(context.CancellationToken);
        return new V1.ListOccupationEmploymentResponse { OccupationEmployment = { rows.Select(r => r.ToProto()) } };
    }

    public override async Task<V1.LmiReview> CreateLmiReview(V1.CreateLmiReviewRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var given = request.LmiReview ?? new V1.LmiReview();
        var organization = ResourceNames.Parse(given.Organization, "lmi_review.organization", "tenants", "organizations");
        new Violations().Require(organization[0] == tenant, "lmi_review.organization", "must be an organization of the partnership's tenant.").ThrowIfAny();
        var caller = context.Caller();
        caller.Ensure(caller.ActsFor(tenant, partnership, organization[1]), "review labor market data for this organization");
        await db.EnsurePartnershipKnownAsync(tenant, partnership, context.CancellationToken);
        var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(
            e => e.TenantId == tenant && e.PartnershipId == partnership && e.OrganizationId == organization[1], context.CancellationToken);
        new Violations().Require(employer is { IsCurrentPartner: true }, "lmi_review.organization", "must be a current employer partner of the partnership.").ThrowIfAny();
        var earlier = await db.LmiReviews.AsNoTracking()
            .Where(r => r.TenantId == tenant && r.PartnershipId == partnership && r.DataPoint == given.DataPoint.Trim())
            .OrderBy(r => r.RecordedAt).ToListAsync(context.CancellationToken);
        var review = LmiReview.Record(tenant, partnership, given.DataPoint, organization[1],
            given.Verdict.ToDomain<V1.LmiVerdict, LmiVerdict>(), given.Comment, earlier, clock.GetUtcNow());
        db.LmiReviews.Add(review);
        await db.SaveChangesAsync(context.CancellationToken);
        return review.ToProto();
    }

    public override async Task<V1.LmiValidation> GetLmiValidation(V1.GetLmiValidationRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(SingletonNames.ParentOf(request.Name, "name", "lmiValidation"), "name");
        var reviews = await db.LmiReviews.AsNoTracking().Where(r => r.TenantId == tenant && r.PartnershipId == partnership)
            .OrderBy(r => r.RecordedAt).ToListAsync(context.CancellationToken);
        return new V1.LmiValidation
        {
            Name = request.Name,
            DataPoints =
            {
                reviews.GroupBy(r => r.DataPoint).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new V1.ReviewedDataPoint
                {
                    DataPoint = g.Key,
                    Standing = LmiValidationView.Standing(g, g.Key).ToProto<LmiStanding, V1.LmiStanding>(),
                    Reviews = { g.Select(r => r.ToProto()) },
                }),
            },
        };
    }

    public override async Task<V1.WorkforceCohort> CreateWorkforceCohort(V1.CreateWorkforceCohortRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = await KnownPartnership(request.Parent, "parent", context);
        var given = request.Cohort ?? new V1.WorkforceCohort();
        var cohort = WorkforceCohort.Describe(tenant, partnership, Id(request.CohortId), given.DisplayName,
            given.Skills.Select((s, i) => new WorkforceSkill(s.ElementId, s.Level.ToDecimal($"cohort.skills[{i}].level"))).ToList());
        await db.AddNewAsync(cohort, $"{request.Parent}/cohorts/{cohort.Id}", context.CancellationToken);
        return cohort.ToProto();
    }

    public override async Task<V1.ListWorkforceCohortsResponse> ListWorkforceCohorts(V1.ListWorkforceCohortsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var (cohorts, next) = await db.Cohorts.AsNoTracking().Where(c => c.TenantId == tenant && c.PartnershipId == partnership)
            .PageAsync(c => c.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListWorkforceCohortsResponse { Cohorts = { cohorts.Select(c => c.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.WorkforceCohort> GetWorkforceCohort(V1.GetWorkforceCohortRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(request.Name, "name", "tenants", "partnerships", "cohorts");
        var cohort = await db.Cohorts.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken);
        return cohort.ToProto();
    }

    public override async Task<V1.SkillsGapAnalysis> CreateSkillsGapAnalysis(V1.CreateSkillsGapAnalysisRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = await KnownPartnership(request.Parent, "parent", context);
        var given = request.SkillsGapAnalysis ?? new V1.SkillsGapAnalysis();
        var cohortId = ResourceNames.Parse(given.Cohort, "skills_gap_analysis.cohort", "tenants", "partnerships", "cohorts");
        new Violations().Require(cohortId[0] == tenant && cohortId[1] == partnership, "skills_gap_analysis.cohort", "must be a cohort of this partnership.").ThrowIfAny();
        var cohort = await db.Cohorts.AsNoTracking().GetNamedAsync(cohortId, given.Cohort, context.CancellationToken);
        var targets = given.TargetOccupations.ToList();
        var ratings = await db.OnetRatings.AsNoTracking().Where(r => targets.Contains(r.OnetSocCode))
            .OwnOrPlatformAsync(tenant, r => r.OnetSocCode, context.CancellationToken);
        var analysis = SkillsGapAnalysis.Run(tenant, partnership, Id(request.SkillsGapAnalysisId), cohort, targets, ratings, clock.GetUtcNow());
        await db.AddNewAsync(analysis, $"{request.Parent}/skillsGapAnalyses/{analysis.Id}", context.CancellationToken);
        return analysis.ToProto();
    }

    public override async Task<V1.SkillsGapAnalysis> GetSkillsGapAnalysis(V1.GetSkillsGapAnalysisRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(request.Name, "name", "tenants", "partnerships", "skillsGapAnalyses");
        var analysis = await db.SkillsGapAnalyses.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken);
        return analysis.ToProto();
    }

    public override async Task<V1.ListSkillsGapAnalysesResponse> ListSkillsGapAnalyses(V1.ListSkillsGapAnalysesRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var (analyses, next) = await db.SkillsGapAnalyses.AsNoTracking().Where(a => a.TenantId == tenant && a.PartnershipId == partnership)
            .PageAsync(a => a.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListSkillsGapAnalysesResponse { SkillsGapAnalyses = { analyses.Select(a => a.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Meeting> CreateMeeting(V1.CreateMeetingRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = await KnownPartnership(request.Parent, "parent", context);
        var given = request.Meeting ?? new V1.Meeting();
        var input = new InputCollector();
        var date = input.Take(() => given.Date.ToDate("meeting.date"));
        var items = given.ActionItems.Select((item, i) => new ProposedActionItem(item.Description, item.Owner,
            input.Take(() => item.DueDate.ToDate($"meeting.action_items[{i}].due_date")))).ToList();
        var meeting = input.Finish(() => Meeting.Held(tenant, partnership, Id(request.MeetingId), date, given.Agenda, given.Attendees, given.Decisions,
            items, clock.GetUtcNow()));
        await db.AddNewAsync(meeting, $"{request.Parent}/meetings/{meeting.Id}", context.CancellationToken);
        return meeting.ToProto();
    }

    public override async Task<V1.ListMeetingsResponse> ListMeetings(V1.ListMeetingsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var (meetings, next) = await db.Meetings.AsNoTracking().Where(m => m.TenantId == tenant && m.PartnershipId == partnership)
            .PageAsync(m => m.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListMeetingsResponse { Meetings = { meetings.Select(m => m.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Meeting> GetMeeting(V1.GetMeetingRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(request.Name, "name", "tenants", "partnerships", "meetings");
        var meeting = await db.Meetings.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken);
        return meeting.ToProto();
    }

    public override async Task<V1.Meeting> CompleteActionItem(V1.CompleteActionItemRequest request, ServerCallContext context)
    {
        var ids = ResourceNames.Parse(request.Name, "name", "tenants", "partnerships", "meetings");
        var meeting = await db.Meetings.GetNamedAsync(ids, request.Name, context.CancellationToken);
        meeting.Complete(request.ActionItem, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return meeting.ToProto();
    }

    public override async Task<V1.ListOverdueActionItemsResponse> ListOverdueActionItems(V1.ListOverdueActionItemsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(request.Parent, "parent");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.TenantId == tenant && m.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        return new V1.ListOverdueActionItemsResponse
        {
            ActionItems = { meetings.SelectMany(m => m.Overdue(today)).OrderByDescending(o => o.DaysOverdue).Select(o => o.ToProto()) },
        };
    }

    private static string Id(string requested) => string.IsNullOrEmpty(requested) ? ResourceId.New() : requested;

    private static string Authorization(ServerCallContext context) => context.GetHttpContext().Request.Headers.Authorization.ToString();

    private uint Version(object entity) => (uint)db.Entry(entity).Property("Version").CurrentValue!;

    /// <summary>A partnership this service has heard of from the Partnerships service.</summary>
    private async Task<(string Tenant, string Partnership)> KnownPartnership(string? name, string field, ServerCallContext context)
    {
        var (tenant, partnership) = ResourceNames.Partnership(name, field);
        await db.EnsurePartnershipKnownAsync(tenant, partnership, context.CancellationToken);
        return (tenant, partnership);
    }

    private async Task<EmployerEngagement> Employer(string? name, string field, ServerCallContext context, bool write)
    {
        var ids = ResourceNames.Parse(name, field, "tenants", "partnerships", "employers");
        var caller = context.Caller();
        if (write)
        {
            caller.Ensure(caller.ActsFor(ids[0], ids[1], ids[2]), "record this employer's engagement");
        }
        return await db.Employers.SingleOrDefaultAsync(e => e.TenantId == ids[0] && e.PartnershipId == ids[1] && e.OrganizationId == ids[2], context.CancellationToken)
            ?? throw new ResourceNotFound(name!);
    }
}
