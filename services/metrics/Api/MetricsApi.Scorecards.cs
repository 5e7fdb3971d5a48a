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
            async () =>
            {
                var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.TenantId == tenant).ToListAsync(cancellationToken);
                var periods = await db.Periods.AsNoTracking().Where(p => p.TenantId == tenant).GroupBy(p => p.PartnershipId)
                    .Select(g => new { Partnership = g.Key, Periods = g.Count(), Progressing = g.Count(p => p.Progressing) })
                    .ToDictionaryAsync(g => g.Partnership, cancellationToken);
                return new V1.ListPartnershipScorecardsResponse
                {
                    Scorecards =
                    {
                        partnerships.Where(p => p.Facts.Profile is not null).Select(p =>
                        {
                            var own = periods.TryGetValue(p.PartnershipId, out var counted)
                                ? ContinuousImprovementFacts.None with { Periods = counted.Periods, PeriodsProgressing = counted.Progressing }
                                : ContinuousImprovementFacts.None;
                            return Scorecards.Compute(p.Facts, own, Today).ToProto(tenant, p.PartnershipId);
                        }),
                    },
                };
            });
    }
}
