using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain.Rules;

/// <summary>A referral's outcome is what the partner answered; once recorded it is the record, not a draft to edit.</summary>
public sealed record ReferralOutcomeIsFinal(ReferralOutcome Outcome, DateOnly? OutcomeDate) : IBusinessRule
{
    public string Message => $"The referral's outcome was already recorded ({Outcome} on {OutcomeDate:yyyy-MM-dd}); it is final.";

    public bool IsBroken() => Outcome != ReferralOutcome.Pending;
}
