using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain;
using SectorMesh.Partnerships.Domain.Rules;
using static SectorMesh.UnitTests.Partnerships.PartnershipBuilder;

namespace SectorMesh.UnitTests.Partnerships;

public class ActivationTests
{
    private static BusinessRuleBroken Activate(Partnership partnership, int minimum = 2) =>
        Assert.Throws<BusinessRuleBroken>(() => partnership.ChangeStage(PartnershipStage.Active, minimum, Now));

    [Fact]
    public void A_partnership_that_meets_every_condition_becomes_active()
    {
        var partnership = ReadyToActivate();

        partnership.ChangeStage(PartnershipStage.Active, 2, Now);

        Assert.Equal(PartnershipStage.Active, partnership.Stage);
        Assert.Contains(partnership.DomainEvents, e => e is PartnershipStageChanged { To: PartnershipStage.Active });
    }

    [Fact]
    public void Activating_a_partnership_with_one_employer_is_refused()
    {
        var partnership = WithPartners(Hospital, Board);
        partnership.DesignateIntermediary(AllRolesTo(Board.Id), Now);
        partnership.SetVision("A vision", Now);
        SignAgreement(partnership, Hospital, Board);

        var error = Activate(partnership);

        Assert.IsType<ActivePartnershipNeedsMinimumEmployerPartners>(Assert.Single(error.Rules));
    }

    [Fact]
    public void Activation_counts_employers_against_the_tenants_own_minimum()
    {
        var error = Activate(ReadyToActivate(), minimum: 3);

        Assert.IsType<ActivePartnershipNeedsMinimumEmployerPartners>(Assert.Single(error.Rules));
    }

    [Fact]
    public void Employers_who_left_do_not_count_toward_activation()
    {
        var partnership = ReadyToActivate();
        partnership.RemovePartner(Clinic.Id, "partner", new DateOnly(2026, 2, 1), 2, Now);

        var error = Activate(partnership);

        Assert.IsType<ActivePartnershipNeedsMinimumEmployerPartners>(Assert.Single(error.Rules));
    }

    [Fact]
    public void Activating_without_an_intermediary_a_vision_or_a_signed_agreement_names_every_missing_condition()
    {
        var error = Activate(WithPartners(Hospital, Clinic));

        Assert.Equal(
            [nameof(ActivePartnershipNeedsIntermediary), nameof(ActivePartnershipNeedsVision), nameof(ActivePartnershipNeedsSignedAgreement)],
            error.Rules.Select(r => r.GetType().Name));
    }

    [Fact]
    public void A_circulated_but_unsigned_agreement_does_not_allow_activation()
    {
        var partnership = WithPartners(Hospital, Clinic, Board);
        partnership.DesignateIntermediary(AllRolesTo(Board.Id), Now);
        partnership.SetVision("A vision", Now);
        var agreement = partnership.DraftAgreement([new AgreementTerm(Hospital.Id, "", "Host interns")], null, Now);
        partnership.CirculateAgreement(agreement.Version, "agreement", Now);

        var error = Activate(partnership);

        Assert.IsType<ActivePartnershipNeedsSignedAgreement>(Assert.Single(error.Rules));
    }

    [Fact]
    public void Sustaining_is_held_to_the_same_conditions_as_active()
    {
        var error = Assert.Throws<BusinessRuleBroken>(() => WithPartners(Hospital).ChangeStage(PartnershipStage.Sustaining, 2, Now));

        Assert.Equal(4, error.Rules.Count);
    }

    [Fact]
    public void Moving_between_non_operating_stages_needs_no_conditions()
    {
        var partnership = Exploring();

        partnership.ChangeStage(PartnershipStage.Launching, 2, Now);

        Assert.Equal(PartnershipStage.Launching, partnership.Stage);
    }

    [Fact]
    public void An_active_partnership_cannot_lose_the_employer_that_keeps_it_at_the_minimum()
    {
        var partnership = ReadyToActivate();
        partnership.ChangeStage(PartnershipStage.Active, 2, Now);

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.RemovePartner(Clinic.Id, "partner", new DateOnly(2026, 4, 1), 2, Now));

        Assert.IsType<OperatingPartnershipKeepsMinimumEmployerPartners>(Assert.Single(error.Rules));
    }

    [Fact]
    public void An_active_partnership_cannot_drop_its_vision()
    {
        var partnership = ReadyToActivate();
        partnership.ChangeStage(PartnershipStage.Active, 2, Now);

        Assert.Throws<BusinessRuleBroken>(() => partnership.SetVision(" ", Now));
    }

    [Fact]
    public void An_active_partnership_cannot_be_deleted()
    {
        var partnership = ReadyToActivate();
        partnership.ChangeStage(PartnershipStage.Active, 2, Now);

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.Delete(Now));

        Assert.IsType<ActivePartnershipCannotBeDeleted>(Assert.Single(error.Rules));
    }
}
