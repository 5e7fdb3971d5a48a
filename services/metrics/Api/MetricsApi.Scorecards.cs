using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Metrics.Data;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.Metrics.Api;

public sealed partial class MetricsApi
{
    public override async Task<V1.PartnershipScorecard> GetPartnershipScorecard(V1.GetPartnershipScorecardRequest request, ServerCallContext context)
    {
        var tenant = Names.PartnershipScorecard.Parse(request.Name, "name")[0];
        return (await ScorecardsAsync(tenant, context.CancellationToken)).Scorecards.FirstOrDefault(s => s.Name == request.Name)
            ?? throw new ResourceNotFound(request.Name);
    }

    public override async Task<V1.ListPartnershipScorecardsResponse> ListPartnershipScorecards(V1.ListPartnershipScorecardsRequest request,
        ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        var query = ScorecardQuery.Parse(request.Filter, request.OrderBy, tenant);
        var matching = query.Apply((await ScorecardsAsync(tenant, context.CancellationToken)).Scorecards);
        var (page, next) = matching.Page(request.PageSize, request.PageToken, $"{request.Parent}?{request.Filter}|{request.OrderBy}");
        return new V1.ListPartnershipScorecardsResponse { Scorecards = { page }, NextPageToken = next, TotalSize = matching.Count };
    }

    /// <summary>
    /// Every partnership's scorecard of the tenant, from Redis when computed at the tenant's current generation: every event a
    /// projection applies moves the generation on in its own transaction, so a scorecard is never served after a change it
    /// does not show has been applied.
    /// </summary>
    private async Task<V1.ListPartnershipScorecardsResponse> ScorecardsAsync(string tenant, CancellationToken cancellationToken)
    {
        var generation = await db.GenerationAsync(tenant, cancellationToken);
        return await cache.GetOrLoadAsync($"{Names.Tenant.Format(tenant)}/partnershipScorecards#{generation}", V1.ListPartnershipScorecardsResponse.Parser,
            async () => new V1.ListPartnershipScorecardsResponse
            {
                Scorecards = { (await ScoreAsync(tenant, null, cancellationToken)).Where(s => s.Scorecard.Profile is not null).Select(s => s.Scorecard.ToProto(tenant, s.PartnershipId)) },
            });
    }

    /// <summary>The scorecards of the tenant's partnerships, or of one, from their facts and Metrics' own periods and reviews.</summary>
    private async Task<List<(string PartnershipId, PartnershipScorecard Scorecard)>> ScoreAsync(string tenant, string? partnership,
        CancellationToken cancellationToken)
    {
        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => p.TenantId == tenant && (partnership == null || p.PartnershipId == partnership)).ToListAsync(cancellationToken);
        var periods = await db.Periods.AsNoTracking().Where(p => p.TenantId == tenant && (partnership == null || p.PartnershipId == partnership))
            .GroupBy(p => p.PartnershipId)
            .Select(g => new { Partnership = g.Key, Periods = g.Count(), Progressing = g.Count(p => p.Progressing) })
            .ToDictionaryAsync(g => g.Partnership, cancellationToken);
        var reviews = (await db.Reviews.AsNoTracking().Where(r => r.TenantId == tenant && (partnership == null || r.PartnershipId == partnership))
            .ToListAsync(cancellationToken)).ToLookup(r => r.PartnershipId);
        var surveys = await db.SurveyResponses.AsNoTracking().Where(r => r.TenantId == tenant && (partnership == null || r.PartnershipId == partnership))
            .GroupBy(r => r.PartnershipId)
            .Select(g => new { Partnership = g.Key, Surveys = g.Select(r => r.SurveyId).Distinct().Count(), Responses = g.Count() })
            .ToDictionaryAsync(g => g.Partnership, cancellationToken);
        var measured = (await db.GoalMeasures.AsNoTracking().Where(m => m.TenantId == tenant && (partnership == null || m.PartnershipId == partnership))
            .Select(m => m.PartnershipId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var goals = new Dictionary<string, IReadOnlyList<GoalProgress>>();
        foreach (var p in partnerships.Where(p => measured.Contains(p.PartnershipId)))
        {
            goals[p.PartnershipId] = await GoalProgressAsync(tenant, p.PartnershipId, p.Facts, cancellationToken);
        }
        return [.. partnerships.Select(p =>
        {
            var schedule = p.Facts.CreatedOn is { } created ? ReviewSchedules.For(created, [.. reviews[p.PartnershipId]], Today) : [];
            var counted = periods.GetValueOrDefault(p.PartnershipId);
            var own = ContinuousImprovementFacts.None with
            {
                Periods = counted?.Periods ?? 0,
                PeriodsProgressing = counted?.Progressing ?? 0,
                ReviewsDue = schedule.Count(s => s.Status != ScheduleStatus.Due),
                ReviewsOnTime = schedule.Count(s => s.Status == ScheduleStatus.HeldOnTime),
                SurveysRun = surveys.GetValueOrDefault(p.PartnershipId)?.Surveys ?? 0,
                SurveyResponses = surveys.GetValueOrDefault(p.PartnershipId)?.Responses ?? 0,
                GoalsMeasured = goals.GetValueOrDefault(p.PartnershipId, []).Count(g => g.Kind is not null),
                GoalsOnTrack = goals.GetValueOrDefault(p.PartnershipId, []).Count(g => g.OnTrack == true),
            };
            return (p.PartnershipId, Scorecards.Compute(p.Facts, own, Today));
        })];
    }
}
