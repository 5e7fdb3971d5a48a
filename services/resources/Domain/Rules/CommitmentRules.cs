using SectorMesh.Domain;

namespace SectorMesh.Resources.Domain.Rules;

/// <summary>Only an organization that is a current partner of the partnership can commit resources to it.</summary>
public sealed record CommitmentComesFromAPartner(string OrganizationId, PartnershipRoster Roster) : IBusinessRule
{
    public string Message => $"Organization {OrganizationId} is not a current partner of this partnership; add it as a partner first.";

    public bool IsBroken() => !Roster.CurrentPartners.Contains(OrganizationId);
}

/// <summary>A commitment is held by one of the partnership's partner agreements.</summary>
public sealed record CommitmentIsHeldByAnAgreement(int AgreementVersion, PartnershipRoster Roster) : IBusinessRule
{
    public string Message => $"The partnership has no agreement version {AgreementVersion}.";

    public bool IsBroken() => !Roster.AgreementVersions.Contains(AgreementVersion);
}
