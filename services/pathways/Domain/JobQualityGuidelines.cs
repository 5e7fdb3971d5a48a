using System.Globalization;
using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

/// <summary>The eight factors of job quality the Framework takes from the Good Jobs Principles.</summary>
public enum JobQualityFactor
{
    RecruitmentAndHiring,
    Benefits,
    DiversityEquityInclusionAccessibility,
    EmpowermentAndRepresentation,
    JobSecurityAndWorkingConditions,
    OrganizationalCulture,
    Pay,
    SkillsAndCareerAdvancement,
}

/// <summary>The benefits the Good Jobs Principles name for full- and part-time workers alike.</summary>
public enum Benefit
{
    HealthInsurance,
    Retirement,
    PaidLeave,
    CaregivingSupport,
}

/// <summary>The kinds of concrete standard a job can be checked against; each belongs to one factor.</summary>
public enum StandardKind
{
    MinimumHourlyWage,
    PayRangePosted,
    RequiredBenefit,
    MinimumScheduleNoticeDays,
    MinimumWeeklyHours,
}

/// <summary>What a job offers, as an employer states it or a placement records it.</summary>
public sealed record JobFacts(decimal HourlyWage, decimal WeeklyHours, IReadOnlyList<Benefit> Benefits, int ScheduleNoticeDays, bool PayRangePosted)
{
    /// <summary>Checks the facts as the request gave them under <paramref name="field"/>, its wage under <paramref name="wageField"/>.</summary>
    public Violations Validate(Violations violations, string field, string wageField) => violations
        .Require(HourlyWage is > 0 and <= 1000 && HourlyWage == decimal.Round(HourlyWage, 2), $"{field}.{wageField}",
            "must be between 0.01 and 1000 dollars an hour, in whole cents.")
        .Require(WeeklyHours is > 0 and <= 168, $"{field}.weekly_hours", "must be more than 0 and at most 168 hours.")
        .Require(ScheduleNoticeDays is >= 0 and <= 365, $"{field}.schedule_notice_days", "must be between 0 and 365 days.")
        .Require(Benefits.Distinct().Count() == Benefits.Count, $"{field}.benefits", "must not repeat a benefit.");

    /// <summary>The same facts with the benefits in one order, so equal facts are stored alike.</summary>
    public JobFacts Normalized() => this with { Benefits = [.. Benefits.Order()] };
}

/// <summary>What the partnership commits to on one factor, in words.</summary>
public sealed record FactorCommitment(JobQualityFactor Factor, string Commitment);

/// <summary>
/// A concrete standard: <see cref="Value"/> is dollars an hour, days or hours by kind (unused for
/// a posted pay range), <see cref="Benefit"/> the benefit a required-benefit standard names.
/// </summary>
public sealed record JobQualityStandard(StandardKind Kind, decimal Value = 0, Benefit? Benefit = null)
{
    public JobQualityFactor Factor => Kind switch
    {
        StandardKind.MinimumHourlyWage or StandardKind.PayRangePosted => JobQualityFactor.Pay,
        StandardKind.RequiredBenefit => JobQualityFactor.Benefits,
        _ => JobQualityFactor.JobSecurityAndWorkingConditions,
    };

    /// <summary>Whether the job meets this standard, and why, in a sentence.</summary>
    public StandardFinding Check(JobFacts job) => Kind switch
    {
        StandardKind.MinimumHourlyWage => job.HourlyWage >= Value
            ? new(this, true, $"The job pays {Dollars(job.HourlyWage)} an hour, at or above the partnership's minimum of {Dollars(Value)}.")
            : new(this, false, $"The job pays {Dollars(job.HourlyWage)} an hour, below the partnership's minimum of {Dollars(Value)}."),
        StandardKind.PayRangePosted => job.PayRangePosted
            ? new(this, true, "The job's pay range is posted, as the partnership asks.")
            : new(this, false, "The job's pay range is not posted; the partnership asks that it be."),
        StandardKind.RequiredBenefit => job.Benefits.Contains(Benefit!.Value)
            ? new(this, true, $"The job offers {Words(Benefit.Value)}, which the partnership requires.")
            : new(this, false, $"The job does not offer {Words(Benefit.Value)}, which the partnership requires."),
        StandardKind.MinimumScheduleNoticeDays => job.ScheduleNoticeDays >= Value
            ? new(this, true, $"Schedules are given {Days(job.ScheduleNoticeDays)} ahead, at least the partnership's {Days(Value)}.")
            : new(this, false, $"Schedules are given {Days(job.ScheduleNoticeDays)} ahead, short of the partnership's {Days(Value)}."),
        _ => job.WeeklyHours >= Value
            ? new(this, true, $"The job offers {Number(job.WeeklyHours)} hours a week, at least the partnership's minimum of {Number(Value)}.")
            : new(this, false, $"The job offers {Number(job.WeeklyHours)} hours a week, below the partnership's minimum of {Number(Value)}."),
    };

    /// <summary>The standard's own field in the request, for example minimum_hourly_wage.</summary>
    public string FieldName => Kind switch
    {
        StandardKind.MinimumHourlyWage => "minimum_hourly_wage",
        StandardKind.PayRangePosted => "pay_range_posted",
        StandardKind.RequiredBenefit => "required_benefit",
        StandardKind.MinimumScheduleNoticeDays => "minimum_schedule_notice_days",
        _ => "minimum_weekly_hours",
    };

