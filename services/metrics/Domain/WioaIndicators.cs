using System.Globalization;

namespace SectorMesh.Metrics.Domain;

/// <summary>
/// The WIOA primary indicators of performance as TEGL 10-16 Change 3 defines them, counted over periods of participation
/// (DATA-STANDARDS.md, "WIOA primary indicators"). Each method takes every period it may draw from and selects its own
/// cohort: exits in the window for the exit-based indicators, the program year for skill gains.
/// </summary>
public static class WioaIndicators
{
    /// <summary>Training types 02–04 and 06–10 lead to a recognized postsecondary credential; on-the-job (01) and customized (05) alone do not.</summary>
    private static readonly HashSet<TrainingType> CredentialTraining =
    [
        TrainingType.SkillUpgrading, TrainingType.Entrepreneurial, TrainingType.AdultEducationWithTraining, TrainingType.OccupationalSkills,
        TrainingType.AdultEducationWithoutTraining, TrainingType.Prerequisite, TrainingType.RegisteredApprenticeship, TrainingType.YouthOccupationalSkills,
    ];

    public static IndicatorFigure Compute(Indicator indicator, IReadOnlyCollection<ParticipationPeriod> periods, Window window, DateOnly asOf) => indicator switch
    {
        Indicator.EmploymentRateQ2 => EmploymentRate(periods, window, 2),
        Indicator.EmploymentRateQ4 => EmploymentRate(periods, window, 4),
        Indicator.MedianEarningsQ2 => MedianEarnings(periods, window),
        Indicator.CredentialAttainmentRate => CredentialAttainment(periods, window, asOf),
        Indicator.MeasurableSkillGainsRate => MeasurableSkillGains(periods, window, asOf),
        _ => RetentionWithSameEmployer(periods, window),
    };

    /// <summary>Periods employed in the 2nd (4th) quarter after the exit quarter, over periods exited in the window.</summary>
    public static IndicatorFigure EmploymentRate(IEnumerable<ParticipationPeriod> periods, Window window, int quarter)
    {
        var tally = new Tally();
        foreach (var period in Exits(periods, window))
        {
            if (tally.Excludes(period, ExitBasedExclusion(period)))
            {
                continue;
            }
            var q = period.Quarter(quarter);
            // A Title I Youth in education or occupational skills training in the quarter counts as placed.
            var youthPlaced = period.Program == WioaProgram.Youth && q.InEducationOrTraining;
            if (!youthPlaced && q.NotYetAvailable)
            {
                tally.NotYetAvailable++;
                continue;
            }
            tally.Count(youthPlaced || q.Employed);
        }
        var indicator = quarter == 2 ? Indicator.EmploymentRateQ2 : Indicator.EmploymentRateQ4;
        var ordinal = quarter == 2 ? "second" : "fourth";
        return tally.Rate(indicator, $"{{0}} of {{1}} periods of participation that exited between {window} were employed in the {ordinal} quarter after exit{{2}}");
    }

    /// <summary>The middle value of second-quarter earnings of periods employed then with wages above $0; an even count takes the mean of the two middle values.</summary>
    public static IndicatorFigure MedianEarnings(IEnumerable<ParticipationPeriod> periods, Window window)
    {
        var tally = new Tally();
        var earnings = new List<decimal>();
        foreach (var period in Exits(periods, window))
        {
            if (tally.Excludes(period, ExitBasedExclusion(period)))
            {
                continue;
            }
            var q2 = period.Quarter(2);
            if (q2.NotYetAvailable)
            {
                tally.NotYetAvailable++;
            }
            else if (q2.Employed && q2.Wages > 0)
            {
                earnings.Add(q2.Wages.Value);
            }
        }
        earnings.Sort();
        decimal? median = earnings.Count == 0 ? null
            : earnings.Count % 2 == 1 ? earnings[earnings.Count / 2]
            : (earnings[earnings.Count / 2 - 1] + earnings[earnings.Count / 2]) / 2;
        var sentence = median is null
            ? $"No period of participation that exited between {window} has second-quarter earnings above $0 yet"
            : $"The middle of the second-quarter earnings of the {earnings.Count} periods of participation employed then, of those that exited between {window}, is {Dollars(median.Value)}";
        return new IndicatorFigure(Indicator.MedianEarningsQ2, earnings.Count, earnings.Count, median, tally.Reasons, tally.NotYetAvailable,
            sentence + tally.Exceptions() + ".");
    }

