using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SectorMesh.IntegrationTests.Web;

[Collection(StaffWebCollection.Name)]
public sealed class StaffWebTests(StaffWebPlatform web)
{
    [Fact]
    public async Task A_board_administrator_signs_in_through_the_identity_provider_and_sees_the_boards_partnerships()
    {
        await web.Scenario.CreatePartnershipAsync("nursing");
        var page = await web.SignedInAsync("board");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statewide overview", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Healthcare Partnership" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "statewide-overview.png"), FullPage = true });
    }

    [Fact]
    public async Task The_boards_partnerships_download_as_csv_with_every_partnership()
    {
        await web.Scenario.CreatePartnershipAsync("exported");
        var page = await web.SignedInAsync("board");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download every partnership as CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.StartsWith("partnership,display_name,stage,sector,sector_title,region,overall_score,flags", csv, StringComparison.Ordinal);
        Assert.Contains($"{web.Scenario.Tenant}/partnerships/exported,Healthcare Partnership,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statewide_indicators_show_each_indicators_numerator_and_denominator()
    {
        var page = await web.SignedInAsync("viewer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Statewide indicators" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statewide performance indicators", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Denominator" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Employment rate, 2nd quarter after exit" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "statewide-indicators.png"), FullPage = true });
    }

    [Fact]
    public async Task The_browser_holds_only_an_http_only_secure_lax_session_cookie()
    {
        var page = await web.SignedInAsync("board");

        var cookies = await page.Context.CookiesAsync([web.Root.ToString()]);

        var session = Assert.Single(cookies, c => c.Name.StartsWith("sectormesh-session", StringComparison.Ordinal));
        Assert.True(session.HttpOnly && session.Secure && session.SameSite == SameSiteAttribute.Lax, $"{session.Name}: HttpOnly {session.HttpOnly}, Secure {session.Secure}, SameSite {session.SameSite}");
        Assert.DoesNotContain(cookies, c => c.Value.Contains("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partnerships_page_shows_its_partners_scorecard_and_indicators()
    {
        await web.Scenario.CreatePartnershipAsync("welding", naics: "332");
        var page = await web.SignedInAsync("board");

        await StaffWebPlatform.OpenAsync(page, $"/{web.Scenario.Tenant}/partnerships/welding");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Healthcare Partnership", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Scorecard" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Performance indicators" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "partnership.png"), FullPage = true });
    }

    [Fact]
    public async Task A_session_begun_on_one_replica_is_served_by_another_as_after_a_rolling_update()
    {
        var page = await web.SignedInAsync("board");
        var other = new Uri($"http://127.0.0.1:{Infrastructure.Servers.FreePort()}");
        await web.StartWebReplicaAsync(other);
        var cookies = await page.Context.CookiesAsync([web.Root.ToString()]);
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = other };
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Statewide overview", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_at_the_web_application_and_at_the_provider()
    {
        var page = await web.SignedInAsync("board");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_access_token_about_to_expire_is_refreshed_with_the_providers_refresh_token()
    {
        var page = await web.SignedInAsync("board");
        var before = web.Provider.Refreshes;

        // Within a minute of its expiry the web application refreshes the token before calling the API with it.
        await Task.Delay(IdentityProvider.AccessTokenLifetime - TimeSpan.FromSeconds(55));
        await StaffWebPlatform.OpenAsync(page, page.Url);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statewide overview", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        Assert.True(web.Provider.Refreshes > before, "No refresh token grant reached the provider.");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_pages_have_no_serious_or_critical_accessibility_violations(string theme)
    {
        await web.Scenario.CreatePartnershipAsync($"axe-{theme}");
        var page = await web.SignedInAsync("board");
        if (theme == "dark")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        }
        var violations = new List<string>();
        foreach (var path in new[] { "/", $"/{web.Scenario.Tenant}/partnerships/axe-{theme}", "/partnerships/new", "/indicators", $"/{web.Scenario.Tenant}/partnerships/axe-{theme}/participants/import" })
        {
            await StaffWebPlatform.OpenAsync(page, path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var results = await page.RunAxe();
            violations.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
