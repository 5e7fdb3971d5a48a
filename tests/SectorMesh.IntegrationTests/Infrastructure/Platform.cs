using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>
/// The Partnerships, Resources and Engagement services and the gateway as separate processes on the real servers, with a
/// database of their own: what a client of SectorMesh meets.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    private readonly List<ServiceProcess> _processes = [];
    private readonly Dictionary<Uri, Replica> _replicas = [];
    private Dictionary<string, string> _service = [];
    private Dictionary<string, string> _resources = [];
    private Dictionary<string, string> _engagement = [];

    public string Database { get; private set; } = "";

    /// <summary>The PostgreSQL server of the Engagement database; the shared test server when not set.</summary>
    public string? EngagementPostgres { get; init; }

    public string EngagementDatabase { get; private set; } = "";

    public Uri ServiceUrl { get; private set; } = null!;
    public Uri ResourcesUrl { get; private set; } = null!;
    public Uri EngagementUrl { get; private set; } = null!;
    public Uri GatewayJsonUrl { get; private set; } = null!;
    public Uri GatewayGrpcUrl { get; private set; } = null!;
    public GrpcChannel Gateway { get; private set; } = null!;
    public GrpcChannel Direct { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Servers.RequireRunning();
        Database = await Servers.CreateDatabaseAsync("partnerships_e2e");
        _service = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__partnershipsdb"] = Database,
            ["ConnectionStrings__rabbitmq"] = Servers.RabbitMq,
            ["ConnectionStrings__redis"] = Servers.Redis,
            ["Auth__SigningKey"] = Servers.SigningKey,
        };
        await using (var migration = ServiceProcess.Start("services/partnerships", _service, "migrate"))
        {
            await migration.WaitForExitAsync(TimeSpan.FromSeconds(90));
        }

        ServiceUrl = await StartServiceAsync(new Dictionary<string, string>());

        _resources = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__resourcesdb"] = await Servers.CreateDatabaseAsync("resources_e2e"),
            ["ConnectionStrings__rabbitmq"] = Servers.RabbitMq,
            ["ConnectionStrings__redis"] = Servers.Redis,
            ["Auth__SigningKey"] = Servers.SigningKey,
            ["services__partnerships__http__0"] = ServiceUrl.ToString(),
        };
        await using (var migration = ServiceProcess.Start("services/resources", _resources, "migrate"))
        {
            await migration.WaitForExitAsync(TimeSpan.FromSeconds(90));
        }
        ResourcesUrl = await StartResourcesAsync(new Dictionary<string, string>());

        _engagement = new Dictionary<string, string>(_resources)
        {
            ["ConnectionStrings__engagementdb"] = EngagementDatabase = await Servers.CreateDatabaseAsync("engagement_e2e", EngagementPostgres ?? Servers.Postgres),
        };
        _engagement.Remove("ConnectionStrings__resourcesdb");
        await using (var migration = ServiceProcess.Start("services/engagement", _engagement, "migrate"))
        {
            await migration.WaitForExitAsync(TimeSpan.FromSeconds(90));
        }
        EngagementUrl = await StartEngagementAsync(new Dictionary<string, string>());

        (GatewayJsonUrl, GatewayGrpcUrl) = await StartGatewayAsync("Development", permitsPerWindow: 100_000);
        Gateway = GrpcChannel.ForAddress(GatewayGrpcUrl);
        Direct = GrpcChannel.ForAddress(ServiceUrl);
    }

    /// <summary>Starts another replica of the Partnerships service on this platform's database, with some settings changed.</summary>
    public Task<Uri> StartServiceAsync(IReadOnlyDictionary<string, string> overrides) => StartAsync("services/partnerships", _service, overrides);

    /// <summary>Starts another replica of the Resources service on this platform's database, with some settings changed.</summary>
    public Task<Uri> StartResourcesAsync(IReadOnlyDictionary<string, string> overrides) => StartAsync("services/resources", _resources, overrides);

    /// <summary>Starts another replica of the Engagement service on this platform's database, with some settings changed.</summary>
    public Task<Uri> StartEngagementAsync(IReadOnlyDictionary<string, string> overrides) => StartAsync("services/engagement", _engagement, overrides);

    private async Task<Uri> StartAsync(string project, Dictionary<string, string> settings, IReadOnlyDictionary<string, string> overrides)
    {
        var url = new Uri($"http://127.0.0.1:{Servers.FreePort()}");
        var environment = new Dictionary<string, string>(settings) { ["ASPNETCORE_URLS"] = url.ToString() };
        foreach (var (key, value) in overrides)
        {
            environment[key] = value;
        }
        var process = Track(ServiceProcess.Start(project, environment));
        _replicas[url] = new Replica(project, environment, process);
        await process.WaitUntilReadyAsync(url, http2Only: true);
        return url;
    }

    /// <summary>Kills the service replica at <paramref name="url"/> with SIGKILL, as a crash would: no shutdown, no acknowledgements.</summary>
    public async Task KillAsync(Uri url)
    {
        var process = _replicas[url].Process;
        _processes.Remove(process);
        await process.DisposeAsync();
    }

    /// <summary>Starts a killed replica again on the same address, so the gateway and other services find it where it was.</summary>
    public async Task RestartAsync(Uri url)
    {
        var replica = _replicas[url];
        var process = Track(ServiceProcess.Start(replica.Project, replica.Environment));
        _replicas[url] = replica with { Process = process };
        await process.WaitUntilReadyAsync(url, http2Only: true);
    }

    private sealed record Replica(string Project, Dictionary<string, string> Environment, ServiceProcess Process);

    /// <summary>Starts a gateway in front of this platform's service; its JSON and gRPC addresses.</summary>
    public async Task<(Uri Json, Uri Grpc)> StartGatewayAsync(string environment, int permitsPerWindow)
    {
        var json = new Uri($"http://127.0.0.1:{Servers.FreePort()}");
        var grpc = new Uri($"http://127.0.0.1:{Servers.FreePort()}");
        var gateway = Track(ServiceProcess.Start("gateway/SectorMesh.Gateway", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["Kestrel__Endpoints__http__Url"] = json.ToString(),
            ["Kestrel__Endpoints__grpc__Url"] = grpc.ToString(),
            ["services__partnerships__http__0"] = ServiceUrl.ToString(),
            ["services__resources__http__0"] = ResourcesUrl.ToString(),
            ["services__engagement__http__0"] = EngagementUrl.ToString(),
            ["ConnectionStrings__redis"] = Servers.Redis,
            ["Auth__SigningKey"] = Servers.SigningKey,
            ["Gateway__PermitsPerWindow"] = permitsPerWindow.ToString(),
            ["Gateway__MaxRequestBodyBytes"] = "65536",
        }));
        await gateway.WaitUntilReadyAsync(json, http2Only: false);
        return (json, grpc);
    }

    private ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    /// <summary>A token from the gateway's Development-only /dev/token.</summary>
    public async Task<string> TokenAsync(string tenant, string role, params string[] partnerships)
    {
        using var http = new HttpClient { BaseAddress = GatewayJsonUrl };
        var response = await http.PostAsJsonAsync("/dev/token", new { tenant, roles = new[] { role }, partnerships });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["access_token"].ToString()!;
    }

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    public HttpClient Json(string? token)
    {
        var http = new HttpClient { BaseAddress = GatewayJsonUrl };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    public Contracts.Partnerships.V1.Partnerships.PartnershipsClient PartnershipsThroughGateway => new(Gateway);
    public Tenants.TenantsClient TenantsThroughGateway => new(Gateway);
    public Contracts.Resources.V1.Resources.ResourcesClient ResourcesThroughGateway => new(Gateway);
    public Organizations.OrganizationsClient OrganizationsThroughGateway => new(Gateway);
    public Contracts.Engagement.V1.Engagement.EngagementClient EngagementThroughGateway => new(Gateway);

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Direct?.Dispose();
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<Platform>
{
    public const string Name = "platform";
}
