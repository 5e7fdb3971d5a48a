using SectorMesh.Metrics.Domain;
using static SectorMesh.UnitTests.Metrics.Periods;

namespace SectorMesh.UnitTests.Metrics;

/// <summary>Employment Rate in the 2nd and 4th quarters after exit, worked examples of TEGL 10-16 Change 3.</summary>
public class EmploymentRateTests
{
    private static IndicatorFigure Q2(params ParticipationPeriod[] periods) => WioaIndicators.EmploymentRate(periods, Cohort, 2);

    [Fact]
    public void The_rate_is_periods_employed_in_the_quarter_over_periods_exited()
    {
        var figure = Q2(Exited(q2: Employed()), Exited(q2: Employed()), Exited(q2: NotEmployed), Exited(q2: Employed(), q4: NotEmployed));

        Assert.Equal((3L, 4L, 0.75m), (figure.Numerator, figure.Denominator, figure.Value));
    }

    [Theory]
    [InlineData(QuarterStatus.NotYetAvailable, 1, 9000.0)]
    [InlineData(QuarterStatus.Unsubsidized, 5, 9000.0)]
    [InlineData(QuarterStatus.Unsubsidized, 1, null)]
    [InlineData(null, null, null)]
    public void A_quarter_whose_data_is_not_yet_available_is_left_out_never_counted_as_not_employed(QuarterStatus? status, int? match, double? wages)
    {
        var figure = Q2(Exited(q2: Employed()), Exited(q2: new QuarterAfterExit(status, match, (decimal?)wages, null)));

        Assert.Equal((1L, 1L, 1L), (figure.Numerator, figure.Denominator, figure.NotYetAvailable));
    }

    [Theory]
    [InlineData(QuarterStatus.RegisteredApprenticeship)]
    [InlineData(QuarterStatus.MilitaryService)]
    public void Registered_apprenticeship_and_military_service_count_as_employment(QuarterStatus status)
    {
        Assert.Equal(1L, Q2(Exited(q2: Employed(status: status))).Numerator);
    }

    [Fact]
    public void A_youth_in_education_or_training_in_the_quarter_counts_as_placed()
    {
        var inSchool = new QuarterAfterExit(QuarterStatus.NotEmployed, 0, 0m, null, InEducationOrTraining: true);

        Assert.Equal((1L, 0L), (Q2(Exited(q2: inSchool, program: WioaProgram.Youth)).Numerator, Q2(Exited(q2: inSchool)).Numerator));
    }

    [Theory]
    [InlineData(ExitReason.Institutionalized, WioaProgram.Adult, "institutionalized")]
    [InlineData(ExitReason.HealthOrMedical, WioaProgram.DislocatedWorker, "medical treatment over 90 days")]
    [InlineData(ExitReason.Deceased, WioaProgram.Youth, "deceased")]
    [InlineData(ExitReason.ReserveOrGuardCalledToActiveDuty, WioaProgram.WagnerPeyser, "called to active duty")]
    [InlineData(ExitReason.FosterCareMoved, WioaProgram.Youth, "moved with foster care")]
    [InlineData(ExitReason.LaterFoundIneligible, WioaProgram.VocationalRehabilitation, "later found ineligible")]
    [InlineData(ExitReason.RemainsIncarcerated, WioaProgram.AdultEducationCorrections, "remains incarcerated")]
    public void An_exit_for_an_excluding_reason_is_out_of_the_rate_and_counted_by_its_reason(ExitReason reason, WioaProgram program, string counted)
    {
        var figure = Q2(Exited(q2: Employed()), Exited(q2: NotEmployed, reason: reason, program: program));

        Assert.Equal((1L, 1L), (figure.Denominator, figure.Excluded[counted]));
    }

    [Theory]
    [InlineData(ExitReason.FosterCareMoved, WioaProgram.Adult)]
    [InlineData(ExitReason.LaterFoundIneligible, WioaProgram.Adult)]
    public void A_reason_that_applies_to_another_program_excludes_nothing(ExitReason reason, WioaProgram program)
    {
        Assert.Equal(1L, Q2(Exited(reason: reason, program: program)).Denominator);
    }

    [Fact]
    public void Only_exits_in_the_window_are_counted()
    {
        Assert.Equal(1L, Q2(Exited(), Exited(exit: new DateOnly(2024, 1, 2))).Denominator);
    }

    [Fact]
    public void The_fourth_quarter_rate_reads_the_fourth_quarter()
    {
        var figure = WioaIndicators.EmploymentRate([Exited(q2: NotEmployed, q4: Employed())], Cohort, 4);

        Assert.Equal(1m, figure.Value);
    }

    [Fact]
    public void The_sentence_gives_the_counts_the_window_and_what_was_left_out()
    {
        var figure = Q2(Exited(q2: Employed()), Exited(q2: NotEmployed), Exited(reason: ExitReason.Deceased), Exited(q2: new QuarterAfterExit(QuarterStatus.NotYetAvailable, 5, null, null)));

        Assert.Equal("1 of 2 periods of participation that exited between 2023-07-01 and 2023-12-31 were employed in the second quarter after exit (50.0%); "
            + "1 excluded (1 deceased); 1 left out until their data is available.", figure.Explanation);
    }

    [Fact]
    public void An_empty_cohort_has_no_value_rather_than_zero()
    {
        Assert.Null(Q2().Value);
    }
}
