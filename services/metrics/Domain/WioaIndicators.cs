using System.Globalization;

namespace SectorMesh.Metrics.Domain;

/// <summary>
/// The WIOA primary indicators of performance as TEGL 10-16 Change 3 defines them, counted over periods of participation
/// (DATA-STANDARDS.md, "WIOA primary indicators"). What each period contributes is decided by <see cref="PeriodOutcomes"/>;
/// an indicator selects its own cohort from every period it may draw from (exits in the window for the exit-based
/// indicators, the program year for skill gains) and counts their outcomes.
/// </summary>
public static class WioaIndicators
{
    /// <summary>Training types 02–04 and 06–10 lead to a recognized postsecondary credential; on-the-job (01) and customized (05) alone do not.</summary>
    private static readonly HashSet<TrainingType> CredentialTraining =
    [
        TrainingType.SkillUpgrading, TrainingType.Entrepreneurial, TrainingType.AdultEducationWithTraining, TrainingType.OccupationalSkills,
        TrainingType.AdultEducationWithoutTraining, TrainingType.Prerequisite, TrainingType.RegisteredApprenticeship, TrainingType.YouthOccupationalSkills,
    ];

    public static IndicatorFigure Compute(Indicator indicator, IEnumerable<ParticipationPeriod> periods, Window window, DateOnly asOf)
    {
        var tally = new IndicatorTally(indicator);
        foreach (var outcomes in periods.Select(PeriodOutcomes.Of))
        {
            tally.Add(Contribution(indicator, outcomes, window, asOf), outcomes);
        }
        return tally.Figure(window);
    }

    /// <summary>Periods employed in the 2nd (4th) quarter after the exit quarter, over periods exited in the window.</summary>
    public static IndicatorFigure EmploymentRate(IEnumerable<ParticipationPeriod> periods, Window window, int quarter) =>
        Compute(quarter == 2 ? Indicator.EmploymentRateQ2 : Indicator.EmploymentRateQ4, periods, window, DateOnly.MaxValue);

    /// <summary>The middle value of second-quarter earnings of periods employed then with wages above $0; an even count takes the mean of the two middle values.</summary>
    public static IndicatorFigure MedianEarnings(IEnumerable<ParticipationPeriod> periods, Window window) =>
        Compute(Indicator.MedianEarningsQ2, periods, window, DateOnly.MaxValue);

    /// <summary>
    /// Periods in credential-bearing education or training during participation that attained a recognized postsecondary
    /// credential during participation or within a year after exit; a secondary diploma counts only with employment or
    /// enrolment in such education within that year. A period enters the denominator once a year after its exit has passed.
    /// </summary>
    public static IndicatorFigure CredentialAttainment(IEnumerable<ParticipationPeriod> periods, Window window, DateOnly asOf) =>
        Compute(Indicator.CredentialAttainmentRate, periods, window, asOf);

    /// <summary>
    /// Periods in education or training whose span (1811 to 1813, or to the end of the year when 1813 is blank) overlaps the
    /// program year, that made at least one gain dated in the year: one success a period, however many gains.
    /// </summary>
    public static IndicatorFigure MeasurableSkillGains(IEnumerable<ParticipationPeriod> periods, Window programYear, DateOnly asOf) =>
        Compute(Indicator.MeasurableSkillGainsRate, periods, programYear, asOf);

    /// <summary>
    /// Periods employed by the same employer in the 2nd and 4th quarters after exit, over periods employed in the 2nd. The same
    /// employer is the same identifier in both quarters; where neither quarter carries one, the state's own PIRL 1618 stands,
    /// and a single missing identifier cannot show the same employer.
    /// </summary>
    public static IndicatorFigure RetentionWithSameEmployer(IEnumerable<ParticipationPeriod> periods, Window window) =>
        Compute(Indicator.RetentionWithSameEmployer, periods, window, DateOnly.MaxValue);

    /// <summary>What the period adds to the indicator over the cohort of <paramref name="window"/>: NotCounted when it is not in the cohort.</summary>
    public static Outcome Contribution(Indicator indicator, PeriodOutcomes period, Window window, DateOnly asOf) =>
        indicator == Indicator.MeasurableSkillGainsRate ? period.SkillGainsIn(CohortSelection.ProgramYearOf(window.Start), asOf)
        : period.Exit is { } exit && window.Contains(exit) ? period.For(indicator, asOf)
        : Outcome.NotCounted;

    /// <summary>Any of the three training slots of a type that leads to a credential, postsecondary education, or secondary education without a diploma.</summary>
    public static bool InCredentialDenominator(ParticipationPeriod period) =>
        period.Training.Any(CredentialTraining.Contains) || period.PostsecondaryDuringParticipation
        || period.SecondaryDuringParticipation && period.NoEducationalLevelAtEntry;

    /// <summary>
    /// A recognized credential attained from entry to a year after exit; a secondary diploma only with employment in a quarter
    /// after exit, or enrolment in education or training within that year.
    /// </summary>
    public static bool AttainsCredential(ParticipationPeriod period, DateOnly exit)
    {
        var yearAfterExit = exit.AddYears(1);
        var employedOrEnrolled = Enumerable.Range(1, 4).Any(q => period.Quarter(q).Employed)
            || period.EducationAfterExit is { } enrolled && enrolled >= exit && enrolled <= yearAfterExit;
        return period.Credentials.Any(c => c.Attained >= period.Entry && c.Attained <= yearAfterExit
            && (c.Type != CredentialType.SecondaryDiploma || employedOrEnrolled));
    }

