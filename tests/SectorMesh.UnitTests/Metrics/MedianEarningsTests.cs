using SectorMesh.Metrics.Domain;
using static SectorMesh.UnitTests.Metrics.Periods;

namespace SectorMesh.UnitTests.Metrics;

public class MedianEarningsTests
{
    private static IndicatorFigure Median(params ParticipationPeriod[] periods) => WioaIndicators.MedianEarnings(periods, Cohort);

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value()
    {
        Assert.Equal(8_000m, Median(Exited(q2: Employed(12_000m)), Exited(q2: Employed(5_000m)), Exited(q2: Employed(8_000m))).Value);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(7_500m, Median(Exited(q2: Employed(12_000m)), Exited(q2: Employed(5_000m)), Exited(q2: Employed(8_000m)), Exited(q2: Employed(7_000m))).Value);
    }

    [Fact]
    public void Only_periods_employed_with_earnings_above_zero_are_counted()
    {
        var figure = Median(Exited(q2: Employed(6_000m)), Exited(q2: NotEmployed), Exited(q2: Employed(0m)));

        Assert.Equal((1L, 6_000m), (figure.Denominator, figure.Value));
    }

    [Fact]
    public void Wages_not_yet_available_stay_out_of_the_median()
    {
        var figure = Median(Exited(q2: Employed(6_000m)), Exited(q2: new QuarterAfterExit(QuarterStatus.Unsubsidized, 1, null, null)));

        Assert.Equal((6_000m, 1L), (figure.Value, figure.NotYetAvailable));
    }

    [Fact]
    public void An_excluded_exit_is_out_of_the_median()
    {
        var figure = Median(Exited(q2: Employed(6_000m)), Exited(q2: Employed(60_000m), reason: ExitReason.Institutionalized));

        Assert.Equal(6_000m, figure.Value);
    }
}
