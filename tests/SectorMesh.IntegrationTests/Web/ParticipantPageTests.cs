using Microsoft.Playwright;
using SectorMesh.Contracts.Pathways.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.Web;

[Collection(StaffWebCollection.Name)]
public sealed class ParticipantPageTests(StaffWebPlatform web) : IAsyncLifetime
{
    private const string Partnership = "participants";
    private string PartnershipName => $"{web.Scenario.Tenant}/partnerships/{Partnership}";

    public async Task InitializeAsync()
    {
        if (web.Provider.Users.ContainsKey("pii"))
        {
            return;
        }
        await web.Scenario.CreatePartnershipAsync(Partnership);
        await web.Platform.PathwaysThroughGateway.CreateParticipantAsync(new CreateParticipantRequest
        {
            Parent = PartnershipName, ParticipantId = "p-001",
            Participant = new Participant
            {
                EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 },
                PersonalData = new ParticipantPersonalData { GivenName = "Maria", FamilyName = "Lopez", Email = "maria@example.org" },
            },
        }, web.Scenario.Board);
        web.Provider.Users["pii"] = (web.Scenario.TenantId, ["board-admin", "pii-reader"], []);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_participants_personal_data_is_masked_for_a_user_without_pii_reader_who_is_offered_no_reveal()
    {
        var page = await web.SignedInAsync("board");
        await StaffWebPlatform.OpenAsync(page, $"/{PartnershipName}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Participants" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "p-001" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Lopez")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reveal the personal data of p-001" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_pii_reader_reveals_one_participants_personal_data_and_the_reveal_is_in_the_history()
    {
        var page = await web.SignedInAsync("pii");
        await StaffWebPlatform.OpenAsync(page, $"/{PartnershipName}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Participants" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Reveal the personal data of p-001" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Maria Lopez")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "participants.png"), FullPage = true });
        await Eventually.UntilAsync(async () =>
        {
            await StaffWebPlatform.OpenAsync(page, page.Url);
            await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
            return await page.GetByRole(AriaRole.Cell, new() { Name = "Get participant personal data" }).CountAsync() > 0;
        }, "the reveal is in the partnership's history");
        await page.ScreenshotAsync(new() { Path = Path.Combine(StaffWebPlatform.Screenshots, "history.png"), FullPage = true });
    }
}
