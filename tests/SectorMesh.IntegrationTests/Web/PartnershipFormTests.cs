using Microsoft.Playwright;

namespace SectorMesh.IntegrationTests.Web;

[Collection(StaffWebCollection.Name)]
public sealed class PartnershipFormTests(StaffWebPlatform web)
{
    [Fact]
    public async Task A_board_administrator_creates_a_partnership_and_lands_on_its_page()
    {
        var page = await web.SignedInAsync("board");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a partnership" }).ClickAsync();

        await page.GetByLabel("Identifier").FillAsync("advanced-manufacturing");
        await page.GetByLabel("Name").FillAsync("Advanced Manufacturing Partnership");
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Central" });
        await page.GetByLabel("Target sector: NAICS code").FillAsync("31");
        await page.GetByLabel("Target sector: title").FillAsync("Manufacturing");
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "create-partnership.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the partnership" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Advanced Manufacturing Partnership", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith($"/{web.Scenario.Tenant}/partnerships/advanced-manufacturing", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_partnership_shows_each_field_violation_beside_its_field_and_keeps_what_was_typed()
    {
        var page = await web.SignedInAsync("board");
        await StaffWebPlatform.OpenAsync(page, "/partnerships/new");

        await page.GetByLabel("Identifier").FillAsync("Not An Id");
        await page.GetByLabel("Target sector: NAICS code").FillAsync("6x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the partnership" }).ClickAsync();

        await Assertions.Expect(page.Locator("#partnership-id-problem")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Identifier")).ToHaveAttributeAsync("aria-describedby", "partnership-id-problem");
        await Assertions.Expect(page.GetByLabel("Identifier")).ToHaveValueAsync("Not An Id");
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "create-partnership-refused.png"), FullPage = true });
    }

    [Fact]
    public async Task A_viewer_is_not_offered_creating_a_partnership_and_cannot_open_the_form()
    {
        var page = await web.SignedInAsync("viewer");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statewide overview", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create a partnership" })).ToHaveCountAsync(0);
        await page.GotoAsync("/partnerships/new");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page is not open to your roles" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_refused_activation_names_each_framework_rule_that_still_stops_it()
    {
        await web.Scenario.CreatePartnershipAsync("not-ready");
        var page = await web.SignedInAsync("board");
        await StaffWebPlatform.OpenAsync(page, $"/{web.Scenario.Tenant}/partnerships/not-ready");

        await page.GetByRole(AriaRole.Button, new() { Name = "Activate the partnership" }).ClickAsync();

        var refusal = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "cannot become active yet" });
        await Assertions.Expect(refusal).ToBeVisibleAsync();
        Assert.True(await refusal.Locator("li").CountAsync() >= 3, await refusal.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "activation-refused.png"), FullPage = true });
    }

    [Fact]
    public async Task A_viewer_is_not_offered_activating_a_partnership()
    {
        await web.Scenario.CreatePartnershipAsync("viewed");
        var page = await web.SignedInAsync("viewer");
        await StaffWebPlatform.OpenAsync(page, $"/{web.Scenario.Tenant}/partnerships/viewed");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Healthcare Partnership", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Activate the partnership" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "History" })).ToHaveCountAsync(0);
    }
}
