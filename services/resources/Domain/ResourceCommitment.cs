using SectorMesh.Domain;
using SectorMesh.Resources.Domain.Rules;

namespace SectorMesh.Resources.Domain;

public enum CommitmentKind { Cash, InKindGoods, StaffTime, Facilities, Equipment, DataAccess, Curriculum }

/// <summary>
/// What one partner pledged under the partner agreement, and what it has actually contributed.
/// Staff time is pledged in hours at a rate, so it can be valued beside cash.
/// </summary>
public sealed class ResourceCommitment : AggregateRoot, IPartnershipRecord
{
    private readonly List<Contribution> _contributions = [];

    private ResourceCommitment() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string OrganizationId { get; private set; } = "";
    public int AgreementVersion { get; private set; }
    public CommitmentKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public decimal? Hours { get; private set; }
    public Money? HourlyRate { get; private set; }
    public Money Value { get; private set; }
    public Period Period { get; private set; }

    /// <summary>The identity of the sector strategy it supports; empty when none, or recorded before strategies had identities.</summary>
    public string StrategyId { get; private set; } = "";

    /// <summary>The title of the sector strategy it supports, when recorded.</summary>
    public string Strategy { get; private set; } = "";

    /// <summary>
    /// The funding source this pledge is also recorded as, if any: an employer's cash pledge entered as
    /// employer or private funding is one sum of money, counted as the funding source once that is secured.
    /// </summary>
    public string FundingSourceId { get; private set; } = "";

    public StrategyRef StrategyRef => new(StrategyId, Strategy);

    public IReadOnlyList<Contribution> Contributions => _contributions;

    /// <summary>The most hours one pledge or contribution may count, so their worth at any hourly rate stays a figure an answer carries.</summary>
    public const decimal MaxHours = 1_000_000m;

    public Money Contributed => _contributions.Aggregate(Money.Zero(Value.Currency), (sum, c) => sum + c.Value);

    /// <summary>Delivered against pledged, capped at the pledge so one partner's surplus does not hide another's shortfall.</summary>
    public Money Fulfilled => Contributed.Amount > Value.Amount ? Value : Contributed;

    public static ResourceCommitment Make(string tenantId, string partnershipId, string id, string organizationId, int agreementVersion,
        CommitmentKind? kind, string description, Money? value, decimal? hours, Money? hourlyRate, Period period, StrategyRef strategy,
        string fundingSourceId, PartnershipRoster roster, DateTimeOffset now)
    {
        var violations = new Violations()
            .Require(ResourceId.IsValid(id), "commitment_id", ResourceId.Rule)
            .Require(agreementVersion > 0, "commitment.agreement", "must name the partner agreement that holds the commitment.")
            .Require(kind is not null, "commitment.kind", "is required: cash, in-kind goods, staff time, facilities, equipment, data access or curriculum.")
            .OptionalText(description, "commitment.description", 1000);
        if (kind == CommitmentKind.StaffTime)
        {
            violations
                .Require(hours is > 0 and <= MaxHours, "commitment.hours", "is required for staff time: more than zero and at most 1,000,000.")
                .Require(hourlyRate is not null, "commitment.hourly_rate", "is required for staff time.");
        }
        else
        {
            violations.Require(value is not null, "commitment.value", "is required.");
        }
        violations.ThrowIfAny();
        BusinessRules.Check(
            new CommitmentComesFromAPartner(organizationId, roster),
            new CommitmentIsHeldByAnAgreement(agreementVersion, roster),
            new CommitmentIsHeldByTheSignedAgreement(agreementVersion, roster),
            new CommitmentIsMadeByAParty(organizationId, agreementVersion, roster));

        var commitment = new ResourceCommitment
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            OrganizationId = organizationId,
            AgreementVersion = agreementVersion,
            Kind = kind!.Value,
            Description = description.Trim(),
            Hours = kind == CommitmentKind.StaffTime ? hours : null,
            HourlyRate = kind == CommitmentKind.StaffTime ? hourlyRate : null,
            Value = kind == CommitmentKind.StaffTime ? hourlyRate!.Value.Times(hours!.Value) : value!.Value,
            Period = period,
            StrategyId = strategy.Id,
            Strategy = strategy.Title,
            FundingSourceId = fundingSourceId,
        };
        commitment.Raise(new CommitmentRecorded(now));
        return commitment;
    }

    /// <summary>
    /// Records what the partner gave. More than the pledge is accepted, since partners do over-deliver,
    /// but flagged so staff can check it or raise the pledge.
    /// </summary>
    public Contribution RecordContribution(DateOnly date, Money? value, decimal? hours, string note, DateTimeOffset now)
    {
        var violations = new Violations()
            .Require(date >= Period.Start.AddMonths(-1), "contribution.date", "must not be long before the commitment's period.")
            .OptionalText(note, "contribution.note", 1000);
        if (Kind == CommitmentKind.StaffTime)
        {
            violations.Require(hours is > 0 and <= MaxHours, "contribution.hours", "is required for staff time: more than zero and at most 1,000,000.");
        }
        else
        {
            violations.Require(value is { Amount: > 0 }, "contribution.value", "is required and must be more than zero.")
                .Require(value is null || value.Value.Currency == Value.Currency, "contribution.value.currency_code", $"must be {Value.Currency}, the commitment's currency.");
        }
        violations.ThrowIfAny();

        var worth = Kind == CommitmentKind.StaffTime ? HourlyRate!.Value.Times(hours!.Value) : value!.Value;
        var contribution = new Contribution(date, worth, Kind == CommitmentKind.StaffTime ? hours : null, note.Trim(),
            exceedsCommitment: (Contributed + worth).Amount > Value.Amount);
        _contributions.Add(contribution);
        Raise(new ContributionRecorded(contribution, now));
        return contribution;
    }
}

public sealed class Contribution
{
    private Contribution() { }

    internal Contribution(DateOnly date, Money value, decimal? hours, string note, bool exceedsCommitment)
    {
        Date = date;
        Value = value;
        Hours = hours;
        Note = note;
        ExceedsCommitment = exceedsCommitment;
    }

    public DateOnly Date { get; private set; }
    public Money Value { get; private set; }
    public decimal? Hours { get; private set; }
    public string Note { get; private set; } = "";

    /// <summary>Set when this contribution took the total past the pledge.</summary>
    public bool ExceedsCommitment { get; private set; }
}

/// <summary>What a sector strategy needs for a period, against which resources are counted.</summary>
public sealed class ResourceNeed : IPartnershipRecord
{
    private ResourceNeed() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";

    /// <summary>The identity of the sector strategy that has the need; empty for needs recorded before strategies had identities.</summary>
    public string StrategyId { get; private set; } = "";

    /// <summary>The strategy's title when the need was recorded.</summary>
    public string Strategy { get; private set; } = "";

    public Period Period { get; private set; }
    public Money Amount { get; private set; }

    public StrategyRef StrategyRef => new(StrategyId, Strategy);

    public static ResourceNeed Plan(string tenantId, string partnershipId, string id, StrategyRef strategy, Period period, Money amount)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "resource_need_id", ResourceId.Rule)
            .Require(!strategy.IsNone, "resource_need.sector_strategy", "is required: the sector strategy that has the need.")
            .ThrowIfAny();
        return new ResourceNeed
        {
            TenantId = tenantId, PartnershipId = partnershipId, Id = id, StrategyId = strategy.Id, Strategy = strategy.Title, Period = period, Amount = amount,
        };
    }
}

public sealed record CommitmentRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ContributionRecorded(Contribution Contribution, DateTimeOffset OccurredAt) : IDomainEvent;