    /// <summary>
    /// Periods in credential-bearing education or training during participation that attained a recognized postsecondary
    /// credential during participation or within a year after exit; a secondary diploma counts only with employment or
    /// enrolment in such education within that year. A period enters the denominator once a year after its exit has passed.
    /// </summary>
    public static IndicatorFigure CredentialAttainment(IEnumerable<ParticipationPeriod> periods, Window window, DateOnly asOf)
    {
        var tally = new Tally();
        foreach (var period in Exits(periods, window).Where(InCredentialDenominator))
        {
            if (tally.Excludes(period, ExitBasedExclusion(period)))
            {
                continue;
            }
            var exit = period.Exit!.Value;
            var yearAfterExit = exit.AddYears(1);
            if (yearAfterExit > asOf)
            {
                tally.NotYetAvailable++;
                continue;
            }
            var employedOrEnrolled = Enumerable.Range(1, 4).Any(q => period.Quarter(q).Employed)
                || period.EducationAfterExit is { } enrolled && enrolled >= exit && enrolled <= yearAfterExit;
            tally.Count(period.Credentials.Any(c => c.Attained >= period.Entry && c.Attained <= yearAfterExit
                && (c.Type != CredentialType.SecondaryDiploma || employedOrEnrolled)));
        }
        return tally.Rate(Indicator.CredentialAttainmentRate,
            $"{{0}} of {{1}} periods of participation in education or training toward a credential, exited between {window}, attained a recognized credential by a year after exit{{2}}",
            "a year after exit has passed");
    }

    /// <summary>Any of the three training slots of a type that leads to a credential, postsecondary education, or secondary education without a diploma.</summary>
    public static bool InCredentialDenominator(ParticipationPeriod period) =>
        period.Training.Any(CredentialTraining.Contains) || period.PostsecondaryDuringParticipation
        || period.SecondaryDuringParticipation && period.NoEducationalLevelAtEntry;

    /// <summary>
    /// Periods in education or training whose span (1811 to 1813, or to the end of the year when 1813 is blank) overlaps the
    /// program year, that made at least one gain dated in the year: one success a period, however many gains.
    /// </summary>
    public static IndicatorFigure MeasurableSkillGains(IEnumerable<ParticipationPeriod> periods, Window programYear, DateOnly asOf)
    {
        var tally = new Tally();
        var reportEnd = asOf < programYear.End ? asOf : programYear.End;
        foreach (var period in periods)
        {
            if (period.SkillGains.EducationOrTrainingEntered is not { } entered
                || !programYear.Overlaps(entered, period.SkillGains.EducationOrTrainingCompleted ?? reportEnd))
            {
                continue;
            }
            // Table C does not apply: a participant remaining incarcerated stays in skill gains.
            if (tally.Excludes(period, period.ExcludedFromEveryIndicator ? Reason(period.ExitReason) : null))
            {
                continue;
            }
            tally.Count(period.SkillGains.Dates.Any(programYear.Contains)
                || period.Credentials.Any(c => c.Type == CredentialType.SecondaryDiploma && programYear.Contains(c.Attained)));
        }
        return tally.Rate(Indicator.MeasurableSkillGainsRate,
            $"{{0}} of {{1}} periods of participation in education or training during the program year between {programYear} made a measurable skill gain in it{{2}}");
    }

