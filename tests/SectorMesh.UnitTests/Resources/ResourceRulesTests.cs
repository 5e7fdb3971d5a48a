using SectorMesh.Domain;
using SectorMesh.Resources.Domain;
using SectorMesh.Resources.Domain.Rules;
using static SectorMesh.UnitTests.Resources.WorkedExample;

namespace SectorMesh.UnitTests.Resources;

public class ResourceRulesTests
{
    [Fact]
    public void Amounts_in_different_currencies_are_not_added()
    {
        var error = Assert.Throws<InvalidInput>(() => Usd(10) + new Money(10, "CAD"));

        Assert.Equal("currency_code", Assert.Single(error.Violations).Field);
    }

    [Theory]
    [InlineData(-1, "USD", "value.amount")]
    [InlineData(10.005, "USD", "value.amount")]
    [InlineData(10, "usd", "value.currency_code")]
    public void Money_is_validated_field_by_field(decimal amount, string currency, string field)
    {
        Assert.Equal(field, Assert.Single(Assert.Throws<InvalidInput>(() => Money.Create(amount, currency, "value")).Violations).Field);
    }

    [Fact]
    public void A_period_cannot_end_before_it_starts()
    {
        var error = Assert.Throws<InvalidInput>(() => Period.Create(new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 31), "period"));

        Assert.Equal("period.end_date", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Staff_time_is_valued_at_hours_times_rate()
    {
        var clinic = Commitments().Single(c => c.Kind == CommitmentKind.StaffTime);

        Assert.Equal(Usd(40_000), clinic.Value);
    }

    [Fact]
    public void A_contribution_above_the_commitment_is_accepted_but_flagged()
    {
        var clinic = Commitments().Single(c => c.Kind == CommitmentKind.StaffTime);

        Assert.True(Assert.Single(clinic.Contributions).ExceedsCommitment);
        Assert.Equal(Usd(48_000), clinic.Contributed);
    }

    [Fact]
    public void A_contribution_within_the_commitment_is_not_flagged()
    {
        var hospital = Commitments().Single(c => c.Kind == CommitmentKind.Cash);

        Assert.False(Assert.Single(hospital.Contributions).ExceedsCommitment);
    }

    [Fact]
    public void Staff_time_needs_hours_and_a_rate()
    {
        var error = Assert.Throws<InvalidInput>(() => ResourceCommitment.Make("oh", "p", "c", "clinic", 1, CommitmentKind.StaffTime, "",
            null, null, null, Year(2026), StrategyRef.None, "", Roster, Now));

        Assert.Equal(["commitment.hours", "commitment.hourly_rate"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Only_a_current_partner_can_make_a_commitment()
    {
        var error = Assert.Throws<BusinessRuleBroken>(() => ResourceCommitment.Make("oh", "p", "c", "stranger", 1, CommitmentKind.Cash, "",
            Usd(1_000), null, null, Year(2026), StrategyRef.None, "", Roster, Now));

        Assert.Contains(error.Rules, r => r is CommitmentComesFromAPartner);
    }

    [Fact]
    public void A_commitment_must_be_held_by_an_existing_agreement()
    {
        var error = Assert.Throws<BusinessRuleBroken>(() => ResourceCommitment.Make("oh", "p", "c", "hospital", 7, CommitmentKind.Cash, "",
            Usd(1_000), null, null, Year(2026), StrategyRef.None, "", Roster, Now));

        Assert.IsType<CommitmentIsHeldByAnAgreement>(Assert.Single(error.Rules));
    }

    [Theory]
    [InlineData(AgreementStanding.Draft)]
    [InlineData(AgreementStanding.Circulated)]
    [InlineData(AgreementStanding.Superseded)]
    public void A_commitment_under_an_agreement_that_is_not_the_signed_one_is_refused(AgreementStanding standing)
    {
        var roster = RosterWith(
            new AgreementOnFile(1, standing, Parties("hospital")),
            new AgreementOnFile(2, standing == AgreementStanding.Superseded ? AgreementStanding.Signed : AgreementStanding.Draft, Parties("hospital")));

        var error = Assert.Throws<BusinessRuleBroken>(() => Cash("c", "hospital", 1_000, Year(2026), StrategyRef.None, roster: roster));

        Assert.IsType<CommitmentIsHeldByTheSignedAgreement>(Assert.Single(error.Rules));
    }

    [Fact]
    public void A_commitment_from_a_partner_the_signed_agreement_does_not_name_is_refused()
    {
        var roster = RosterWith(new AgreementOnFile(1, AgreementStanding.Signed, Parties("hospital", "board")));

        var error = Assert.Throws<BusinessRuleBroken>(() => Cash("c", "clinic", 1_000, Year(2026), StrategyRef.None, roster: roster));

        Assert.IsType<CommitmentIsMadeByAParty>(Assert.Single(error.Rules));
    }

    [Fact]
    public void A_strategy_is_found_by_its_identity_whatever_its_title_now()
    {
        Assert.Equal(Nursing, Roster.Strategy("nursing", "", "funding_source"));
    }

    [Fact]
    public void A_strategy_identity_the_partnership_does_not_have_is_invalid_on_that_field()
    {
        var error = Assert.Throws<InvalidInput>(() => Roster.Strategy("plumbing", "", "funding_source"));

        Assert.Equal("funding_source.sector_strategy", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_strategy_title_with_a_typo_is_refused_rather_than_read_as_another_strategy()
    {
        var error = Assert.Throws<InvalidInput>(() => Roster.Strategy("", "Nursing apprentiseships", "resource_need"));

        Assert.Equal("resource_need.strategy", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void An_older_client_naming_a_strategy_by_its_exact_title_gets_that_strategy()
    {
        Assert.Equal(Nursing, Roster.Strategy("", " Nursing apprenticeships ", "resource_need"));
    }

    [Fact]
    public void A_need_is_for_a_strategy()
    {
        var error = Assert.Throws<InvalidInput>(() => Need("n", StrategyRef.None, Year(2026), 1_000));

        Assert.Equal("resource_need.sector_strategy", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Awarding_a_funding_source_records_that_it_was_awarded()
    {
        var source = Funding("gift", FundingKind.Philanthropic, 10_000, Year(2026), FundingStatus.Applied);

        source.MoveTo(FundingStatus.Awarded, Now);

        Assert.Contains(source.DomainEvents, e => e is FundingAwarded);
    }

    [Theory]
    [InlineData(FundingStatus.Awarded, FundingStatus.Applied)]
    [InlineData(FundingStatus.Declined, FundingStatus.Awarded)]
    [InlineData(FundingStatus.Spent, FundingStatus.Awarded)]
    public void Funding_status_does_not_move_backward(FundingStatus from, FundingStatus to)
    {
        var source = Funding("gift", FundingKind.Philanthropic, 10_000, Year(2026), from);

        var error = Assert.Throws<BusinessRuleBroken>(() => source.MoveTo(to, Now));

        Assert.IsType<FundingStatusMovesForward>(Assert.Single(error.Rules));
    }
}
