using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace SectorMesh.AppHostTests;

/// <summary>
/// What `eng/run.sh` does: the AppHost starts the servers, a migration step per service, the services and
/// the gateway, and loads the sample through the public API.
/// </summary>
public sealed class PlatformStartTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task The_apphost_brings_the_platform_up_with_the_sample_loaded()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.SectorMesh_AppHost>();
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(Startup);
        await app.StartAsync(timeout.Token);

        var loaded = await app.ResourceNotifications.WaitForResourceAsync("sample-data",
            e => e.Snapshot.State?.Text == KnownResourceStates.Finished, timeout.Token);
        Assert.Equal(0, loaded.Snapshot.ExitCode);
        using var gateway = app.CreateHttpClient("gateway", "http");
        var token = await (await gateway.PostAsJsonAsync("/dev/token", new { tenant = "ohio", roles = new[] { "viewer" } }, timeout.Token))
            .Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        gateway.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        var list = await gateway.GetFromJsonAsync<JsonElement>("/v1/tenants/ohio/partnerships", timeout.Token);

        var stages = list.GetProperty("partnerships").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("stage").GetString())).ToList();
        Assert.Contains(("tenants/ohio/partnerships/central-ohio-healthcare", "PARTNERSHIP_STAGE_ACTIVE"), stages);
        Assert.Contains(("tenants/ohio/partnerships/northeast-ohio-manufacturing", "PARTNERSHIP_STAGE_ACTIVE"), stages);
        Assert.Contains(("tenants/ohio/partnerships/southwest-ohio-it", "PARTNERSHIP_STAGE_LAUNCHING"), stages);
        var report = await gateway.GetFromJsonAsync<JsonElement>("/v1/tenants/ohio/partnerships/central-ohio-healthcare/resourceReport", timeout.Token);
        Assert.True(report.GetProperty("leverage").GetProperty("value").GetDouble() > 0);
        Assert.Equal(3, report.GetProperty("gaps").GetArrayLength());
        var sectors = await gateway.GetFromJsonAsync<JsonElement>("/v1/tenants/ohio/regions/central-ohio/sectorSelection?year=2024", timeout.Token);
        Assert.Equal("62", sectors.GetProperty("sectors")[0].GetProperty("industryCode").GetString());
        var gap = await gateway.GetFromJsonAsync<JsonElement>("/v1/tenants/ohio/partnerships/central-ohio-healthcare/skillsGapAnalyses/ma-and-rn-2026", timeout.Token);
        Assert.True(gap.GetProperty("gaps")[0].GetProperty("gap").GetDouble() > 0);
        var steps = await gateway.GetFromJsonAsync<JsonElement>(
            "/v1/tenants/ohio/partnerships/central-ohio-healthcare/participants/p-0001:nextSteps?targetOccupation=29-1141", timeout.Token);
        Assert.Equal("registered-nurse", steps.GetProperty("routes")[0].GetProperty("steps").EnumerateArray().Last().GetString());
    }
}