    /// <summary>
    /// Periods employed by the same employer in the 2nd and 4th quarters after exit, over periods employed in the 2nd. The same
    /// employer is the same identifier in both quarters; where neither quarter carries one, the state's own PIRL 1618 stands,
    /// and a single missing identifier cannot show the same employer.
    /// </summary>
    public static IndicatorFigure RetentionWithSameEmployer(IEnumerable<ParticipationPeriod> periods, Window window)
    {
        var tally = new Tally();
        foreach (var period in Exits(periods, window))
        {
            var reason = period.RemainsIncarcerated
                || period.ExcludedFromEveryIndicator && period.ExitReason != ExitReason.FosterCareMoved ? Reason(period.ExitReason) : null;
            if (tally.Excludes(period, reason))
            {
                continue;
            }
            var (q2, q4) = (period.Quarter(2), period.Quarter(4));
            if (q2.NotYetAvailable || q4.NotYetAvailable)
            {
                tally.NotYetAvailable++;
                continue;
            }
            if (!q2.Employed)
            {
                continue;
            }
            var (first, second) = (Employer(q2.EmployerId), Employer(q4.EmployerId));
            tally.Count(q4.Employed && (first, second) switch
            {
                (null, null) => period.RetainedWithSameEmployer == true,
                ({ } a, { } b) => a == b,
                _ => false,
            });
        }
        return tally.Rate(Indicator.RetentionWithSameEmployer,
            $"{{0}} of {{1}} periods of participation employed in the second quarter after an exit between {window} were with the same employer in the fourth{{2}}");
    }

    private static IEnumerable<ParticipationPeriod> Exits(IEnumerable<ParticipationPeriod> periods, Window window) =>
        periods.Where(p => p.Exit is { } exit && window.Contains(exit));

    /// <summary>Tables A and B, and Table C's participant remaining incarcerated, for the exit-based indicators.</summary>
    private static string? ExitBasedExclusion(ParticipationPeriod period) =>
        period.ExcludedFromEveryIndicator || period.RemainsIncarcerated ? Reason(period.ExitReason) : null;

    private static string Reason(ExitReason reason) => reason switch
    {
        ExitReason.Institutionalized => "institutionalized",
        ExitReason.HealthOrMedical => "medical treatment over 90 days",
        ExitReason.Deceased => "deceased",
        ExitReason.ReserveOrGuardCalledToActiveDuty => "called to active duty",
        ExitReason.FosterCareMoved => "moved with foster care",
        ExitReason.LaterFoundIneligible => "later found ineligible",
        _ => "remains incarcerated",
    };

    /// <summary>An employer identifier compared by its letters and digits: 12-3456789 and 123456789 are one FEIN.</summary>
    private static string? Employer(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : new string([.. id.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);

    private static string Dollars(decimal value) => value.ToString("$#,##0.00", CultureInfo.InvariantCulture);

    private sealed class Tally
    {
        private readonly Dictionary<string, long> _excluded = [];

        public long Numerator { get; private set; }
        public long Denominator { get; private set; }
        public long NotYetAvailable { get; set; }
        public IReadOnlyDictionary<string, long> Reasons => _excluded;

        public bool Excludes(ParticipationPeriod period, string? reason)
        {
            if (reason is null)
            {
                return false;
            }
            _excluded[reason] = _excluded.GetValueOrDefault(reason) + 1;
            return true;
        }

        public void Count(bool success)
        {
            Denominator++;
            Numerator += success ? 1 : 0;
        }

        /// <summary>The sentence, with {0} the numerator, {1} the denominator and {2} the rate and what was left out.</summary>
        public IndicatorFigure Rate(Indicator indicator, string sentence, string notYetAvailable = "their data is available")
        {
            decimal? value = Denominator == 0 ? null : Math.Round((decimal)Numerator / Denominator, 4);
            var rate = value is null ? "" : $" ({value:P1})".Replace(" %", "%", StringComparison.Ordinal);
            var text = string.Format(CultureInfo.InvariantCulture, sentence, Numerator, Denominator, rate) + Exceptions(notYetAvailable) + ".";
            return new IndicatorFigure(indicator, Numerator, Denominator, value, Reasons, NotYetAvailable, text);
        }

        public string Exceptions(string notYetAvailable = "their data is available")
        {
            var parts = new List<string>();
            if (_excluded.Count > 0)
            {
                parts.Add($"{_excluded.Values.Sum()} excluded ({string.Join(", ", _excluded.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value} {e.Key}"))})");
            }
            if (NotYetAvailable > 0)
            {
                parts.Add($"{NotYetAvailable} left out until {notYetAvailable}");
            }
            return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
        }
    }
}
