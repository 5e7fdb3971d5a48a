namespace SectorMesh.Metrics.Domain;

/// <summary>One indicator over its cohort: the total and its breakdowns.</summary>
public sealed record IndicatorResult(Indicator Indicator, Window Cohort, IndicatorFigure Total, IReadOnlyList<BreakdownCell> Breakdowns);

/// <summary>
/// The six primary indicators over a set of periods of participation (a partnership's, or a tenant's statewide): one pass
/// over the periods an indicator, adding each period's outcome to the total and to every cell of the breakdowns it is in.
/// </summary>
public static class PerformanceReport
{
    public static IReadOnlyList<IndicatorResult> Compute(IReadOnlyCollection<PeriodOutcomes> periods, CohortSelection selection, DateOnly asOf,
        int suppressionThreshold) =>
        [.. Enum.GetValues<Indicator>().Select(indicator => Compute(indicator, periods, selection.WindowFor(indicator), asOf, suppressionThreshold))];

    private static IndicatorResult Compute(Indicator indicator, IReadOnlyCollection<PeriodOutcomes> periods, Window window, DateOnly asOf, int threshold)
    {
        var total = new IndicatorTally(indicator);
        var cells = new Dictionary<(string Dimension, string Category), IndicatorTally>();
        // Periods share their demographics where they are alike (the data layer reads them so), and with them their cells.
        var cellsOf = new Dictionary<Demographics, IndicatorTally[]>(ReferenceEqualityComparer.Instance);
        foreach (var period in periods)
        {
            var outcome = WioaIndicators.Contribution(indicator, period, window, asOf);
            if (outcome == Outcome.NotCounted)
            {
                continue;
            }
            total.Add(outcome, period);
            if (!cellsOf.TryGetValue(period.Demographics, out var tallies))
            {
                tallies = [.. Breakdowns.CellsOf(period.Demographics).Select(cell =>
                    cells.TryGetValue(cell, out var tally) ? tally : cells[cell] = new IndicatorTally(indicator))];
                cellsOf[period.Demographics] = tallies;
            }
            foreach (var tally in tallies)
            {
                tally.Add(outcome, period);
            }
        }
        var counted = cells.Where(c => c.Value.Counts).Select(c => (c.Key.Dimension, c.Key.Category, c.Value.Figure(window)));
        return new IndicatorResult(indicator, window, total.Figure(window), Breakdowns.Suppress(counted, threshold));
    }
}
