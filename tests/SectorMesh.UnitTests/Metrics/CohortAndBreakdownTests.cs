using SectorMesh.Metrics.Domain;
using static SectorMesh.UnitTests.Metrics.Periods;

namespace SectorMesh.UnitTests.Metrics;

public class CohortAndBreakdownTests
{
    [Theory]
    [InlineData(Indicator.EmploymentRateQ2, "2023-07-01", "2024-06-30")]
    [InlineData(Indicator.MedianEarningsQ2, "2023-07-01", "2024-06-30")]
    [InlineData(Indicator.EmploymentRateQ4, "2023-01-01", "2023-12-31")]
    [InlineData(Indicator.CredentialAttainmentRate, "2023-01-01", "2023-12-31")]
    [InlineData(Indicator.RetentionWithSameEmployer, "2023-01-01", "2023-12-31")]
    [InlineData(Indicator.MeasurableSkillGainsRate, "2024-07-01", "2025-06-30")]
    public void Each_indicator_of_program_year_2024_has_the_cohort_of_the_annual_report(Indicator indicator, string start, string end)
    {
        Assert.Equal(new Window(DateOnly.Parse(start), DateOnly.Parse(end)), Window.ReportedFor(indicator, 2024));
    }

    private static ParticipationPeriod Of(Sex sex, bool employed) =>
        Exited(q2: employed ? Employed() : NotEmployed, demographics: Demographics.Unknown with { Sex = sex });

    private static IReadOnlyList<BreakdownCell> BySex(int female, int male, int unidentified, int threshold = 10)
    {
        var periods = Enumerable.Repeat(Of(Sex.Female, true), female)
            .Concat(Enumerable.Repeat(Of(Sex.Male, false), male))
            .Concat(Enumerable.Repeat(Of(Sex.DidNotSelfIdentify, true), unidentified)).ToList();
        var report = PerformanceReport.Compute([.. periods.Select(PeriodOutcomes.Of)], new CohortSelection(2023, Cohort), new DateOnly(2025, 1, 1), threshold);
        return [.. report.Single(r => r.Indicator == Indicator.EmploymentRateQ2).Breakdowns.Where(c => c.Dimension == "sex")];
    }

    [Fact]
    public void Cells_at_or_over_the_threshold_are_shown()
    {
        Assert.All(BySex(female: 12, male: 15, unidentified: 10), cell => Assert.False(cell.Suppressed));
    }

    [Fact]
    public void A_cell_under_the_threshold_is_suppressed_with_the_smallest_other_cell_so_it_cannot_be_worked_out()
    {
        var cells = BySex(female: 12, male: 30, unidentified: 3);

        Assert.Equal(["did not self-identify", "female"], cells.Where(c => c.Suppressed).Select(c => c.Category));
    }

    [Fact]
    public void Two_small_cells_hide_each_other_and_need_no_third()
    {
        var cells = BySex(female: 4, male: 30, unidentified: 3);

        Assert.Equal(["did not self-identify", "female"], cells.Where(c => c.Suppressed).Select(c => c.Category));
    }

    [Fact]
    public void A_dimension_with_one_cell_under_the_threshold_hides_it_alone()
    {
        Assert.True(Assert.Single(BySex(female: 4, male: 0, unidentified: 0)).Suppressed);
    }

    [Fact]
    public void The_threshold_is_the_tenants_setting()
    {
        Assert.DoesNotContain(BySex(female: 12, male: 30, unidentified: 3, threshold: 3), c => c.Suppressed);
    }
}
