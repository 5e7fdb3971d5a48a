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
    private readonly List<string> _champions = [];
    private readonly List<EmployerActivity> _activities = [];

    private EmployerEngagement() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string OrganizationId { get; private set; } = "";
    public string OrganizationName { get; private set; } = "";
    public EngagementLevel Level { get; private set; }
    public bool IsCurrentPartner { get; private set; }
    public IReadOnlyList<string> Champions => _champions;
    public IReadOnlyList<EmployerActivity> Activities => _activities;

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

    public void Left() => IsCurrentPartner = false;

    public void Rejoined() => IsCurrentPartner = true;

    public void SetLevel(EngagementLevel level, DateTimeOffset now)
    {
        if (level != Level)
        {
            Level = level;
            Raise(new EmployerEngagementRecorded(now));
        }
    }

    public void AddChampion(string name)
    {
        new Violations().RequireText(name, "champion", 200).ThrowIfAny();
        if (!_champions.Contains(name.Trim()))
        {
            _champions.Add(name.Trim());
        }
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
        _activities.Add(new EmployerActivity(kind!.Value, date!.Value, quantity, note.Trim()));
        Raise(new EmployerEngagementRecorded(now));
    }

    /// <summary>What the partnership can thank the employer for: its activities counted by kind.</summary>
    public IReadOnlyDictionary<EmployerActivityKind, int> Contributions() =>
        _activities.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Key is EmployerActivityKind.HiringCommitment or EmployerActivityKind.WorkBasedLearningPlaces
            ? g.Sum(a => a.Quantity)
            : g.Count());
}

public sealed record EmployerEngagementRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An employer's expected demand for one occupation.</summary>
public sealed partial record EmployerNeed(
    string SocCode, int OpeningsIn12Months, int OpeningsIn36Months, bool HardToFill,
    IReadOnlyList<string> Skills, IReadOnlyList<string> Credentials, decimal WageMin, decimal WageMax)
{
    public static EmployerNeed Create(string socCode, int openings12, int openings36, bool hardToFill,
        IReadOnlyList<string> skills, IReadOnlyList<string> credentials, decimal wageMin, decimal wageMax)
    {
        new Violations()
            .Require(SocPattern().IsMatch(socCode ?? ""), "need.soc_code", "must be a 2018 SOC code such as 29-1141.")
            .Require(openings12 >= 0, "need.openings_12_months", "must not be negative.")
            .Require(openings36 >= openings12, "need.openings_36_months", "must be at least the openings expected in 12 months.")
            .Require(wageMin >= 0, "need.wage_min", "must not be negative.")
            .Require(wageMax >= wageMin, "need.wage_max", "must be at least the minimum wage of the range.")
            .ThrowIfAny();
        return new EmployerNeed(socCode!, openings12, openings36, hardToFill, skills, credentials, wageMin, wageMax);
    }

    [GeneratedRegex(@"^\d{2}-\d{4}$")]
    private static partial Regex SocPattern();
}
