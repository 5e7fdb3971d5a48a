using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// From a PIRL import in Career Pathways to the WIOA indicators in Metrics, through the gateway: the periods reach Metrics
/// by events, and the figures count them as DOL defines them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MetricsApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";

    // Identifiers as the state issues them, in upper case. Six exits in the second half of 2023: three employed in the 2nd
    // quarter after exit (one through a Registered Apprenticeship), one not employed, one whose wage record has not come yet,
    // and one institutionalized (PIRL 923 = 01), excluded; one more exit in 2024.
    private const string Pirl = """
        100,900,901,1602,1704,1303,1302,923
        A1001,20230109,20230915,1,9000.00,06,20230110,
        A1002,20230109,20230915,1,7000.00,,,
        A1003,20230109,20231005,2,12000.00,,,
        A1004,20230109,20231005,0,0.00,,,
        A1005,20230109,20231110,9,999999.99,,,
        A1006,20230109,20240115,1,5000.00,,,
        A1008,20230109,20231020,1,6000.00,,,01
        """;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        using var http = platform.Json(_tenant.BoardToken);
        var imported = await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent(Pirl + "\n"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> IndicatorsAsync(string path, int periods)
    {
        using var http = platform.Json(_tenant.BoardToken);
        return await Eventually.ValueAsync(async () =>
            {
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
                return JsonDocument.Parse(body).RootElement;
            },
            figures => Counted(figures.GetProperty("employmentRateQ2")) >= periods,
            $"Metrics to have projected {periods} periods for {path}", TimeSpan.FromSeconds(30));
    }

    /// <summary>Every period a figure accounts for: counted, left out until its data comes, or excluded.</summary>
    private static long Counted(JsonElement figure) => Count(figure, "denominator") + Count(figure, "notYetAvailable")
        + (figure.TryGetProperty("excluded", out var excluded) ? excluded.EnumerateArray().Sum(e => Count(e, "count")) : 0);

    /// <summary>A count of a figure; proto3 JSON leaves a zero out.</summary>
    private static long Count(JsonElement figure, string name) => figure.TryGetProperty(name, out var count) ? count.GetInt64() : 0;

    [Fact]
    public async Task The_second_quarter_employment_rate_counts_apprenticeship_as_employment_and_leaves_out_data_not_yet_available()
    {
        var q2 = (await IndicatorsAsync($"/v1/{_partnership}/performanceIndicators?exitStart=2023-07-01&exitEnd=2023-12-31", 6)).GetProperty("employmentRateQ2");

        Assert.Equal((3L, 4L, 0.75, 1L), (Count(q2, "numerator"), Count(q2, "denominator"), q2.GetProperty("value").GetDouble(), Count(q2, "notYetAvailable")));
    }

    [Fact]
    public async Task A_cached_answer_is_not_served_after_a_change_it_does_not_count_has_been_applied()
    {
        var path = $"/v1/{_partnership}/performanceIndicators?exitStart=2023-07-01&exitEnd=2023-12-31";
        await IndicatorsAsync(path, 6);
        using var http = platform.Json(_tenant.BoardToken);

        var imported = await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent("100,900,901,1602,1704\nA1007,20230109,20231201,1,4000.00\n"));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(5L, Count((await IndicatorsAsync(path, 7)).GetProperty("employmentRateQ2"), "denominator"));
    }

    [Fact]
    public async Task Periods_whose_outcomes_were_decided_under_older_rules_are_counted_from_the_period_itself()
    {
        var path = $"/v1/{_partnership}/performanceIndicators?exitStart=2023-07-01&exitEnd=2023-12-31";
        await IndicatorsAsync(path, 6);
        // As a period stored before the outcome columns (or under rules since changed) reads: version 0, outcomes not decided.
        await using (var metrics = new NpgsqlConnection(platform.ServiceDatabase("metrics")))
        {
            await metrics.OpenAsync();
            await using var stale = new NpgsqlCommand(
                "UPDATE periods SET outcomes_version = 0, outcomes = 0 WHERE tenant_id = @tenant; " +
                "UPDATE tenant_generations SET generation = generation + 1 WHERE tenant_id = @tenant", metrics);
            stale.Parameters.AddWithValue("tenant", _tenant.TenantId);
            Assert.Equal(7 + 1, await stale.ExecuteNonQueryAsync());
        }

        var q2 = (await IndicatorsAsync(path, 6)).GetProperty("employmentRateQ2");

        Assert.Equal((3L, 4L), (Count(q2, "numerator"), Count(q2, "denominator")));
    }

    [Fact]
    public async Task An_exit_for_an_excluding_reason_is_counted_by_its_reason_and_not_in_the_rate()
    {
        var q2 = (await IndicatorsAsync($"/v1/{_partnership}/performanceIndicators?exitStart=2023-07-01&exitEnd=2023-12-31", 6)).GetProperty("employmentRateQ2");

        Assert.Equal(("institutionalized", 1L), (q2.GetProperty("excluded")[0].GetProperty("reason").GetString(), Count(q2.GetProperty("excluded")[0], "count")));
    }

    [Fact]
    public async Task A_person_who_exits_enters_again_and_exits_again_counts_once_for_each_period()
    {
        using var http = platform.Json(_tenant.BoardToken);
        var imported = await http.PostAsync($"/v1/{_partnership}/participants:import",
            new StringContent("100,900,901,1602,1704\nB2001,20220105,20220315,1,5000.00\nB2001,20220501,20220801,0,0.00\n"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var q2 = (await IndicatorsAsync($"/v1/{_partnership}/performanceIndicators?exitStart=2022-01-01&exitEnd=2022-12-31", 2)).GetProperty("employmentRateQ2");

        Assert.Equal((1L, 2L), (Count(q2, "numerator"), Count(q2, "denominator")));
    }

    [Fact]
    public async Task The_median_earnings_are_the_middle_of_the_second_quarter_wages()
    {
        var median = (await IndicatorsAsync($"/v1/{_partnership}/performanceIndicators?exitStart=2023-07-01&exitEnd=2023-12-31", 6)).GetProperty("medianEarningsQ2");

        Assert.Equal(9000.0, median.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task The_statewide_figures_of_a_program_year_use_the_annual_reports_cohort()
    {
        var q2 = (await IndicatorsAsync($"/v1/{_tenant.Tenant}/performanceIndicators?programYear=2024", 7)).GetProperty("employmentRateQ2");

        Assert.Equal(("2023-07-01", "2024-06-30", 4L, 5L), (q2.GetProperty("cohortStart").GetString(), q2.GetProperty("cohortEnd").GetString(),
            Count(q2, "numerator"), Count(q2, "denominator")));
    }

    [Fact]
    public async Task Breakdown_cells_under_the_threshold_are_suppressed()
    {
        var q2 = (await IndicatorsAsync($"/v1/{_partnership}/performanceIndicators?exitStart=2023-07-01&exitEnd=2023-12-31", 6)).GetProperty("employmentRateQ2");

        Assert.All(q2.GetProperty("breakdowns").EnumerateArray(), cell => Assert.True(cell.GetProperty("suppressed").GetBoolean()));
    }

    [Fact]
    public async Task A_tenant_that_never_set_its_suppression_threshold_reads_the_default_of_ten()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var settings = await http.GetFromJsonAsync<JsonElement>($"/v1/{_tenant.Tenant}/metricsSettings");

        Assert.Equal(10, settings.GetProperty("suppressionThreshold").GetInt32());
    }

    [Fact]
    public async Task A_lower_threshold_set_by_the_tenant_shows_the_cells_it_allows_at_once()
    {
        var path = $"/v1/{_partnership}/performanceIndicators?exitStart=2023-07-01&exitEnd=2023-12-31";
        await IndicatorsAsync(path, 6);
        using var http = platform.Json(_tenant.BoardToken);

        var updated = await http.PatchAsJsonAsync($"/v1/{_tenant.Tenant}/metricsSettings?updateMask=suppressionThreshold", new { suppressionThreshold = 3 });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var cells = (await IndicatorsAsync(path, 6)).GetProperty("employmentRateQ2").GetProperty("breakdowns").EnumerateArray();
        var sex = cells.Single(c => c.GetProperty("dimension").GetString() == "sex");
        Assert.Equal(("not reported", false, 4L), (sex.GetProperty("category").GetString(),
            sex.TryGetProperty("suppressed", out var suppressed) && suppressed.GetBoolean(), Count(sex, "denominator")));
    }

    [Fact]
    public async Task A_threshold_under_three_is_refused_naming_the_field()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var refused = await http.PatchAsJsonAsync($"/v1/{_tenant.Tenant}/metricsSettings?updateMask=suppressionThreshold", new { suppressionThreshold = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("suppression_threshold", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_indicators_export_as_csv_with_a_row_for_each_total()
    {
        await IndicatorsAsync($"/v1/{_partnership}/performanceIndicators?exitStart=2023-07-01&exitEnd=2023-12-31", 6);
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.GetAsync($"/v1/{_partnership}/performanceIndicators:export?exitStart=2023-07-01&exitEnd=2023-12-31");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("employmentRateQ2,2023-07-01,2023-12-31,total,all,false,3,4,0.75,1,1", lines);
    }

    [Theory]
    [InlineData("exitStart=2023-13-01&exitEnd=2023-12-31", "exit_start")]
    [InlineData("exitStart=2023-07-01", "exit_end")]
    [InlineData("", "program_year")]
    [InlineData("programYear=1800", "program_year")]
    public async Task A_cohort_asked_for_wrongly_is_refused_naming_the_field(string query, string field)
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.GetAsync($"/v1/{_partnership}/performanceIndicators?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", (await response.Content.ReadAsStringAsync()).Replace(" ", ""));
    }

    [Fact]
    public async Task A_program_year_that_has_not_begun_is_refused_as_a_precondition()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.GetAsync($"/v1/{_partnership}/performanceIndicators?programYear=2099");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Program year 2099 begins on 2099-07-01", await response.Content.ReadAsStringAsync());
    }
}
