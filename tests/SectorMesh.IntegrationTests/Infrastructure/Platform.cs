using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>
/// Every service under services/ and the gateway as separate processes on the real servers, each
/// service with a database of its own: what a client of SectorMesh meets. A new service folder is
/// started here without an edit.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    private readonly List<ServiceProcess> _processes = [];
    private readonly Dictionary<Uri, Replica> _replicas = [];
    private readonly Dictionary<string, Dictionary<string, string>> _settings = [];
    private readonly Dictionary<string, Uri> _urls = [];

    /// <summary>The Partnerships service's database.</summary>
    public string Database => _settings["partnerships"]["ConnectionStrings__partnershipsdb"];

    /// <summary>The PostgreSQL server of the Engagement database; the shared test server when not set.</summary>
    public string? EngagementPostgres { get; init; }

    public string EngagementDatabase => _settings["engagement"]["ConnectionStrings__engagementdb"];

    /// <summary>The database of the service in services/{service}.</summary>
    public string ServiceDatabase(string service) => _settings[service][$"ConnectionStrings__{service}db"];

    /// <summary>Settings every process of this platform takes on top of its own (an identity provider to trust, say).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public Uri ServiceUrl => _urls["partnerships"];
    public Uri ResourcesUrl => _urls["resources"];
    public Uri EngagementUrl => _urls["engagement"];
    public Uri GatewayJsonUrl { get; private set; } = null!;
    public Uri GatewayGrpcUrl { get; private set; } = null!;
    public GrpcChannel Gateway { get; private set; } = null!;
    public GrpcChannel Direct { get; private set; } = null!;

    /// <summary>The folders under services/ other than shared: each is a service of that name.</summary>
    public static IReadOnlyList<string> ServiceNames { get; } = Directory.GetDirectories(Path.Combine(ServiceProcess.RepositoryRoot(), "services"))
        .Select(Path.GetFileName).OfType<string>()
        .Where(name => name != "shared")
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// Every service is given its address first and told every other's, as the AppHost and Kubernetes tell them, so no
    /// service depends on the order they start in: one that calls another not yet up answers UNAVAILABLE until it is.
    /// </summary>
    public async Task InitializeAsync()
    {
        Servers.RequireRunning();
        foreach (var service in ServiceNames)
        {
            _urls[service] = new Uri($"http://127.0.0.1:{Servers.FreePort()}");
        }
        foreach (var service in ServiceNames)
        {
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                [$"ConnectionStrings__{service}db"] = await Servers.CreateDatabaseAsync($"{service}_e2e",
                    service == "engagement" ? EngagementPostgres ?? Servers.Postgres : Servers.Postgres),
                ["ConnectionStrings__rabbitmq"] = Servers.RabbitMq,
                ["ConnectionStrings__redis"] = Servers.Redis,
                ["Auth__SigningKey"] = Servers.SigningKey,
                // The audit trail purges what is past its retention every second, so a test sees it go.
                ["Audit__PurgeInterval"] = "00:00:01",
            };
            foreach (var (other, url) in _urls.Where(u => u.Key != service))
            {
                settings[$"services__{other}__http__0"] = url.ToString();
            }
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }
            _settings[service] = settings;
            await using var migration = ServiceProcess.Start($"services/{service}", settings, "migrate");
            await migration.WaitForExitAsync(TimeSpan.FromSeconds(90));
        }
        foreach (var service in ServiceNames)
        {
            await StartReplicaAsync(service, new Dictionary<string, string>(), _urls[service]);
        }

        (GatewayJsonUrl, GatewayGrpcUrl) = await StartGatewayAsync("Development", permitsPerWindow: 100_000);
        Gateway = GrpcChannel.ForAddress(GatewayGrpcUrl);
        Direct = GrpcChannel.ForAddress(ServiceUrl);
    }

    /// <summary>Runs one of a service's commands (republish, requeue-errors, ...) on this platform's servers, until it ends.</summary>
    public async Task RunCommandAsync(string service, params string[] args)
    {
        await using var command = ServiceProcess.Start($"services/{service}", _settings[service], args);
        await command.WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts another replica of a service on this platform's database, with some settings changed.</summary>
    public async Task<Uri> StartReplicaAsync(string service, IReadOnlyDictionary<string, string> overrides, Uri? at = null)
    {
        var url = at ?? new Uri($"http://127.0.0.1:{Servers.FreePort()}");
        var environment = new Dictionary<string, string>(_settings[service]) { ["ASPNETCORE_URLS"] = url.ToString() };
        foreach (var (key, value) in overrides)
        {
            environment[key] = value;
        }
        var project = $"services/{service}";
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
            ["ConnectionStrings__redis"] = Servers.Redis,
            ["Auth__SigningKey"] = Servers.SigningKey,
            ["Gateway__PermitsPerWindow"] = permitsPerWindow.ToString(),
            ["Gateway__MaxRequestBodyBytes"] = "65536",
        }.Concat(_urls.Select(u => KeyValuePair.Create($"services__{u.Key}__http__0", u.Value.ToString()))).Concat(Settings).ToDictionary()));
        await gateway.WaitUntilReadyAsync(json, http2Only: false);
        return (json, grpc);
    }

    /// <summary>Starts a program of the repository (the web application, say) beside this platform; stopped with it.</summary>
    public async Task StartAsync(string project, IReadOnlyDictionary<string, string> environment, Uri url)
    {
        var process = Track(ServiceProcess.Start(project, new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = url.ToString() }));
        await process.WaitUntilReadyAsync(url, http2Only: false);
    }

    private ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    /// <summary>A token from the gateway's Development-only /dev/token.</summary>
    public Task<string> TokenAsync(string tenant, string role, params string[] partnerships) =>
        TokenAsync(tenant, [role], partnerships, organization: null, subject: null);

    /// <summary>A token holding several roles, for an organization and a subject of the test's choosing.</summary>
    public async Task<string> TokenAsync(string tenant, string[] roles, string[] partnerships, string? organization, string? subject)
    {
        using var http = new HttpClient { BaseAddress = GatewayJsonUrl };
        var response = await http.PostAsJsonAsync("/dev/token", new { tenant, roles, partnerships, organization, subject });
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
    public Contracts.Pathways.V1.Pathways.PathwaysClient PathwaysThroughGateway => new(Gateway);
    public Contracts.Pathways.V1.JobQuality.JobQualityClient JobQualityThroughGateway => new(Gateway);
    public Contracts.Pathways.V1.ParticipantSupports.ParticipantSupportsClient ParticipantSupportsThroughGateway => new(Gateway);
    public Contracts.Pathways.V1.WorkBasedLearning.WorkBasedLearningClient WorkBasedLearningThroughGateway => new(Gateway);
    public Contracts.Pathways.V1.WorkerVoice.WorkerVoiceClient WorkerVoiceThroughGateway => new(Gateway);
    public Contracts.Metrics.V1.Metrics.MetricsClient MetricsThroughGateway => new(Gateway);
    public Contracts.Pathways.V1.CapacityBuilding.CapacityBuildingClient CapacityBuildingThroughGateway => new(Gateway);

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
