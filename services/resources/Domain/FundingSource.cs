using SectorMesh.Domain;
using SectorMesh.Resources.Domain.Rules;

namespace SectorMesh.Resources.Domain;

public enum FundingKind { WioaTitleI, OtherFederal, State, Local, Philanthropic, EmployerOrPrivate, InKind }

public enum FundingStatus { Prospect, Applied, Awarded, Declined, Spent }

public static class FundingKinds
{
    /// <summary>Public dollars are what leverage is measured against.</summary>
    public static bool IsPublic(this FundingKind kind) =>
        kind is FundingKind.WioaTitleI or FundingKind.OtherFederal or FundingKind.State or FundingKind.Local;

    /// <summary>Money the partnership can count on: awarded, or already spent on its work.</summary>
    public static bool IsSecured(this FundingStatus status) => status is FundingStatus.Awarded or FundingStatus.Spent;
}

/// <summary>A grant, appropriation, gift or in-kind resource the partnership pursues or holds.</summary>
public sealed class FundingSource : AggregateRoot, IPartnershipRecord
{
    private FundingSource() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public FundingKind Kind { get; private set; }
    public Money Amount { get; private set; }
    public Period Period { get; private set; }
    public string Restrictions { get; private set; } = "";
    public FundingStatus Status { get; private set; }

    /// <summary>The identity of the sector strategy it is restricted to; empty when unrestricted or recorded before strategies had identities.</summary>
    public string StrategyId { get; private set; } = "";

    /// <summary>The title of the sector strategy it is restricted to, when recorded; empty when unrestricted.</summary>
    public string Strategy { get; private set; } = "";

    /// <summary>Who awards it: the sources of one funder are one dependency, however many awards it makes.</summary>
    public string Funder { get; private set; } = "";

    public StrategyRef StrategyRef => new(StrategyId, Strategy);

    /// <summary>Not restricted to any strategy, so free to cover whatever restricted resources leave open.</summary>
    public bool IsUnrestricted => StrategyRef.IsNone;

    public static FundingSource Record(string tenantId, string partnershipId, string id, string displayName, FundingKind? kind,
        Money amount, Period period, string restrictions, FundingStatus? status, StrategyRef strategy, string funder, DateTimeOffset now)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "funding_source_id", ResourceId.Rule)
            .RequireText(displayName, "funding_source.display_name", 200)
            .Require(kind is not null, "funding_source.kind", "is required: WIOA Title I, other federal, state, local, philanthropic, employer or private, or in-kind.")
            .OptionalText(restrictions, "funding_source.restrictions", 2000)
            .OptionalText(funder, "funding_source.funder", 200)
            .ThrowIfAny();
        var source = new FundingSource
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            DisplayName = displayName.Trim(),
            Kind = kind!.Value,
            Amount = amount,
            Period = period,
            Restrictions = restrictions.Trim(),
            Status = status ?? FundingStatus.Prospect,
            StrategyId = strategy.Id,
            Strategy = strategy.Title,
            Funder = funder.Trim(),
        };
        source.Raise(new FundingSourceRecorded(now));
        if (source.Status.IsSecured())
        {
            source.Raise(new FundingAwarded(now));
        }
        return source;
    }

    /// <summary>
    /// Corrects the details given (null leaves one as it is). Consumers learn the corrected source
    /// from a new FundingSourceRecorded, which always carries the whole current state.
    /// </summary>
    public void Correct(string? displayName, Money? amount, Period? period, string? restrictions, StrategyRef? strategy, string? funder, DateTimeOffset now)
    {
        var violations = new Violations();
        if (displayName is not null)
        {
            violations.RequireText(displayName, "funding_source.display_name", 200);
        }
        violations
            .OptionalText(restrictions, "funding_source.restrictions", 2000)
            .OptionalText(funder, "funding_source.funder", 200)
            .ThrowIfAny();
        DisplayName = displayName?.Trim() ?? DisplayName;
        Amount = amount ?? Amount;
        Period = period ?? Period;
        Restrictions = restrictions?.Trim() ?? Restrictions;
        StrategyId = strategy?.Id ?? StrategyId;
        Strategy = strategy?.Title ?? Strategy;
        Funder = funder?.Trim() ?? Funder;
        Raise(new FundingSourceRecorded(now));
    }

    public void MoveTo(FundingStatus status, DateTimeOffset now)
    {
        if (status == Status)
        {
            return;
        }
        BusinessRules.Check(new FundingStatusMovesForward(Status, status));
        var wasSecured = Status.IsSecured();
        Status = status;
        Raise(new FundingSourceRecorded(now));
        if (!wasSecured && status.IsSecured())
        {
            Raise(new FundingAwarded(now));
        }
    }
}

public sealed record FundingSourceRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record FundingAwarded(DateTimeOffset OccurredAt) : IDomainEvent;
