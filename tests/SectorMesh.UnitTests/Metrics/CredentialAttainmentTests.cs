using SectorMesh.Metrics.Domain;
using static SectorMesh.UnitTests.Metrics.Periods;

namespace SectorMesh.UnitTests.Metrics;

public class CredentialAttainmentTests
{
    private static readonly TrainingType[] Occupational = [TrainingType.OccupationalSkills];

    private static IndicatorFigure Rate(DateOnly asOf, params ParticipationPeriod[] periods) => WioaIndicators.CredentialAttainment(periods, Cohort, asOf);

    private static IndicatorFigure Rate(params ParticipationPeriod[] periods) => Rate(LongAfter, periods);

    private static Credential Attained(CredentialType type, DateOnly on) => new(type, on);

    [Fact]
    public void A_credential_during_participation_or_within_a_year_after_exit_counts()
    {
        var figure = Rate(
            Exited(training: Occupational, credentials: [Attained(CredentialType.OccupationalCertificate, new DateOnly(2023, 6, 1))]),
            Exited(training: Occupational, credentials: [Attained(CredentialType.AssociateDegree, Exit.AddYears(1))]),
            Exited(training: Occupational));

        Assert.Equal((2L, 3L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void A_credential_more_than_a_year_after_exit_does_not_count()
    {
        Assert.Equal(0L, Rate(Exited(training: Occupational, credentials: [Attained(CredentialType.OccupationalLicensure, Exit.AddYears(1).AddDays(1))])).Numerator);
    }

    [Fact]
    public void A_credential_before_program_entry_does_not_count()
    {
        Assert.Equal(0L, Rate(Exited(training: Occupational, credentials: [Attained(CredentialType.BachelorsDegree, new DateOnly(2022, 5, 1))])).Numerator);
    }

    [Fact]
    public void An_exit_enters_the_denominator_only_once_a_year_after_it_has_passed()
    {
        var figure = Rate(Exit.AddYears(1).AddDays(-1), Exited(training: Occupational));

        Assert.Equal((0L, 1L), (figure.Denominator, figure.NotYetAvailable));
    }

    [Theory]
    [InlineData(TrainingType.OnTheJob)]
    [InlineData(TrainingType.Customized)]
    public void On_the_job_or_customized_training_alone_is_out_of_the_denominator(TrainingType only)
    {
        Assert.Equal(0L, Rate(Exited(training: [only])).Denominator);
    }

    [Fact]
    public void On_the_job_training_with_occupational_skills_training_in_another_slot_is_in()
    {
        Assert.Equal(1L, Rate(Exited(training: [TrainingType.OnTheJob, TrainingType.OccupationalSkills])).Denominator);
    }

    [Fact]
    public void Postsecondary_education_or_secondary_education_without_a_diploma_puts_a_period_in_the_denominator()
    {
        var figure = Rate(Exited(postsecondary: true), Exited(secondary: true, noEducationalLevel: true), Exited(secondary: true));

        Assert.Equal(2L, figure.Denominator);
    }

    [Fact]
    public void A_secondary_diploma_counts_only_with_employment_or_enrolment_within_a_year()
    {
        var diploma = new[] { Attained(CredentialType.SecondaryDiploma, new DateOnly(2023, 8, 1)) };
        var figure = Rate(
            Exited(secondary: true, noEducationalLevel: true, credentials: diploma),
            Exited(secondary: true, noEducationalLevel: true, credentials: diploma, q1: Employed()),
            Exited(secondary: true, noEducationalLevel: true, credentials: diploma, educationAfterExit: Exit.AddMonths(3)),
            Exited(secondary: true, noEducationalLevel: true, credentials: diploma, educationAfterExit: Exit.AddMonths(13)));

        Assert.Equal((2L, 4L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void A_participant_remaining_incarcerated_is_excluded()
    {
        Assert.Equal(0L, Rate(Exited(training: Occupational, reason: ExitReason.RemainsIncarcerated, program: WioaProgram.AdultEducationCorrections)).Denominator);
    }
}
