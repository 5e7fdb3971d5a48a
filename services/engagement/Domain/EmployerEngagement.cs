using System.Text.RegularExpressions;
using SectorMesh.Domain;

namespace SectorMesh.Engagement.Domain;

/// <summary>How deeply an employer takes part, from being kept informed to leading the partnership.</summary>
public enum EngagementLevel { Informed, Consulted, Involved, Collaborating, Leading }

public enum EmployerActivityKind { MeetingAttended, Hosting, HiringCommitment, CurriculumInput, WorkBasedLearningPlaces }

public sealed record EmployerActivity(EmployerActivityKind Kind, DateOnly Date, int Quantity, string Note);

/// <summary>
/// An employer partner's engagement in one partnership. The employer itself is a local copy made
/// from the Partnerships service's events; what is recorded here is how it takes part.
/// </summary>
public sealed class EmployerEngagement : AggregateRoot
{
    private List<string> _champions = [];
    private List<EmployerActivity> _activities = [];
    private List<EmployerNeed> _needs = [];

    private EmployerEngagement() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string OrganizationId { get; private set; } = "";
    public string OrganizationName { get; private set; } = "";
    public EngagementLevel Level { get; private set; }
    public bool IsCurrentPartner { get; private set; }
    public IReadOnlyList<string> Champions => _champions;
    public IReadOnlyList<EmployerActivity> Activities => _activities;
    public IReadOnlyList<EmployerNeed> Needs => _needs;

    /// <summary>An employer that joined the partnership starts as informed.</summary>
    public static EmployerEngagement Joined(string tenantId, string partnershipId, string organizationId, string organizationName) => new()
    {
        TenantId = tenantId,
        PartnershipId = partnershipId,
        OrganizationId = organizationId,
        OrganizationName = organizationName,
        Level = EngagementLevel.Informed,
        IsCurrentPartner = true,
    };

    /// <summary>The partner's revision in the Partnerships service that <see cref="IsCurrentPartner"/> reflects.</summary>
    public long MembershipRevision { get; private set; }

    /// <summary>
    /// The membership as the Partnerships service told it at <paramref name="revision"/>: an employer
    /// that comes back keeps its history, and older or repeated news changes nothing.
    /// </summary>
    public bool ApplyMembership(bool current, string organizationName, long revision)
    {
        if (revision < MembershipRevision)
        {
            return false;
        }
        IsCurrentPartner = current;
        OrganizationName = organizationName.Length > 0 ? organizationName : OrganizationName;
        MembershipRevision = revision;
        return true;
    }

    public void SetLevel(EngagementLevel level, DateTimeOffset now)
    {
        if (level != Level)
        {
            Level = level;
            Raise(new EmployerEngagementRecorded(now, null));
        }
    }

    /// <summary>
    /// Changes the level, the champions (the people inside the employer who speak for the
    /// partnership, replacing the earlier list), or both; null leaves one as it is.
    /// </summary>
    public void Revise(EngagementLevel? level, IReadOnlyList<string>? champions, DateTimeOffset now)
    {
        if (champions is not null)
        {
            var violations = new Violations().Require(champions.Count <= 20, "employer_engagement.champions", "may name at most 20 people.");
            for (var i = 0; i < champions.Count; i++)
            {
                violations.RequireText(champions[i], $"employer_engagement.champions[{i}]", 200);
            }
            violations.ThrowIfAny();
            _champions = champions.Select(n => n.Trim()).Distinct().ToList();
        }
        Level = level ?? Level;
        Raise(new EmployerEngagementRecorded(now, null));
    }

    public void RecordActivity(EmployerActivityKind? kind, DateOnly? date, int quantity, string note, DateTimeOffset now)
    {
        new Violations()
            .Require(kind is not null, "activity.kind", "is required.")
            .Require(date is not null, "activity.date", "is required.")
            .Require(kind is not (EmployerActivityKind.HiringCommitment or EmployerActivityKind.WorkBasedLearningPlaces) || quantity > 0,
                "activity.quantity", "must say how many hires or places, more than zero.")
            .Require(quantity >= 0, "activity.quantity", "must not be negative.")
            .OptionalText(note, "activity.note", 1000)
            .ThrowIfAny();
        var activity = new EmployerActivity(kind!.Value, date!.Value, quantity, note.Trim());
        _activities = [.. _activities, activity];
        Raise(new EmployerEngagementRecorded(now, activity));
    }

