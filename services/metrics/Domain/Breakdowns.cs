namespace SectorMesh.Metrics.Domain;

/// <summary>One cell of a breakdown: a category of a dimension, and its figure, or null when the cell is suppressed.</summary>
public sealed record BreakdownCell(string Dimension, string Category, IndicatorFigure? Figure)
{
    public bool Suppressed => Figure is null;
}

/// <summary>
/// The breakdowns of the annual statewide report (sex, ethnicity and race, age at entry, disability, barriers), with small
/// cells suppressed: a cell whose denominator is under the threshold is hidden, and wherever one hidden cell of a dimension
/// could be worked out from the total and the cells shown, the shown cell with the smallest denominator is hidden too.
/// </summary>
public static class Breakdowns
{
    public const int DefaultThreshold = 10;

    private sealed record Dimension(string Name, Func<Demographics, IEnumerable<string>> CategoriesOf);

    private static readonly Dimension[] Dimensions =
    [
        new("sex", d => [d.Sex switch
        {
            Sex.Male => "male",
            Sex.Female => "female",
            Sex.DidNotSelfIdentify => "did not self-identify",
            _ => "not reported",
        }]),
        new("ethnicityAndRace", d => d.EthnicityAndRace.Count == 0
            ? ["not reported"]
            : d.EthnicityAndRace.Distinct().Order().Select(e => e.ToString())),
        new("ageAtEntry", d => [d.AgeAtEntry switch
        {
            AgeBand.Under16 => "under 16",
            AgeBand.From16To18 => "16 to 18",
            AgeBand.From19To24 => "19 to 24",
            AgeBand.From25To44 => "25 to 44",
            AgeBand.From45To54 => "45 to 54",
            AgeBand.From55To59 => "55 to 59",
            AgeBand.Over59 => "60 and over",
            _ => "not reported",
        }]),
        new("disability", d => [d.Disability switch
        {
            true => "with a disability",
            false => "without a disability",
            null => "not disclosed",
        }]),
        new("barrier", d => d.Barriers.Distinct().Order(StringComparer.Ordinal)),
    ];

    /// <summary>The cells a period is counted in: one category of each dimension, or several (a person of two races is in both).</summary>
    public static IEnumerable<(string Dimension, string Category)> CellsOf(Demographics demographics) =>
        Dimensions.SelectMany(d => d.CategoriesOf(demographics).Select(category => (d.Name, category)));

    /// <summary>The cells in which some period was counted, by dimension and category, the small ones and their complements hidden.</summary>
    public static IReadOnlyList<BreakdownCell> Suppress(IEnumerable<(string Dimension, string Category, IndicatorFigure Figure)> counted, int threshold)
    {
        var byDimension = counted.ToLookup(c => c.Dimension);
        var cells = new List<BreakdownCell>();
        foreach (var dimension in Dimensions)
        {
            var figures = byDimension[dimension.Name].OrderBy(c => c.Category, StringComparer.Ordinal).ToList();
            var hidden = figures.Where(c => c.Figure.Denominator < threshold).Select(c => c.Category).ToHashSet();
            var shown = figures.Where(c => !hidden.Contains(c.Category)).ToList();
            if (hidden.Count == 1 && shown.Count > 0)
            {
                hidden.Add(shown.MinBy(c => c.Figure.Denominator).Category);
            }
            cells.AddRange(figures.Select(c => new BreakdownCell(dimension.Name, c.Category, hidden.Contains(c.Category) ? null : c.Figure)));
        }
        return cells;
    }
}
