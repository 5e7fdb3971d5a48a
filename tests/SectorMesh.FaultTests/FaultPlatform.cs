using Npgsql;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.FaultTests;

/// <summary>
/// SectorMesh on the suite's own servers: the three services and the gateway as processes, a tenant with
/// a region, two employers and a workforce board, and one partnership that Engagement already knows, for
/// the meetings the load records.
/// </summary>
public sealed class FaultPlatform : IAsyncLifetime
{
    public const string MeetingPartnership = "seed";

    public FaultServers Servers { get; } = new();
    public Platform Platform { get; private set; } = null!;
    public TenantScenario Tenant { get; private set; } = null!;
    public List<ScenarioReport> Reports { get; } = [];

    public async Task InitializeAsync()
    {
        await Servers.StartAsync();
        try
        {
            // The platform reads its servers from these settings: this test process gets the suite's own.
            Environment.SetEnvironmentVariable("SM_PG", Servers.Postgres);
            Environment.SetEnvironmentVariable("SM_RABBIT", Servers.RabbitMq);
            Environment.SetEnvironmentVariable("SM_REDIS", Servers.Redis);
            Environment.SetEnvironmentVariable("SM_RABBIT_NODE", Servers.RabbitNode);
            Platform = new Platform { EngagementPostgres = Servers.EngagementPostgres };
            await Platform.InitializeAsync();
            Tenant = await TenantScenario.CreateAsync(Platform);
            await Tenant.CreatePartnershipAsync(MeetingPartnership);
            await WaitUntilEngagementKnowsAsync(MeetingPartnership, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private Task WaitUntilEngagementKnowsAsync(string partnership, TimeSpan timeout) => Eventually.UntilAsync(async () =>
    {
        await using var connection = await FaultServers.OpenAsync(Platform.EngagementDatabase);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM partnerships WHERE tenant_id = @t AND partnership_id = @p", connection);
        command.Parameters.AddWithValue("t", Tenant.TenantId);
        command.Parameters.AddWithValue("p", partnership);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }, $"Engagement to copy partnership {partnership}", timeout);

    public async Task DisposeAsync()
    {
        if (Reports.Count > 0)
        {
            // The whole run's table, for docs/reliability.md: the test runner shows each scenario's row with its test only.
            var table = ScenarioReport.Table(Reports);
            var file = Path.Combine(AppContext.BaseDirectory, "fault-report.md");
            await File.WriteAllTextAsync(file, table);
            Console.WriteLine(table);
            Console.WriteLine($"Written to {file}");
        }
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }
        await Servers.StopAsync();
    }
}
