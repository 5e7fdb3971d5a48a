using Bunit;
using SectorMesh.Contracts.Metrics.V1;
using SectorMesh.Web.Components;

namespace SectorMesh.UnitTests.Web;

public sealed class IndicatorTableTests : BunitContext
{
    private static PerformanceIndicators Indicators() => new()
    {
        ProgramYear = 2025,
        SuppressionThreshold = 10,
        EmploymentRateQ2 = new IndicatorFigure
        {
            Numerator = 30, Denominator = 40, Value = 0.75, NotYetAvailable = 2, Explanation = "30 of 40 periods were employed.",
            Breakdowns =
            {
                new BreakdownCell { Dimension = "sex", Category = "female", Numerator = 20, Denominator = 25, Value = 0.8 },
                new BreakdownCell { Dimension = "sex", Category = "male", Suppressed = true },
            },
        },
        MedianEarningsQ2 = new IndicatorFigure { Numerator = 12, Denominator = 12, Value = 9_850.5 },
    };

    [Fact]
    public void A_suppressed_cell_shows_no_figure_but_says_it_is_suppressed()
    {
        var table = Render<IndicatorTable>(p => p.Add(c => c.Indicators, Indicators()));

        var male = table.FindAll("tr").Single(row => row.TextContent.Contains("Sex: Male", StringComparison.Ordinal));

        Assert.Contains("suppressed (small group)", male.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("%", male.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_indicator_shows_its_numerator_denominator_and_value_with_the_median_in_dollars()
    {
        var table = Render<IndicatorTable>(p => p.Add(c => c.Indicators, Indicators()));

        var rows = table.FindAll("tbody")[0].QuerySelectorAll("tr").Select(r => r.TextContent).ToList();

        Assert.Contains(rows, r => r.Contains("Employment rate, 2nd quarter after exit", StringComparison.Ordinal) && r.Contains("75.0", StringComparison.Ordinal) && r.Contains("40", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Median earnings", StringComparison.Ordinal) && r.Contains("$9,850.50", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_indicators_the_table_says_they_are_not_available_yet()
    {
        var table = Render<IndicatorTable>(p => p.Add(c => c.Indicators, null));

        Assert.Contains("not available yet", table.Markup, StringComparison.Ordinal);
    }
}
