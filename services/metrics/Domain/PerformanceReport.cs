namespace SectorMesh.Metrics.Domain;

/// <summary>One indicator over its cohort: the total and its breakdowns.</summary>
public sealed record IndicatorResult(Indicator Indicator, Window Cohort, IndicatorFigure Total, IReadOnlyList<BreakdownCell> Breakdowns);

/// <summary>
/// The six primary indicators over a set of periods of participation (a partnership's, or a tenant's statewide), counted as
/// the periods are read: each period adds its outcome to every indicator's total and to every cell of the breakdowns it is in,
/// so a statewide report over a million periods never holds them all.
/// </summary>
public sealed class PerformanceReport(CohortSelection selection, DateOnly asOf)
{
    private readonly IndicatorCounts[] _indicators = [.. Enum.GetValues<Indicator>().Select(i => new IndicatorCounts(i, selection.WindowFor(i)))];

    public static IReadOnlyList<IndicatorResult> Compute(IEnumerable<PeriodOutcomes> periods, CohortSelection selection, DateOnly asOf,
        int suppressionThreshold)
    {
        var report = new PerformanceReport(selection, asOf);
        foreach (var period in periods)
        {
            report.Add(period);
        }
        return report.Results(suppressionThreshold);
    }

    public void Add(PeriodOutcomes period)
    {
        foreach (var indicator in _indicators)
        {
            indicator.Add(period, asOf);
        }
    }

    public IReadOnlyList<IndicatorResult> Results(int suppressionThreshold) => [.. _indicators.Select(i => i.Result(suppressionThreshold))];

    private sealed class IndicatorCounts(Indicator indicator, Window window)
    {
        private readonly IndicatorTally _total = new(indicator);
        private readonly Dictionary<(string Dimension, string Category), IndicatorTally> _cells = [];

        // Periods share their demographics where they are alike (the data layer reads them so), and with them their cells.
        private readonly Dictionary<Demographics, IndicatorTally[]> _cellsOf = new(ReferenceEqualityComparer.Instance);

        public void Add(PeriodOutcomes period, DateOnly asOf)
        {
            var outcome = WioaIndicators.Contribution(indicator, period, window, asOf);
            if (outcome == Outcome.NotCounted)
            {
                return;
            }
            _total.Add(outcome, period);
            if (!_cellsOf.TryGetValue(period.Demographics, out var tallies))
            {
                tallies = [.. Breakdowns.CellsOf(period.Demographics).Select(cell =>
                    _cells.TryGetValue(cell, out var tally) ? tally : _cells[cell] = new IndicatorTally(indicator))];
                _cellsOf[period.Demographics] = tallies;
            }
            foreach (var tally in tallies)
            {
                tally.Add(outcome, period);
            }
        }

        public IndicatorResult Result(int threshold)
        {
            var counted = _cells.Where(c => c.Value.Counts).Select(c => (c.Key.Dimension, c.Key.Category, c.Value.Figure(window)));
            return new IndicatorResult(indicator, window, _total.Figure(window), Breakdowns.Suppress(counted, threshold));
        }
    }
}
