using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;
using SectorMesh.Pathways.Domain.Rules;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>Wraparound supports: a participant's barriers at entry, the supportive services provided, and referrals to community partners.</summary>
public class ParticipantSupportsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Participant Enrolled() =>
        Participant.Enrol("ohio", "healthcare", "p-001", new DateOnly(2026, 3, 2), EmploymentStatus.Unemployed, null, null, Now);

    private static Referral Referred(Participant participant) =>
        Referral.Make(participant, "r-1", "mid-ohio-housing", BarrierKind.Homeless, SupportiveServiceKind.Housing, new DateOnly(2026, 3, 10), Now);

    [Fact]
    public void A_barrier_disclosed_later_is_added_once_and_only_the_new_one_raises_an_event()
    {
        var participant = Enrolled();
        participant.RecordBarriers([BarrierKind.SingleParent, BarrierKind.LowIncome], Now);
        participant.ClearDomainEvents();

        participant.RecordBarriers([BarrierKind.LowIncome, BarrierKind.Homeless, BarrierKind.Homeless], Now);

        Assert.Equal([BarrierKind.Homeless, BarrierKind.LowIncome, BarrierKind.SingleParent], participant.Barriers);
        Assert.Equal([BarrierKind.Homeless], Assert.IsType<BarriersRecorded>(Assert.Single(participant.DomainEvents)).Added);
    }

    [Fact]
    public void Barriers_already_recorded_change_nothing_and_raise_nothing()
    {
        var participant = Enrolled();
        participant.RecordBarriers([BarrierKind.Disability], Now);
        participant.ClearDomainEvents();

        participant.RecordBarriers([BarrierKind.Disability], Now);

        Assert.Empty(participant.DomainEvents);
    }

    [Fact]
    public void Recording_no_barrier_is_refused()
    {
        var error = Assert.Throws<InvalidInput>(() => Enrolled().RecordBarriers([], Now));

        Assert.Equal("barriers", error.Violations.Single().Field);
    }

    [Fact]
    public void A_bus_pass_of_85_dollars_from_a_community_partner_is_kept_with_its_provider()
    {
        var participant = Enrolled();

        participant.RecordSupportiveService(new SupportiveService(new DateOnly(2026, 3, 16), SupportiveServiceKind.Transportation, 85m, "mid-ohio-transit"), Now);

        Assert.Equal(new SupportiveService(new DateOnly(2026, 3, 16), SupportiveServiceKind.Transportation, 85m, "mid-ohio-transit"),
            Assert.Single(participant.SupportiveServices));
        Assert.IsType<SupportiveServiceProvided>(participant.DomainEvents[^1]);
    }

    [Fact]
    public void A_supportive_service_before_entry_in_the_future_or_over_100000_dollars_is_refused_naming_each_field()
    {
        var error = Assert.Throws<InvalidInput>(() => Enrolled().RecordSupportiveService(
            new SupportiveService(new DateOnly(2026, 3, 1), SupportiveServiceKind.ChildCare, 100_000.01m, null), Now));
        var future = Assert.Throws<InvalidInput>(() => Enrolled().RecordSupportiveService(
            new SupportiveService(new DateOnly(2026, 12, 1), SupportiveServiceKind.ChildCare, null, null), Now));

        Assert.Equal(["supportive_service.date", "supportive_service.amount"], error.Violations.Select(v => v.Field));
        Assert.Contains("future", future.Violations.Single().Description);
    }

    [Fact]
    public void A_referral_starts_pending_and_its_outcome_is_recorded_once()
    {
        var referral = Referred(Enrolled());
        Assert.Equal(ReferralOutcome.Pending, referral.Outcome);

        referral.RecordOutcome(ReferralOutcome.ServiceReceived, new DateOnly(2026, 3, 24), Now);

        Assert.Equal((ReferralOutcome.ServiceReceived, new DateOnly(2026, 3, 24)), (referral.Outcome, referral.OutcomeDate));
        Assert.Equal([typeof(ParticipantReferred), typeof(ReferralOutcomeRecorded)], referral.DomainEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void A_final_outcome_is_not_changed()
    {
        var referral = Referred(Enrolled());
        referral.RecordOutcome(ReferralOutcome.CouldNotReach, new DateOnly(2026, 3, 20), Now);

        var error = Assert.Throws<BusinessRuleBroken>(() => referral.RecordOutcome(ReferralOutcome.ServiceReceived, new DateOnly(2026, 4, 2), Now));

        Assert.IsType<ReferralOutcomeIsFinal>(Assert.Single(error.Rules));
        Assert.Equal(ReferralOutcome.CouldNotReach, referral.Outcome);
    }

    [Fact]
    public void An_outcome_dated_before_the_referral_or_still_pending_is_refused()
    {
        var referral = Referred(Enrolled());

        var early = Assert.Throws<InvalidInput>(() => referral.RecordOutcome(ReferralOutcome.Declined, new DateOnly(2026, 3, 9), Now));
        var pending = Assert.Throws<InvalidInput>(() => referral.RecordOutcome(ReferralOutcome.Pending, new DateOnly(2026, 3, 12), Now));

        Assert.Equal(("outcome_date", "outcome"), (early.Violations.Single().Field, pending.Violations.Single().Field));
        Assert.Equal(ReferralOutcome.Pending, referral.Outcome);
    }

    [Fact]
    public void A_referral_must_address_a_barrier_or_a_need_and_follow_program_entry()
    {
        var error = Assert.Throws<InvalidInput>(() =>
            Referral.Make(Enrolled(), "r-1", "mid-ohio-housing", null, null, new DateOnly(2026, 2, 27), Now));

        Assert.Equal(["referral.barrier", "referral.referral_date"], error.Violations.Select(v => v.Field));
    }
}
