using System.Text;
using Microsoft.Playwright;

namespace SectorMesh.IntegrationTests.Web;

[Collection(StaffWebCollection.Name)]
public sealed class ImportPageTests(StaffWebPlatform web)
{
    private async Task<IPage> ImportPageAsync(string partnership)
    {
        await web.Scenario.CreatePartnershipAsync(partnership);
        var page = await web.SignedInAsync("board");
        await StaffWebPlatform.OpenAsync(page, $"/{web.Scenario.Tenant}/partnerships/{partnership}/participants/import");
        return page;
    }

    private static Task ChooseAsync(IPage page, string pirl) => page.GetByLabel("PIRL file").SetInputFilesAsync(new FilePayload
    {
        Name = "pirl.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(pirl),
    });

    [Fact]
    public async Task A_pirl_file_imported_from_the_page_reports_the_participants_it_enrolled()
    {
        var page = await ImportPageAsync("imported-by-page");

        await ChooseAsync(page, "100,900\nG1,20260105\nG2,20260210\nG3,20260402\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("3 enrolled");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("value", "100");
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "import.png"), FullPage = true });
    }

    [Fact]
    public async Task A_refused_pirl_file_lists_its_bad_lines_with_their_reasons_and_stores_nothing()
    {
        var page = await ImportPageAsync("refused-by-page");

        await ChooseAsync(page, "100,900\nG1,20260105\nG2,not-a-date\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "line 3" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "import-refused.png"), FullPage = true });
        var participants = await web.Platform.PathwaysThroughGateway.ListParticipantsAsync(
            new Contracts.Pathways.V1.ListParticipantsRequest { Parent = $"{web.Scenario.Tenant}/partnerships/refused-by-page" }, web.Scenario.Board);
        Assert.Empty(participants.Participants);
    }
}
