using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain;
using SectorMesh.Partnerships.Domain.Rules;
using static SectorMesh.UnitTests.Partnerships.PartnershipBuilder;

namespace SectorMesh.UnitTests.Partnerships;

public class AgreementTests
{
    private static (Partnership Partnership, PartnerAgreement Agreement) Circulated()
    {
        var partnership = WithPartners(Hospital, Clinic);
        var agreement = partnership.DraftAgreement(
            [new AgreementTerm(Hospital.Id, "Trained candidates", "Host 4 interns"), new AgreementTerm(Clinic.Id, "", "Share openings")], null, Now);
        partnership.CirculateAgreement(agreement.Version, "agreement", Now);
        return (partnership, agreement);
    }

    [Fact]
    public void A_new_agreement_starts_as_draft_version_one()
    {
        var agreement = WithPartners(Hospital).DraftAgreement([new AgreementTerm(Hospital.Id, "", "Host interns")], null, Now);

        Assert.Equal((1, AgreementStatus.Draft), (agreement.Version, agreement.Status));
    }

    [Fact]
    public void An_agreement_is_signed_once_every_party_has_signed()
    {
        var (partnership, agreement) = Circulated();

        partnership.SignAgreement(agreement.Version, "a", Hospital.Id, "H. Lead", "CEO", Member, Now);
        Assert.Equal(AgreementStatus.Circulated, agreement.Status);
        partnership.SignAgreement(agreement.Version, "a", Clinic.Id, "C. Lead", "COO", Member, Now);

        Assert.Equal(AgreementStatus.Signed, agreement.Status);
        Assert.Single(partnership.DomainEvents.OfType<AgreementSigned>());
    }

    [Fact]
    public void A_signed_agreement_cannot_be_edited()
    {
        var partnership = WithPartners(Hospital);
        SignAgreement(partnership, Hospital);

        var error = Assert.Throws<BusinessRuleBroken>(() =>
            partnership.ReviseAgreement(1, "a", [new AgreementTerm(Hospital.Id, "", "Something else")], null, Now));

        Assert.IsType<SignedAgreementCannotBeEdited>(Assert.Single(error.Rules));
    }

    [Fact]
    public void Signing_a_new_version_supersedes_the_signed_one()
    {
        var partnership = WithPartners(Hospital);
        SignAgreement(partnership, Hospital);
        SignAgreement(partnership, Hospital);

        Assert.Equal([AgreementStatus.Superseded, AgreementStatus.Signed], partnership.Agreements.Select(a => a.Status));
        Assert.Equal(1, partnership.DomainEvents.OfType<AgreementSigned>().Last().SupersededVersion);
    }

    [Fact]
    public void A_superseded_agreement_cannot_be_edited()
    {
        var partnership = WithPartners(Hospital);
        SignAgreement(partnership, Hospital);
        SignAgreement(partnership, Hospital);

        Assert.Throws<BusinessRuleBroken>(() => partnership.ReviseAgreement(1, "a", null, new DateOnly(2026, 5, 1), Now));
    }

    [Fact]
    public void A_draft_cannot_be_signed_before_it_is_circulated()
    {
        var partnership = WithPartners(Hospital);
        partnership.DraftAgreement([new AgreementTerm(Hospital.Id, "", "Host interns")], null, Now);

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.SignAgreement(1, "a", Hospital.Id, "H. Lead", "", Member, Now));

        Assert.IsType<AgreementIsSignedOnlyOnceCirculated>(Assert.Single(error.Rules));
    }

    [Fact]
    public void Only_a_party_to_the_agreement_may_sign_it()
    {
        var (partnership, agreement) = Circulated();

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.SignAgreement(agreement.Version, "a", Board.Id, "B. Lead", "", Member, Now));

        Assert.IsType<OnlyPartiesSignAgreement>(Assert.Single(error.Rules));
    }

    [Fact]
    public void A_party_signs_only_once()
    {
        var (partnership, agreement) = Circulated();
        partnership.SignAgreement(agreement.Version, "a", Hospital.Id, "H. Lead", "", Member, Now);

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.SignAgreement(agreement.Version, "a", Hospital.Id, "H. Lead", "", Member, Now));

        Assert.IsType<PartySignsOnce>(Assert.Single(error.Rules));
    }

    [Fact]
    public void Revising_a_circulated_agreement_returns_it_to_draft_and_clears_its_signatures()
    {
        var (partnership, agreement) = Circulated();
        partnership.SignAgreement(agreement.Version, "a", Hospital.Id, "H. Lead", "", Member, Now);

        partnership.ReviseAgreement(agreement.Version, "a", null, new DateOnly(2026, 6, 1), Now);

        Assert.Equal((AgreementStatus.Draft, 0), (agreement.Status, agreement.Signatures.Count));
    }

    [Fact]
    public void Every_party_to_an_agreement_must_be_a_current_partner()
    {
        var partnership = WithPartners(Hospital);

        var error = Assert.Throws<BusinessRuleBroken>(() =>
            partnership.DraftAgreement([new AgreementTerm(College.Id, "", "Offer a certificate")], null, Now));

        Assert.IsType<AgreementPartiesArePartners>(Assert.Single(error.Rules));
    }

    [Fact]
    public void An_agreement_term_without_commitments_names_the_field()
    {
        var error = Assert.Throws<InvalidInput>(() =>
            WithPartners(Hospital).DraftAgreement([new AgreementTerm(Hospital.Id, "", "")], null, Now));

        Assert.Equal("agreement.terms[0].commitments", Assert.Single(error.Violations).Field);
    }
}
