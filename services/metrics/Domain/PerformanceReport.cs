namespace SectorMesh.Metrics.Domain;

/// <summary>One indicator over its cohort: the total and its breakdowns.</summary>
public sealed record IndicatorResult(Indicator Indicator, Window Cohort, IndicatorFigure Total, IReadOnlyList<BreakdownCell> Breakdowns);

/// <summary>The six primary indicators over a set of periods of participation (a partnership's, or a tenant's statewide).</summary>
public static class PerformanceReport
{
    public static IReadOnlyList<IndicatorResult> Compute(IReadOnlyCollection<ParticipationPeriod> periods, CohortSelection selection, DateOnly asOf,
        int suppressionThreshold) =>
    [
        .. Enum.GetValues<Indicator>().Select(indicator =>
        {
            var window = selection.WindowFor(indicator);
            return new IndicatorResult(indicator, window,
                WioaIndicators.Compute(indicator, periods, window, asOf),
                Breakdowns.Compute(periods, cell => WioaIndicators.Compute(indicator, cell, window, asOf), suppressionThreshold));
        }),
    ];
}
