namespace SectorMesh.Metrics.Domain;

/// <summary>What one period of participation contributes to an indicator whose cohort holds it.</summary>
public enum Outcome
{
    /// <summary>In no count of the indicator: not in its denominator (the median's periods without earnings, say).</summary>
    NotCounted = 0,
    Excluded = 1,
    NotYetAvailable = 2,
    Failed = 3,
    Succeeded = 4,
}

/// <summary>
/// What one period of participation contributes to each WIOA indicator, decided by the indicators' rules once, when the period
/// is projected. A cohort then only selects periods (by exit date, or for skill gains by the program year their education or
/// training overlaps) and counts outcomes, so a statewide report over a million periods reads a few small columns a period.
/// The credential outcome is the one a year after exit shows; until that year has passed it counts as not yet available.
/// </summary>
public sealed record PeriodOutcomes(
    DateOnly? Exit,
    ExitReason ExitReason,
    Outcome EmployedQ2,
    Outcome EmployedQ4,
    Outcome EarningsQ2,
    decimal? WagesQ2,
    Outcome Credential,
    Outcome Retention,
    bool SkillGainsExcluded,
    DateOnly? EducationOrTrainingEntered,
    DateOnly? EducationOrTrainingCompleted,
    IReadOnlyList<int> GainProgramYears,
    Demographics Demographics)
{
    /// <summary>The version of the rules the outcomes were decided by; stored outcomes of an older version are decided again.</summary>
    public const int RulesVersion = 1;

    public static PeriodOutcomes Of(ParticipationPeriod period)
    {
        var exitBasedExclusion = period.ExcludedFromEveryIndicator || period.RemainsIncarcerated;
        var (q2, q4) = (period.Quarter(2), period.Quarter(4));
        // The median counts only earnings above $0 of a period employed in the quarter.
        var earnings = q2.Employed && q2.Wages > 0 ? q2.Wages : null;
        return new PeriodOutcomes(period.Exit, period.ExitReason,
            exitBasedExclusion ? Outcome.Excluded : Employment(period, q2),
            exitBasedExclusion ? Outcome.Excluded : Employment(period, q4),
            exitBasedExclusion ? Outcome.Excluded : q2.NotYetAvailable ? Outcome.NotYetAvailable : earnings is not null ? Outcome.Succeeded : Outcome.NotCounted,
            earnings,
            !WioaIndicators.InCredentialDenominator(period) ? Outcome.NotCounted
            : exitBasedExclusion ? Outcome.Excluded
            : period.Exit is null ? Outcome.NotCounted
            : WioaIndicators.AttainsCredential(period, period.Exit.Value) ? Outcome.Succeeded : Outcome.Failed,
            RetentionOf(period, q2, q4),
            period.ExcludedFromEveryIndicator,
            period.SkillGains.EducationOrTrainingEntered,
            period.SkillGains.EducationOrTrainingCompleted,
            [.. period.SkillGains.Dates
                .Concat(period.Credentials.Where(c => c.Type == CredentialType.SecondaryDiploma).Select(c => c.Attained))
                .Select(CohortSelection.ProgramYearOf).Distinct().Order()],
            period.Demographics);
    }

    /// <summary>A Title I Youth in education or occupational skills training in the quarter counts as placed.</summary>
    private static Outcome Employment(ParticipationPeriod period, QuarterAfterExit quarter)
    {
        var youthPlaced = period.Program == WioaProgram.Youth && quarter.InEducationOrTraining;
        return !youthPlaced && quarter.NotYetAvailable ? Outcome.NotYetAvailable
            : youthPlaced || quarter.Employed ? Outcome.Succeeded
            : Outcome.Failed;
    }

    /// <summary>
    /// Employed by the same employer in the 2nd and 4th quarters, over those employed in the 2nd: the same identifier in both,
    /// or where neither carries one, the state's own PIRL 1618; a single missing identifier cannot show the same employer.
    /// </summary>
    private static Outcome RetentionOf(ParticipationPeriod period, QuarterAfterExit q2, QuarterAfterExit q4)
    {
        if (period.RemainsIncarcerated || period.ExcludedFromEveryIndicator && period.ExitReason != ExitReason.FosterCareMoved)
        {
            return Outcome.Excluded;
        }
        if (q2.NotYetAvailable || q4.NotYetAvailable)
        {
            return Outcome.NotYetAvailable;
        }
        if (!q2.Employed)
        {
            return Outcome.NotCounted;
        }
        var same = q4.Employed && (Employer(q2.EmployerId), Employer(q4.EmployerId)) switch
        {
            (null, null) => period.RetainedWithSameEmployer == true,
            ({ } a, { } b) => a == b,
            _ => false,
        };
        return same ? Outcome.Succeeded : Outcome.Failed;
    }

    /// <summary>An employer identifier compared by its letters and digits: 12-3456789 and 123456789 are one FEIN.</summary>
    private static string? Employer(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : new string([.. id.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);

    /// <summary>The outcome of an exit-based indicator, for a period whose exit is in the indicator's cohort.</summary>
    public Outcome For(Indicator indicator, DateOnly asOf) => indicator switch
    {
        Indicator.EmploymentRateQ2 => EmployedQ2,
        Indicator.EmploymentRateQ4 => EmployedQ4,
        Indicator.MedianEarningsQ2 => EarningsQ2,
        Indicator.CredentialAttainmentRate => Credential is Outcome.Succeeded or Outcome.Failed && Exit!.Value.AddYears(1) > asOf ? Outcome.NotYetAvailable : Credential,
        Indicator.RetentionWithSameEmployer => Retention,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "skill gains are counted by program year, not by exit"),
    };

    /// <summary>The skill gains outcome for a program year, or NotCounted when the period's education or training does not overlap it.</summary>
    public Outcome SkillGainsIn(int programYear, DateOnly asOf)
    {
        var year = Window.ProgramYear(programYear);
        var reportEnd = asOf < year.End ? asOf : year.End;
        if (EducationOrTrainingEntered is not { } entered || !year.Overlaps(entered, EducationOrTrainingCompleted ?? reportEnd))
        {
            return Outcome.NotCounted;
        }
        return SkillGainsExcluded ? Outcome.Excluded : GainProgramYears.Contains(programYear) ? Outcome.Succeeded : Outcome.Failed;
    }
}
