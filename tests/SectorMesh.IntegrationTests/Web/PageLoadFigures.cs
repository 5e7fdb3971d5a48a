using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SectorMesh.IntegrationTests.Web;

/// <summary>
/// Page load figures in a real browser, printed for the record (the speed target is read from them, never asserted): the
/// first load of a page in a new browser and navigations within a signed-in session.
/// </summary>
[Collection(StaffWebCollection.Name)]
public sealed class PageLoadFigures(StaffWebPlatform web, ITestOutputHelper output)
{
    private const int Loads = 10;

    [Fact]
    public async Task Every_page_loads_with_its_heading_and_its_load_times_are_printed()
    {
        await web.Scenario.CreatePartnershipAsync("timed");
        var pages = new[] { ("statewide overview", "/", "Statewide overview"), ("partnership", $"/{web.Scenario.Tenant}/partnerships/timed", "Healthcare Partnership"), ("create a partnership", "/partnerships/new", "Create a partnership") };
        var page = await web.SignedInAsync("board");
        var figures = new List<string>();
        foreach (var (title, path, heading) in pages)
        {
            var times = new List<double>();
            for (var i = 0; i < Loads; i++)
            {
                await StaffWebPlatform.OpenAsync(page, path);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
                times.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd"));
            }
            var first = times[0];
            times.Sort();
            figures.Add(string.Create(CultureInfo.InvariantCulture,
                $"page load, {title}: first {first:F0} ms, p50 {times[Loads / 2]:F0} ms, worst {times[^1]:F0} ms over {Loads} loads"));
        }
        // The runner shows a passing test's output only when asked for detail: the figures also go to the console and a file.
        var report = string.Join(Environment.NewLine, figures);
        output.WriteLine(report);
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(StaffWebPlatform.Screenshots, "page-loads.txt"), report + Environment.NewLine);
    }
}
