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

    public bool IsBroken() => Roster.Agreement(AgreementVersion) is null;
}

/// <summary>
/// A pledge binds a partner once the agreement holding it is signed by every party; a draft can still
/// change and a superseded version no longer holds anyone, so a commitment cites the signed, current one.
/// </summary>
public sealed record CommitmentIsHeldByTheSignedAgreement(int AgreementVersion, PartnershipRoster Roster) : IBusinessRule
{
    public string Message
    {
        get
        {
            var signed = Roster.Agreements.FirstOrDefault(a => a.Standing == AgreementStanding.Signed);
            return $"Agreement version {AgreementVersion} is {Roster.Agreement(AgreementVersion)?.Standing.ToString().ToLowerInvariant()}; a commitment is recorded under the partnership's signed agreement"
                + (signed is null ? ", and none is signed yet." : $", version {signed.Version}.");
        }
    }

    public bool IsBroken() => Roster.Agreement(AgreementVersion) is { Standing: not AgreementStanding.Signed };
}

/// <summary>The agreement that holds a commitment names the organization making it among its parties.</summary>
public sealed record CommitmentIsMadeByAParty(string OrganizationId, int AgreementVersion, PartnershipRoster Roster) : IBusinessRule
{
    public string Message => $"Organization {OrganizationId} is not a party to agreement version {AgreementVersion}; a new version naming it must be signed first.";

    public bool IsBroken() => Roster.Agreement(AgreementVersion) is { } agreement && !agreement.Parties.Contains(OrganizationId);
}
