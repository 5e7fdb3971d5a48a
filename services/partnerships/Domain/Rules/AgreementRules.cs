using SectorMesh.Domain;

namespace SectorMesh.Partnerships.Domain.Rules;

public sealed record SignedAgreementCannotBeEdited(PartnerAgreement Agreement) : IBusinessRule
{
    public string Message =>
        $"Agreement version {Agreement.Version} is {Agreement.Status.ToString().ToLowerInvariant()} and cannot be edited; draft a new version to supersede it.";

    public bool IsBroken() => Agreement.Status is AgreementStatus.Signed or AgreementStatus.Superseded;
}

public sealed record AgreementIsSignedOnlyOnceCirculated(PartnerAgreement Agreement) : IBusinessRule
{
    public string Message =>
        $"Agreement version {Agreement.Version} is {Agreement.Status.ToString().ToLowerInvariant()}; only a circulated agreement can be signed.";

    public bool IsBroken() => Agreement.Status != AgreementStatus.Circulated;
}

public sealed record OnlyDraftAgreementIsCirculated(PartnerAgreement Agreement) : IBusinessRule
{
    public string Message =>
        $"Agreement version {Agreement.Version} is {Agreement.Status.ToString().ToLowerInvariant()}; only a draft can be circulated.";

    public bool IsBroken() => Agreement.Status != AgreementStatus.Draft;
}

public sealed record OnlyPartiesSignAgreement(PartnerAgreement Agreement, string OrganizationId) : IBusinessRule
{
    public string Message => $"Organization {OrganizationId} is not a party to agreement version {Agreement.Version}.";

    public bool IsBroken() => Agreement.Terms.All(t => t.OrganizationId != OrganizationId);
}

public sealed record PartySignsOnce(PartnerAgreement Agreement, string OrganizationId) : IBusinessRule
{
    public string Message => $"Organization {OrganizationId} has already signed agreement version {Agreement.Version}.";

    public bool IsBroken() => Agreement.Signatures.Any(s => s.OrganizationId == OrganizationId);
}
