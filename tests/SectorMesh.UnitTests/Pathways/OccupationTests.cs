using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>
/// The worked example: OEWS May 2024 for licensed practical nurses (29-2061): Ohio, 36,210 employed at a
/// median of $60,300 a year, which is $28.99 an hour over 2,080 hours (BLS publishes $28.99); Columbus,
/// 5,680 at $61,830.
/// </summary>
public class OccupationTests
{
    private const string Title = "Licensed Practical and Licensed Vocational Nurses";

    private static readonly OccupationArea Ohio = new("39", "Ohio", 36_210, 60_300m, WageTopCoded: false);
    private static readonly OccupationArea Columbus = new("18140", "Columbus, OH", 5_680, 61_830m, WageTopCoded: false);

    private static Occupation PracticalNurses() => Occupation.Latest("29-2061", [(2024, Title, Columbus), (2024, Title, Ohio), (2023, Title, Ohio with { AnnualMedianWage = 58_000m })])!;

    [Fact]
    public void The_latest_year_is_kept_with_the_state_first()
    {
        var occupation = PracticalNurses();

        Assert.Equal(2024, occupation.Year);
        Assert.Equal(["39", "18140"], occupation.Areas.Select(a => a.AreaCode));
    }

    [Fact]
    public void The_hourly_median_is_the_annual_over_2080_hours()
    {
        Assert.Equal(28.99m, Ohio.HourlyMedianWage);
    }

    [Fact]
    public void A_step_without_title_or_wage_takes_the_states_figures_and_names_them()
    {
        var step = new PathwayStep("lpn", "29-2061", "", "LPN license", 0m, Entry: false);

        var completed = step.CompletedFrom(PracticalNurses(), "career_pathway.steps[0]");

        Assert.Equal((Title, 28.99m), (completed.Title, completed.TypicalHourlyWage));
        Assert.Equal("OEWS 2024, Ohio: median $60,300 a year over 2,080 hours.", completed.WageSource);
    }

    [Fact]
    public void A_step_given_its_wage_keeps_it()
    {
        var step = new PathwayStep("lpn", "29-2061", "Practical Nurse", "", 30.50m, Entry: false);

        Assert.Equal(step, step.CompletedFrom(null, "career_pathway.steps[0]"));
    }

    [Fact]
    public void A_step_with_no_wage_and_no_figures_to_take_it_from_is_refused_naming_its_occupation()
    {
        var step = new PathwayStep("lpn", "29-2061", "Practical Nurse", "", 0m, Entry: false);

        var error = Assert.Throws<InvalidInput>(() => step.CompletedFrom(null, "career_pathway.steps[2]"));

        Assert.Equal("career_pathway.steps[2].occupation", Assert.Single(error.Violations).Field);
    }
}
