using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

/// <summary>
/// Barriers to employment at program entry, as PIRL records them: 202 (disability) and 800–807.
/// One a participant discloses after entry is still a barrier they had at entry.
/// </summary>
public enum BarrierKind
{
    Disability,
    Homeless,
    ExOffender,
    LowIncome,
    EnglishLanguageLearner,
    BasicSkillsDeficient,
    Cultural,
    SingleParent,
    DisplacedHomemaker,
}

/// <summary>The wraparound supports a partnership pays for or arranges so a participant can stay in training and work.</summary>
public enum SupportiveServiceKind
{
    Transportation,
    ChildCare,
    Housing,
    NeedsRelatedPayments,
    ToolsAndWorkClothing,
    Other,
}

/// <summary>A supportive service provided on a date, its cost when known, and the tenant's organization that provided it, if one did.</summary>
public sealed record SupportiveService(DateOnly Date, SupportiveServiceKind Kind, decimal? Amount, string? ProviderId);

public sealed partial class Participant
{
    public List<BarrierKind> Barriers { get; private set; } = [];
    public List<SupportiveService> SupportiveServices { get; private set; } = [];

    public const int MaxSupportiveServices = 200;

    /// <summary>Adds barriers the participant had at entry; those already recorded change nothing and raise nothing.</summary>
    public void RecordBarriers(IReadOnlyCollection<BarrierKind> barriers, DateTimeOffset now)
    {
        new Violations()
            .Require(barriers.Count > 0, "barriers", "must name at least one barrier.")
            .Require(barriers.All(b => Enum.IsDefined(b)), "barriers", "must be barriers PIRL records.")
            .ThrowIfAny();
        var added = barriers.Distinct().Except(Barriers).Order().ToList();
        if (added.Count == 0)
        {
            return;
        }
        Barriers = [.. Barriers.Concat(added).Order()];
        Raise(new BarriersRecorded(added, now));
    }

    /// <summary>A supportive service on or after program entry, not in the future; amounts are what was paid, up to $100,000.</summary>
    public void RecordSupportiveService(SupportiveService service, DateTimeOffset now)
    {
        new Violations()
            .Require(service.Date >= EntryDate, "supportive_service.date", $"must not be before program entry {EntryDate:yyyy-MM-dd}.")
            .Require(service.Date <= DateOnly.FromDateTime(now.UtcDateTime), "supportive_service.date", "must not be in the future.")
            .Require(service.Amount is null or (>= 0 and <= 100_000), "supportive_service.amount", "must be between 0 and 100,000 dollars.")
            .Require(SupportiveServices.Count < MaxSupportiveServices, "supportive_service", $"a participant holds at most {MaxSupportiveServices} supportive services.")
            .ThrowIfAny();
        SupportiveServices.Add(service);
        Raise(new SupportiveServiceProvided(service, now));
    }
}

public sealed record BarriersRecorded(IReadOnlyList<BarrierKind> Added, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record SupportiveServiceProvided(SupportiveService Service, DateTimeOffset OccurredAt) : IDomainEvent;