    /// <summary>An employer's need for an occupation; a new analysis of the same occupation replaces the earlier one.</summary>
    public void RecordNeed(EmployerNeed need, DateTimeOffset now)
    {
        _needs = [.. _needs.Where(n => n.SocCode != need.SocCode), need];
        Raise(new EmployerEngagementRecorded(now, null));
    }

    /// <summary>What the partnership can thank the employer for: its activities counted by kind.</summary>
    public IReadOnlyDictionary<EmployerActivityKind, int> Contributions() =>
        _activities.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Key is EmployerActivityKind.HiringCommitment or EmployerActivityKind.WorkBasedLearningPlaces
            ? g.Sum(a => a.Quantity)
            : g.Count());
}

/// <summary>The employer's engagement changed: its level, its needs, or a new activity.</summary>
public sealed record EmployerEngagementRecorded(DateTimeOffset OccurredAt, EmployerActivity? Activity) : IDomainEvent;

/// <summary>An employer's expected demand for one occupation.</summary>
public sealed partial record EmployerNeed(
    string SocCode, int OpeningsIn12Months, int OpeningsIn36Months, bool HardToFill,
    IReadOnlyList<string> Skills, IReadOnlyList<string> Credentials, decimal WageMin, decimal WageMax)
{
    public static EmployerNeed Create(string socCode, int openings12, int openings36, bool hardToFill,
        IReadOnlyList<string> skills, IReadOnlyList<string> credentials, decimal wageMin, decimal wageMax)
    {
        var violations = new Violations();
        for (var i = 0; i < skills.Count; i++)
        {
            violations.RequireText(skills[i], $"need.skills[{i}]", 200);
        }
        for (var i = 0; i < credentials.Count; i++)
        {
            violations.RequireText(credentials[i], $"need.credentials[{i}]", 200);
        }
        violations
            .Require(SocPattern().IsMatch(socCode ?? ""), "need.soc_code", "must be a 2018 SOC code such as 29-1141.")
            .Require(openings12 >= 0, "need.openings_12_months", "must not be negative.")
            .Require(openings36 >= openings12, "need.openings_36_months", "must be at least the openings expected in 12 months.")
            .Require(wageMin >= 0, "need.wage_min", "must not be negative.")
            .Require(wageMax >= wageMin, "need.wage_max", "must be at least the minimum wage of the range.")
            .ThrowIfAny();
        return new EmployerNeed(socCode!, openings12, openings36, hardToFill,
            skills.Select(x => x.Trim()).ToList(), credentials.Select(x => x.Trim()).ToList(), wageMin, wageMax);
    }

    [GeneratedRegex(@"^\d{2}-\d{4}\z")]
    private static partial Regex SocPattern();
}

/// <summary>What the partnership's employers together expect to need of one occupation.</summary>
public sealed record OccupationNeed(
    string SocCode, int Employers, int OpeningsIn12Months, int OpeningsIn36Months, int HardToFill,
    decimal WageMin, decimal WageMax, IReadOnlyList<string> Skills, IReadOnlyList<string> Credentials);

public static class NeedsAnalysis
{
    /// <summary>
    /// Current employer partners' needs summed by occupation: openings add up, the wage range spans
    /// every employer's range, skills and credentials are the union. Most openings in 12 months first.
    /// </summary>
    public static IReadOnlyList<OccupationNeed> ByOccupation(IEnumerable<EmployerEngagement> employers) =>
        employers.Where(e => e.IsCurrentPartner).SelectMany(e => e.Needs).GroupBy(n => n.SocCode)
            .Select(g => new OccupationNeed(g.Key, g.Count(), g.Sum(n => n.OpeningsIn12Months), g.Sum(n => n.OpeningsIn36Months),
                g.Count(n => n.HardToFill), g.Min(n => n.WageMin), g.Max(n => n.WageMax),
                g.SelectMany(n => n.Skills).Distinct().Order(StringComparer.Ordinal).ToList(),
                g.SelectMany(n => n.Credentials).Distinct().Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(o => o.OpeningsIn12Months).ThenBy(o => o.SocCode, StringComparer.Ordinal)
            .ToList();
}

public static class Recognition
{
    /// <summary>Employers to thank, most engaged first: by level, then by how much they have done.</summary>
    public static IReadOnlyList<EmployerEngagement> Ranked(IEnumerable<EmployerEngagement> employers) =>
        employers.OrderByDescending(e => e.Level).ThenByDescending(e => e.Contributions().Values.Sum())
            .ThenBy(e => e.OrganizationId, StringComparer.Ordinal).ToList();
}
