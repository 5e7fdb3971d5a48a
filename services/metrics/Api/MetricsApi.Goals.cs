using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.Metrics.Api;

public sealed partial class MetricsApi
{
    /// <summary>Saved with the tenant's generation advanced: the scorecard counts goals measured and on track.</summary>
    public override async Task<V1.GoalMeasure> CreateGoalMeasure(V1.CreateGoalMeasureRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.GoalMeasure ?? new V1.GoalMeasure();
        var measure = GoalMeasure.Bind(tenant, partnership, request.GoalMeasureId, given.Metric, given.Kind.ToDomain<V1.MeasureKind, MeasureKind>(), clock.GetUtcNow());
        await db.AdvancingGenerationAsync(tenant,
            () => db.AddNewAsync(measure, Names.GoalMeasure.Format(tenant, partnership, measure.Id), context.CancellationToken), context.CancellationToken);
        return measure.ToProto();
    }

    public override async Task<V1.ListGoalMeasuresResponse> ListGoalMeasures(V1.ListGoalMeasuresRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (measures, next) = await db.GoalMeasures.AsNoTracking().Where(m => m.TenantId == tenant && m.PartnershipId == partnership)
            .PageAsync(m => m.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListGoalMeasuresResponse { GoalMeasures = { measures.Select(m => m.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.GoalMeasure> RecordGoalFigure(V1.RecordGoalFigureRequest request, ServerCallContext context)
    {
        var ids = Names.GoalMeasure.Parse(request.Name, "name");
        var measure = await db.GoalMeasures.GetNamedAsync(ids, request.Name, context.CancellationToken);
        measure.RecordFigure(request.Quarter, (decimal)request.Value, clock.GetUtcNow());
        await db.SaveAdvancingGenerationAsync(ids[0], context.CancellationToken);
        return measure.ToProto();
    }

    public override async Task<V1.GoalProgress> GetGoalProgress(V1.GetGoalProgressRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.GoalProgress.Parse(request.Name, "name");
        var facts = (await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenant && p.PartnershipId == partnership, context.CancellationToken))
            ?.Facts ?? new PartnershipFacts();
        var progress = await GoalProgressAsync(tenant, partnership, facts, context.CancellationToken);
        return new V1.GoalProgress { Name = request.Name, Goals = { progress.Select(p => p.ToProto()) } };
    }

    /// <summary>The goals the partnership set, each against the measure bound to its metric, read from its facts and periods.</summary>
    private async Task<IReadOnlyList<GoalProgress>> GoalProgressAsync(string tenant, string partnership, PartnershipFacts facts, CancellationToken cancellationToken)
    {
        var measures = await db.GoalMeasures.AsNoTracking().Where(m => m.TenantId == tenant && m.PartnershipId == partnership).ToListAsync(cancellationToken);
        if (measures.Count == 0 || facts.Goals is null)
        {
            return GoalProgressCalculator.Compute(facts.Goals?.Value ?? [], measures, new MeasureInputs(facts, [], []), Today);
        }
        var periods = await db.Periods.AsNoTracking().Where(p => p.TenantId == tenant && p.PartnershipId == partnership).Select(p => p.Document.Period)
            .ToListAsync(cancellationToken);
        var inputs = new MeasureInputs(facts, [.. periods.Select(p => p.Entry)], [.. periods.SelectMany(p => p.Credentials).Select(c => c.Attained)]);
        return GoalProgressCalculator.Compute(facts.Goals.Value, measures, inputs, Today);
    }
}
