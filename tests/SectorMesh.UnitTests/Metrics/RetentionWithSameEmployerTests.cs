using SectorMesh.Metrics.Domain;
using static SectorMesh.UnitTests.Metrics.Periods;

namespace SectorMesh.UnitTests.Metrics;

public class RetentionWithSameEmployerTests
{
    private static IndicatorFigure Rate(params ParticipationPeriod[] periods) => WioaIndicators.RetentionWithSameEmployer(periods, Cohort);

    [Fact]
    public void The_same_employer_identifier_in_the_second_and_fourth_quarters_is_retention()
    {
        var figure = Rate(
            Exited(q2: Employed(employer: "12-3456789"), q4: Employed(employer: "123456789")),
            Exited(q2: Employed(employer: "12-3456789"), q4: Employed(employer: "98-7654321")));

        Assert.Equal((1L, 2L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void A_missing_employer_identifier_in_one_quarter_cannot_show_the_same_employer()
    {
        var figure = Rate(Exited(q2: Employed(employer: "12-3456789"), q4: Employed(), retained: true));

        Assert.Equal((0L, 1L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void Without_identifiers_in_either_quarter_the_states_own_retention_element_stands()
    {
        var figure = Rate(Exited(q2: Employed(), q4: Employed(), retained: true), Exited(q2: Employed(), q4: Employed(), retained: false));

        Assert.Equal((1L, 2L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public void Only_periods_employed_in_the_second_quarter_are_in_the_denominator()
    {
        Assert.Equal(0L, Rate(Exited(q2: NotEmployed, q4: Employed(employer: "1"))).Denominator);
    }

    [Fact]
    public void A_fourth_quarter_not_yet_available_is_left_out()
    {
        var figure = Rate(Exited(q2: Employed(employer: "1"), q4: new QuarterAfterExit(QuarterStatus.NotYetAvailable, 5, null, null)));

        Assert.Equal((0L, 1L), (figure.Denominator, figure.NotYetAvailable));
    }

    [Fact]
    public void A_participant_remaining_incarcerated_is_excluded_and_a_youth_moved_with_foster_care_is_not()
    {
        var figure = Rate(
            Exited(q2: Employed(employer: "1"), q4: Employed(employer: "1"), reason: ExitReason.RemainsIncarcerated, program: WioaProgram.AdultEducationCorrections),
            Exited(q2: Employed(employer: "1"), q4: Employed(employer: "1"), reason: ExitReason.FosterCareMoved, program: WioaProgram.Youth));

        Assert.Equal((1L, 1L), (figure.Denominator, figure.ExcludedCount));
    }
}
