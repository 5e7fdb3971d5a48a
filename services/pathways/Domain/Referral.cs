using SectorMesh.Domain;
using SectorMesh.Pathways.Domain.Rules;

namespace SectorMesh.Pathways.Domain;

/// <summary>What came of a referral; every outcome but pending is final.</summary>
public enum ReferralOutcome
{
    Pending,
    ServiceReceived,
    Declined,
    CouldNotReach,
    NotEligible,
}

/// <summary>
/// A participant sent to a community partner (an organization of the tenant) for a barrier they face or a
/// supportive service they need: the partnership's wraparound supports (Framework element 4). Its outcome
/// is recorded once, when the partner answers.
/// </summary>
public sealed class Referral : AggregateRoot
{
    private Referral() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string ParticipantId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string OrganizationId { get; private set; } = "";
    public BarrierKind? Barrier { get; private set; }
    public SupportiveServiceKind? Need { get; private set; }
    public DateOnly ReferredOn { get; private set; }
    public ReferralOutcome Outcome { get; private set; }
    public DateOnly? OutcomeDate { get; private set; }

    /// <summary>Refers an enrolled participant, on or after their entry, for a barrier, a need, or both.</summary>
    public static Referral Make(Participant participant, string id, string organizationId, BarrierKind? barrier, SupportiveServiceKind? need,
        DateOnly referredOn, DateTimeOffset now)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "referral_id", ResourceId.Rule)
            .Require(barrier is not null || need is not null, "referral.barrier", "is required when referral.need is unset: a referral addresses a barrier, a need, or both.")
            .Require(referredOn >= participant.EntryDate, "referral.referral_date", $"must not be before program entry {participant.EntryDate:yyyy-MM-dd}.")
            .Require(referredOn <= DateOnly.FromDateTime(now.UtcDateTime), "referral.referral_date", "must not be in the future.")
            .ThrowIfAny();
        var referral = new Referral
        {
            TenantId = participant.TenantId,
            PartnershipId = participant.PartnershipId,
            ParticipantId = participant.Id,
            Id = id,
            OrganizationId = organizationId,
            Barrier = barrier,
            Need = need,
            ReferredOn = referredOn,
            Outcome = ReferralOutcome.Pending,
        };
        referral.Raise(new ParticipantReferred(now));
        return referral;
    }

    /// <summary>Records the partner's answer: a final outcome, dated on or after the referral.</summary>
    public void RecordOutcome(ReferralOutcome outcome, DateOnly date, DateTimeOffset now)
    {
        BusinessRules.Check(new ReferralOutcomeIsFinal(Outcome, OutcomeDate));
        new Violations()
            .Require(outcome != ReferralOutcome.Pending, "outcome", "must be a final outcome: REFERRAL_OUTCOME_SERVICE_RECEIVED, REFERRAL_OUTCOME_DECLINED, REFERRAL_OUTCOME_COULD_NOT_REACH or REFERRAL_OUTCOME_NOT_ELIGIBLE.")
            .Require(date >= ReferredOn, "outcome_date", $"must not be before the referral on {ReferredOn:yyyy-MM-dd}.")
            .Require(date <= DateOnly.FromDateTime(now.UtcDateTime), "outcome_date", "must not be in the future.")
            .ThrowIfAny();
        Outcome = outcome;
        OutcomeDate = date;
        Raise(new ReferralOutcomeRecorded(now));
    }
}

public sealed record ParticipantReferred(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReferralOutcomeRecorded(DateTimeOffset OccurredAt) : IDomainEvent;
