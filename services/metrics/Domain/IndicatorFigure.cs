namespace SectorMesh.Metrics.Domain;

/// <summary>The six WIOA primary indicators of performance, by the names the API gives them.</summary>
public enum Indicator
{
    EmploymentRateQ2,
    EmploymentRateQ4,
    MedianEarningsQ2,
    CredentialAttainmentRate,
    MeasurableSkillGainsRate,
    RetentionWithSameEmployer,
}

public static class Indicators
{
    /// <summary>The indicator's name as the API and the CSV export write it, such as employmentRateQ2.</summary>
    public static string Key(this Indicator indicator) => char.ToLowerInvariant(indicator.ToString()[0]) + indicator.ToString()[1..];
}

/// <summary>
/// One indicator's figure: its numerator and denominator (for the median, both are the number of earnings it is the middle
/// of), its value (a rate from 0 to 1, or dollars for the median; null with an empty denominator), the periods excluded by
/// reason, the periods left out until their data is available, and a sentence that says what the figure counts.
/// </summary>
public sealed record IndicatorFigure(
    Indicator Indicator,
    long Numerator,
    long Denominator,
    decimal? Value,
    IReadOnlyDictionary<string, long> Excluded,
    long NotYetAvailable,
    string Explanation)
{
    public long ExcludedCount => Excluded.Values.Sum();
}

/// <summary>The exit window an indicator's cohort is drawn from, both ends included; skill gains use it as the program year.</summary>
public sealed record Window(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Overlaps(DateOnly start, DateOnly end) => start <= End && end >= Start;

    /// <summary>Program year PY runs from July 1, PY to June 30, PY+1.</summary>
    public static Window ProgramYear(int year) => new(new DateOnly(year, 7, 1), new DateOnly(year + 1, 6, 30));

    /// <summary>
    /// The cohort the annual statewide report (ETA-9169) uses for program year PY: Q2 and median earnings exits July 1, PY−1
    /// to June 30, PY; Q4, credential and retention exits in calendar year PY−1; skill gains the program year itself.
    /// </summary>
    public static Window ReportedFor(Indicator indicator, int programYear) => indicator switch
    {
        Indicator.EmploymentRateQ2 or Indicator.MedianEarningsQ2 => ProgramYear(programYear - 1),
        Indicator.MeasurableSkillGainsRate => ProgramYear(programYear),
        _ => new Window(new DateOnly(programYear - 1, 1, 1), new DateOnly(programYear - 1, 12, 31)),
    };

    public override string ToString() => $"{Start:yyyy-MM-dd} and {End:yyyy-MM-dd}";
}
