using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>A participant's record as PIRL defines it: training, credentials, skill gains and employment after exit.</summary>
public class ParticipantRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Participant Enrolled() =>
        Participant.Enrol("ohio", "healthcare", "p-001", new DateOnly(2025, 3, 3), EmploymentStatus.Unemployed, null, null, Now);

    private static Participant Exited()
    {
        var participant = Enrolled();
        participant.Exit(new DateOnly(2025, 12, 19), Now);
        return participant;
    }

    [Fact]
    public void Employment_outcomes_wait_for_the_participant_to_exit()
    {
        Assert.Throws<BusinessRuleBroken>(() => Enrolled().RecordEmploymentOutcome(new EmploymentOutcome(2, QuarterEmployment.Unsubsidized, 9_800m, "31-1234567"), Now));
    }

    [Fact]
    public void A_later_wage_match_for_a_quarter_replaces_the_earlier_one()
    {
        var participant = Exited();
        participant.RecordEmploymentOutcome(new EmploymentOutcome(2, QuarterEmployment.NotYetKnown, null, null), Now);

        participant.RecordEmploymentOutcome(new EmploymentOutcome(2, QuarterEmployment.Unsubsidized, 9_800m, "31-1234567"), Now);

        Assert.Equal([new EmploymentOutcome(2, QuarterEmployment.Unsubsidized, 9_800m, "31-1234567")], participant.EmploymentOutcomes);
    }

    [Fact]
    public void Registered_apprenticeship_and_military_service_count_as_employment_and_not_yet_known_does_not()
    {
        Assert.Equal([true, true, false, false],
            new[] { QuarterEmployment.RegisteredApprenticeship, QuarterEmployment.MilitaryService, QuarterEmployment.NotYetKnown, QuarterEmployment.NotEmployed }
                .Select(status => new EmploymentOutcome(1, status, null, null).Employed).ToArray());
    }

    [Fact]
    public void A_quarter_outside_the_four_after_exit_is_refused()
    {
        var error = Assert.Throws<InvalidInput>(() => Exited().RecordEmploymentOutcome(new EmploymentOutcome(5, QuarterEmployment.Unsubsidized, 100m, null), Now));

        Assert.Equal("outcome.quarter", error.Violations[0].Field);
    }

    [Fact]
    public void A_skill_gain_after_exit_is_not_a_gain_during_participation()
    {
        var error = Assert.Throws<InvalidInput>(() => Exited().RecordSkillGain(new SkillGain(SkillGainKind.TrainingMilestone, new DateOnly(2026, 1, 15)), Now));

        Assert.Equal("skill_gain.date", error.Violations[0].Field);
    }

    [Fact]
    public void Training_cannot_end_before_it_was_entered()
    {
        var error = Assert.Throws<InvalidInput>(() => Enrolled().RecordTraining(
            new TrainingEnrolment(new DateOnly(2025, 4, 1), TrainingType.OccupationalSkills, null, new DateOnly(2025, 3, 15)), Now));

        Assert.Equal("training.ended", error.Violations[0].Field);
    }

    [Fact]
    public void A_credential_is_kept_with_its_PIRL_type_and_date()
    {
        var participant = Enrolled();

        participant.RecordCredential(new AttainedCredential(CredentialType.OccupationalLicensure, new DateOnly(2025, 11, 20), "LPN license"), Now);

        Assert.Equal(CredentialType.OccupationalLicensure, participant.Credentials.Single().Type);
    }

    [Fact]
    public void Entering_again_after_an_exit_keeps_the_exited_period_whole_and_starts_an_empty_one()
    {
        var participant = Exited();
        participant.RecordEmploymentOutcome(new EmploymentOutcome(2, QuarterEmployment.Unsubsidized, 9_800m, "31-1234567"), Now);

        participant.Reenter(new DateOnly(2026, 2, 2), EmploymentStatus.Employed, Now);

        var earlier = Assert.Single(participant.EarlierPeriods);
        Assert.Equal((new DateOnly(2025, 3, 3), new DateOnly(2025, 12, 19), 1), (earlier.Entry, earlier.Exit, earlier.Outcomes.Count));
        Assert.Equal((new DateOnly(2026, 2, 2), (DateOnly?)null, 0), (participant.EntryDate, participant.ExitDate, participant.EmploymentOutcomes.Count));
        Assert.Equal(2, participant.Periods.Count);
    }

    [Fact]
    public void A_participant_who_has_not_exited_cannot_enter_again()
    {
        Assert.Throws<BusinessRuleBroken>(() => Enrolled().Reenter(new DateOnly(2026, 2, 2), null, Now));
    }

    [Fact]
    public void A_new_period_cannot_start_on_or_before_the_last_exit()
    {
        Assert.Throws<BusinessRuleBroken>(() => Exited().Reenter(new DateOnly(2025, 12, 19), null, Now));
    }

    [Fact]
    public void Enrolment_after_exit_in_education_cannot_precede_the_exit()
    {
        var details = new ReportingDetails([], null, Education.NotRecorded with { EnrolledAfterExit = new DateOnly(2025, 12, 1) });

        var refused = Assert.Throws<InvalidInput>(() => Exited().RecordReportingDetails(details, Now));

        Assert.Equal("education.enrolled_after_exit", refused.Violations.Single().Field);
    }
}
