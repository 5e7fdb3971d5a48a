using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

public sealed partial class EngagementApi
{
    public override async Task<V1.SkillsGapAnalysis> CreateSkillsGapAnalysis(V1.CreateSkillsGapAnalysisRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = await KnownPartnership(request.Parent, "parent", context);
        var given = request.SkillsGapAnalysis ?? new V1.SkillsGapAnalysis();
        var cohortId = Names.Cohort.Parse(given.Cohort, "skills_gap_analysis.cohort");
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
        var ids = Names.SkillsGapAnalysis.Parse(request.Name, "name");
        var analysis = await db.SkillsGapAnalyses.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken);
        return analysis.ToProto();
    }

    public override async Task<V1.ListSkillsGapAnalysesResponse> ListSkillsGapAnalyses(V1.ListSkillsGapAnalysesRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (analyses, next) = await db.SkillsGapAnalyses.AsNoTracking().Where(a => a.TenantId == tenant && a.PartnershipId == partnership)
            .PageAsync(a => a.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListSkillsGapAnalysesResponse { SkillsGapAnalyses = { analyses.Select(a => a.ToProto()) }, NextPageToken = next };
    }
}
