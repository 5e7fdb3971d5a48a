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
            null, null, null, Year(2026), "", Roster, Now));

        Assert.Equal(["commitment.hours", "commitment.hourly_rate"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Only_a_current_partner_can_make_a_commitment()
    {
        var error = Assert.Throws<BusinessRuleBroken>(() => ResourceCommitment.Make("oh", "p", "c", "stranger", 1, CommitmentKind.Cash, "",
            Usd(1_000), null, null, Year(2026), "", Roster, Now));

        Assert.IsType<CommitmentComesFromAPartner>(Assert.Single(error.Rules));
    }

    [Fact]
    public void A_commitment_must_be_held_by_an_existing_agreement()
    {
        var error = Assert.Throws<BusinessRuleBroken>(() => ResourceCommitment.Make("oh", "p", "c", "hospital", 7, CommitmentKind.Cash, "",
            Usd(1_000), null, null, Year(2026), "", Roster, Now));

        Assert.IsType<CommitmentIsHeldByAnAgreement>(Assert.Single(error.Rules));
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
