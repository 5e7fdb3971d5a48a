using SectorMesh.Metrics.Data;
using SectorMesh.Metrics.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Data.Imports;

namespace SectorMesh.UnitTests.Metrics;

/// <summary>
/// From a state's PIRL rows, through the snapshots Career Pathways publishes, to the periods the indicators count: what the
/// import reads reaches the calculator.
/// </summary>
public class PeriodsFromPirlTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static async Task<List<ParticipationPeriod>> Periods(string header, params string[] rows)
    {
        var content = await PirlFile.ReadAsync(new StringReader(string.Join("\n", [header, .. rows])), CancellationToken.None);
        var participant = ParticipantImport.Build("ohio", "healthcare", [.. content.Rows], Now, _ => { });
        return [.. PathwayIntegrationEvents.PeriodsOf(participant, Now).Select(PeriodProjection.PeriodOf)];
    }

    [Fact]
    public async Task A_person_who_exits_enters_again_and_exits_again_is_two_periods_in_the_employment_rate()
    {
        var periods = await Periods("100,900,901,1602,1603,1704", "OH-1,20220801,20221020,1,1,7000.00", "OH-1,20230105,20230410,1,1,8100.00");

        var figure = WioaIndicators.EmploymentRate(periods, new Window(new DateOnly(2022, 7, 1), new DateOnly(2023, 6, 30)), 2);

        Assert.Equal((2L, 2L), (figure.Numerator, figure.Denominator));
    }

    [Fact]
    public async Task A_match_type_of_not_yet_available_reaches_the_calculator_and_leaves_the_quarter_out()
    {
        var periods = await Periods("100,900,901,1602,1603,1704", "OH-1,20220801,20221020,1,5,7000.00");

        var figure = WioaIndicators.EmploymentRate(periods, new Window(new DateOnly(2022, 7, 1), new DateOnly(2023, 6, 30)), 2);

        Assert.Equal((0L, 1L), (figure.Denominator, figure.NotYetAvailable));
    }

    [Fact]
    public async Task A_youth_period_a_foster_care_move_is_excluded_and_an_adult_one_is_not()
    {
        var periods = await Periods("100,900,901,923,903,905", "OH-1,20220801,20221020,05,,1", "OH-1,20230105,20230410,05,1,");

        Assert.Equal([true, false], periods.Select(p => p.ExcludedFromEveryIndicator));
    }

    [Fact]
    public async Task Education_demographics_and_the_age_band_at_entry_are_carried_and_no_date_of_birth()
    {
        var period = (await Periods("100,200,201,212,900,901,1332,1401,408,1406,1811,1813",
            "OH-1,19800315,2,1,20220801,20221020,1,1,0,20230105,20220810,20221001")).Single();

        Assert.Equal((true, true, true, new DateOnly(2023, 1, 5)),
            (period.PostsecondaryDuringParticipation, period.SecondaryDuringParticipation, period.NoEducationalLevelAtEntry, period.EducationAfterExit));
        Assert.Equal((new DateOnly(2022, 8, 10), new DateOnly(2022, 10, 1)),
            (period.SkillGains.EducationOrTrainingEntered, period.SkillGains.EducationOrTrainingCompleted));
        Assert.Equal((Sex.Female, AgeBand.From25To44), (period.Demographics.Sex, period.Demographics.AgeAtEntry));
        Assert.Equal([EthnicityOrRace.Asian], period.Demographics.EthnicityAndRace);
    }
}