    internal static string Reason(ExitReason reason) => reason switch
    {
        ExitReason.Institutionalized => "institutionalized",
        ExitReason.HealthOrMedical => "medical treatment over 90 days",
        ExitReason.Deceased => "deceased",
        ExitReason.ReserveOrGuardCalledToActiveDuty => "called to active duty",
        ExitReason.FosterCareMoved => "moved with foster care",
        ExitReason.LaterFoundIneligible => "later found ineligible",
        _ => "remains incarcerated",
    };

    internal static string Dollars(decimal value) => value.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}

/// <summary>The counts of one indicator over one set of periods (a cohort, or one cell of a breakdown), and the figure they make.</summary>
public sealed class IndicatorTally(Indicator indicator)
{
    private readonly long[] _excluded = new long[Enum.GetValues<ExitReason>().Length];
    private readonly List<decimal> _earnings = [];

    public long Numerator { get; private set; }
    public long Denominator { get; private set; }
    public long NotYetAvailable { get; private set; }

    /// <summary>Whether any period added to a count: a cell where none did is not shown at all.</summary>
    public bool Counts => Denominator > 0 || NotYetAvailable > 0 || _excluded.Any(e => e > 0);

    public void Add(Outcome outcome, PeriodOutcomes period)
    {
        switch (outcome)
        {
            case Outcome.Excluded:
                _excluded[(int)period.ExitReason]++;
                break;
            case Outcome.NotYetAvailable:
                NotYetAvailable++;
                break;
            case Outcome.Failed:
                Denominator++;
                break;
            case Outcome.Succeeded:
                Denominator++;
                Numerator++;
                if (indicator == Indicator.MedianEarningsQ2 && period.WagesQ2 is { } wages)
                {
                    _earnings.Add(wages);
                }
                break;
        }
    }

    public IndicatorFigure Figure(Window window) => indicator switch
    {
        Indicator.EmploymentRateQ2 or Indicator.EmploymentRateQ4 => Rate(indicator,
            $"{{0}} of {{1}} periods of participation that exited between {window} were employed in the {(indicator == Indicator.EmploymentRateQ2 ? "second" : "fourth")} quarter after exit{{2}}"),
        Indicator.MedianEarningsQ2 => Median(window),
        Indicator.CredentialAttainmentRate => Rate(indicator,
            $"{{0}} of {{1}} periods of participation in education or training toward a credential, exited between {window}, attained a recognized credential by a year after exit{{2}}",
            "a year after exit has passed"),
        Indicator.MeasurableSkillGainsRate => Rate(indicator,
            $"{{0}} of {{1}} periods of participation in education or training during the program year between {window} made a measurable skill gain in it{{2}}"),
        _ => Rate(indicator,
            $"{{0}} of {{1}} periods of participation employed in the second quarter after an exit between {window} were with the same employer in the fourth{{2}}"),
    };

    private IReadOnlyDictionary<string, long> Reasons => Enum.GetValues<ExitReason>().Where(r => _excluded[(int)r] > 0)
        .GroupBy(WioaIndicators.Reason).ToDictionary(g => g.Key, g => g.Sum(r => _excluded[(int)r]));

    private IndicatorFigure Median(Window window)
    {
        _earnings.Sort();
        var count = _earnings.Count;
        decimal? median = count == 0 ? null
            : count % 2 == 1 ? _earnings[count / 2]
            : (_earnings[count / 2 - 1] + _earnings[count / 2]) / 2;
        var sentence = median is null
            ? $"No period of participation that exited between {window} has second-quarter earnings above $0 yet"
            : $"The middle of the second-quarter earnings of the {count} periods of participation employed then, of those that exited between {window}, is {WioaIndicators.Dollars(median.Value)}";
        return new IndicatorFigure(Indicator.MedianEarningsQ2, count, count, median, Reasons, NotYetAvailable, sentence + Exceptions() + ".");
    }

    /// <summary>The sentence, with {0} the numerator, {1} the denominator and {2} the rate and what was left out.</summary>
    private IndicatorFigure Rate(Indicator indicator, string sentence, string notYetAvailable = "their data is available")
    {
        decimal? value = Denominator == 0 ? null : Math.Round((decimal)Numerator / Denominator, 4);
        var rate = value is null ? "" : $" ({value:P1})".Replace(" %", "%", StringComparison.Ordinal);
        var text = string.Format(CultureInfo.InvariantCulture, sentence, Numerator, Denominator, rate) + Exceptions(notYetAvailable) + ".";
        return new IndicatorFigure(indicator, Numerator, Denominator, value, Reasons, NotYetAvailable, text);
    }

    private string Exceptions(string notYetAvailable = "their data is available")
    {
        var parts = new List<string>();
        var reasons = Reasons;
        if (reasons.Count > 0)
        {
            parts.Add($"{reasons.Values.Sum()} excluded ({string.Join(", ", reasons.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value} {e.Key}"))})");
        }
        if (NotYetAvailable > 0)
        {
            parts.Add($"{NotYetAvailable} left out until {notYetAvailable}");
        }
        return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
    }
}