    public static string Words(Benefit benefit) => benefit switch
    {
        Domain.Benefit.HealthInsurance => "health insurance",
        Domain.Benefit.Retirement => "a retirement plan",
        Domain.Benefit.PaidLeave => "paid leave",
        _ => "caregiving support",
    };

    private static string Dollars(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Days(decimal days) => days == 1 ? "1 day" : $"{Number(days)} days";
}

/// <summary>Whether a job meets one standard, and the sentence that says so.</summary>
public sealed record StandardFinding(JobQualityStandard Standard, bool Met, string Reason);

public enum GuidelinesVerdict
{
    NoGuidelines,
    Meets,
    DoesNotMeet,
}

/// <summary>A job checked against the partnership's standards: the verdict and every reason for it.</summary>
public sealed record GuidelinesCheck(GuidelinesVerdict Verdict, IReadOnlyList<string> Reasons)
{
    public static readonly GuidelinesCheck NoGuidelines =
        new(GuidelinesVerdict.NoGuidelines, ["The partnership has set no concrete job quality standard to check the job against."]);
}

/// <summary>
/// A partnership's job quality guidelines (Framework core component "Worker Voice and Job
/// Quality"): its commitment on each of the eight factors in words, and the concrete standards a
/// placement or an employer's facts are checked against. One per partnership; until it is first
/// revised it has neither.
/// </summary>
public sealed class JobQualityGuidelines : AggregateRoot
{
    private JobQualityGuidelines() { }

    public const int MaxStandards = 20;
    public const int CommitmentLength = 2000;

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public List<FactorCommitment> Commitments { get; private set; } = [];
    public List<JobQualityStandard> Standards { get; private set; } = [];
    public DateTimeOffset? UpdateTime { get; private set; }

    /// <summary>The guidelines of a partnership that has not written any yet.</summary>
    public static JobQualityGuidelines Unwritten(string tenantId, string partnershipId) => new() { TenantId = tenantId, PartnershipId = partnershipId };

    /// <summary>Replaces the commitments, the standards, or both (null leaves one as it is).</summary>
    public void Revise(IReadOnlyList<FactorCommitment>? commitments, IReadOnlyList<JobQualityStandard>? standards, DateTimeOffset now)
    {
        const string field = "job_quality_guidelines";
        var violations = new Violations();
        if (commitments is not null)
        {
            violations.Require(commitments.Select(c => c.Factor).Distinct().Count() == commitments.Count, $"{field}.commitments",
                "must state at most one commitment for each factor.");
            for (var i = 0; i < commitments.Count; i++)
            {
                violations.RequireText(commitments[i].Commitment, $"{field}.commitments[{i}].commitment", CommitmentLength);
            }
        }
        if (standards is not null)
        {
            violations.Require(standards.Count <= MaxStandards, $"{field}.standards", $"must hold at most {MaxStandards} standards.");
            violations.Require(standards.Select(s => (s.Kind, s.Benefit)).Distinct().Count() == standards.Count, $"{field}.standards",
                "must not repeat a standard (each benefit may be required once).");
            for (var i = 0; i < standards.Count && i < MaxStandards; i++)
            {
                var s = standards[i];
                var at = $"{field}.standards[{i}].{s.FieldName}";
                _ = s.Kind switch
                {
                    StandardKind.MinimumHourlyWage => violations.Require(s.Value is > 0 and <= 1000, at, "must be between 0.01 and 1000 dollars an hour."),
                    StandardKind.MinimumScheduleNoticeDays => violations.Require(s.Value is >= 1 and <= 365 && s.Value == decimal.Truncate(s.Value), at,
                        "must be a whole number of days from 1 to 365."),
                    StandardKind.MinimumWeeklyHours => violations.Require(s.Value is > 0 and <= 80, at, "must be more than 0 and at most 80 hours."),
                    StandardKind.RequiredBenefit => violations.Require(s.Benefit is not null, at, "must name a benefit."),
                    _ => violations,
                };
            }
        }
        violations.ThrowIfAny();
        if (commitments is not null)
        {
            Commitments = [.. commitments.Select(c => c with { Commitment = c.Commitment.Trim() }).OrderBy(c => c.Factor)];
        }
        if (standards is not null)
        {
            Standards = [.. standards];
        }
        UpdateTime = now;
        Raise(new JobQualityGuidelinesChanged(now));
    }

    /// <summary>The job against every standard, in the order the partnership listed them.</summary>
    public IReadOnlyList<StandardFinding> Evaluate(JobFacts job) => [.. Standards.Select(s => s.Check(job))];

    /// <summary>
    /// Whether the job meets the guidelines: every reason it misses them, or every standard it meets.
    /// With no guidelines or no concrete standard there is nothing to meet, and the check says so
    /// rather than calling the job a quality job.
    /// </summary>
    public static GuidelinesCheck Check(JobQualityGuidelines? guidelines, JobFacts job)
    {
        if (guidelines is null || guidelines.Standards.Count == 0)
        {
            return GuidelinesCheck.NoGuidelines;
        }
        var findings = guidelines.Evaluate(job);
        var missed = findings.Where(f => !f.Met).Select(f => f.Reason).ToList();
        return missed.Count > 0
            ? new GuidelinesCheck(GuidelinesVerdict.DoesNotMeet, missed)
            : new GuidelinesCheck(GuidelinesVerdict.Meets, [.. findings.Select(f => f.Reason)]);
    }
}
