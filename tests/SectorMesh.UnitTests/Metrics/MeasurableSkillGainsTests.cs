using SectorMesh.Metrics.Domain;
using static SectorMesh.UnitTests.Metrics.Periods;

namespace SectorMesh.UnitTests.Metrics;

public class MeasurableSkillGainsTests
{
    private static readonly Window ProgramYear2023 = Window.ProgramYear(2023);

    private static SkillGains InTraining(DateOnly entered, DateOnly? completed = null, DateOnly? milestone = null, DateOnly? level = null) =>
        SkillGains.None with { EducationOrTrainingEntered = entered, EducationOrTrainingCompleted = completed, TrainingMilestone = milestone, EducationalFunctioningLevel = level };

    private static IndicatorFigure Rate(params ParticipationPeriod[] periods) => WioaIndicators.MeasurableSkillGains(periods, ProgramYear2023, LongAfter);

    [Fact]
    public void A_period_in_training_during_the_year_with_a_gain_dated_in_it_succeeds()
    {
        var figure = Rate(
            Exited(gains: InTraining(new DateOnly(2023, 2, 1), milestone: new DateOnly(2023, 8, 1))),
            Exited(gains: InTraining(new DateOnly(2023, 2, 1), milestone: new DateOnly(2023, 5, 1))));

        Assert.Equal((1L, 2L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void Two_periods_of_one_person_are_counted_on_their_own()
    {
        var figure = Rate(
            Exited(id: "p1", gains: InTraining(new DateOnly(2023, 7, 10), milestone: new DateOnly(2023, 8, 1))),
            Exited(id: "p1", exit: new DateOnly(2024, 5, 1), gains: InTraining(new DateOnly(2024, 1, 10), level: new DateOnly(2024, 3, 1))));

        Assert.Equal((2L, 2L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void Many_gains_of_one_period_are_one_success()
    {
        var figure = Rate(Exited(gains: InTraining(new DateOnly(2023, 7, 10), milestone: new DateOnly(2023, 8, 1), level: new DateOnly(2023, 9, 1))));

        Assert.Equal((1L, 1L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void Training_completed_before_the_year_began_is_out_of_the_denominator()
    {
        Assert.Equal(0L, Rate(Exited(gains: InTraining(new DateOnly(2023, 1, 10), completed: new DateOnly(2023, 6, 1)))).Denominator);
    }

    [Fact]
    public void A_period_never_in_education_or_training_is_out_of_the_denominator()
    {
        Assert.Equal(0L, Rate(Exited()).Denominator);
    }

    [Fact]
    public void A_secondary_diploma_in_the_year_is_a_gain_and_a_postsecondary_credential_is_not()
    {
        var figure = Rate(
            Exited(gains: InTraining(new DateOnly(2023, 2, 1)), credentials: [new Credential(CredentialType.SecondaryDiploma, new DateOnly(2023, 9, 1))]),
            Exited(gains: InTraining(new DateOnly(2023, 2, 1)), credentials: [new Credential(CredentialType.OccupationalCertificate, new DateOnly(2023, 9, 1))]));

        Assert.Equal((1L, 2L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void A_participant_remaining_incarcerated_stays_in_skill_gains()
    {
        var figure = Rate(Exited(reason: ExitReason.RemainsIncarcerated, program: WioaProgram.AdultEducationCorrections,
            gains: InTraining(new DateOnly(2023, 2, 1), level: new DateOnly(2023, 9, 1))));

        Assert.Equal((1L, 1L, 0L), (figure.Numerator, figure.Denominator, figure.ExcludedCount));
    }

    [Fact]
    public void A_deceased_participant_is_excluded()
    {
        Assert.Equal(0L, Rate(Exited(reason: ExitReason.Deceased, gains: InTraining(new DateOnly(2023, 2, 1)))).Denominator);
    }
}
