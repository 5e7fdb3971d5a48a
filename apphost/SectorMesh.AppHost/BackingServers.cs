using System.Diagnostics;

namespace SectorMesh.AppHost;

/// <summary>How a project is given a backing server: its connection string, and waiting until it runs.</summary>
public sealed record BackingServer(Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>> AttachTo);

/// <summary>PostgreSQL, with a database for each service made on request, RabbitMQ and Redis.</summary>
public sealed record BackingServers(Func<string, BackingServer> DatabaseOf, BackingServer RabbitMq, BackingServer Redis)
{
    // Ports of the servers the AppHost runs itself; the test servers of eng/servers.sh use others, so both can run at once.
    private const int PostgresPort = 15432;
    private const int RabbitMqPort = 15672;
    private const int RabbitMqDistributionPort = 15673;
    private const int RedisPort = 16379;

    /// <summary>Outside the clone, so the postgres and rabbitmq users can reach it wherever the clone is.</summary>
    public const string DevelopmentServersDirectory = "/var/tmp/sectormesh/dev";

    public static BackingServers Add(IDistributedApplicationBuilder builder) =>
        (builder.Configuration["Servers"] ?? (ContainerEngineAnswers() ? "containers" : "executables")) switch
        {
            "containers" => AddContainers(builder),
            "executables" => AddExecutables(builder),
            var other => throw new InvalidOperationException($"Servers must be 'containers' or 'executables', not '{other}'."),
        };

    private static BackingServers AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        var rabbit = builder.AddRabbitMQ("rabbitmq");
        var redis = builder.AddRedis("redis");
        return new BackingServers(
            service =>
            {
                var database = postgres.AddDatabase(DatabaseName(service));
                return new BackingServer(project => project.WithReference(database).WaitFor(database));
            },
            new BackingServer(project => project.WithReference(rabbit).WaitFor(rabbit)),
            new BackingServer(project => project.WithReference(redis).WaitFor(redis)));
    }

    private static BackingServers AddExecutables(IDistributedApplicationBuilder builder)
    {
        RequireInstalled(("PostgreSQL", "/usr/lib/postgresql"), ("RabbitMQ", "/usr/sbin/rabbitmq-server"), ("Redis", "/usr/bin/redis-server"));
        var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        IResourceBuilder<ExecutableResource> Run(string name) =>
            builder.AddExecutable(name, "bash", repository, "eng/servers.sh", "run", name)
                .WithEnvironment("SM_SERVERS_DIR", DevelopmentServersDirectory)
                .WithEnvironment("SM_PG_PORT", PostgresPort.ToString())
                .WithEnvironment("SM_RABBIT_PORT", RabbitMqPort.ToString())
                .WithEnvironment("SM_RABBIT_DIST_PORT", RabbitMqDistributionPort.ToString())
                .WithEnvironment("SM_RABBIT_NODE", "sectormesh-dev@localhost")
                .WithEnvironment("SM_REDIS_PORT", RedisPort.ToString());
        BackingServer Server(IResourceBuilder<ExecutableResource> server, string connectionName, string connectionString) =>
            new(project => project.WithEnvironment($"ConnectionStrings__{connectionName}", connectionString).WaitFor(server));

        var postgres = Run("postgres");
        // Here a service's database is named after the service alone (partnerships), as developers' existing data directories have it.
        return new BackingServers(
            service => Server(postgres, DatabaseName(service),
                $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password=sectormesh;Database={service}"),
            Server(Run("rabbitmq"), "rabbitmq", $"amqp://guest:guest@127.0.0.1:{RabbitMqPort}"),
            Server(Run("redis"), "redis", $"127.0.0.1:{RedisPort}"));
    }

    /// <summary>The connection string name a service reads its database from (ConnectionStrings:{service}db).</summary>
    private static string DatabaseName(string service) => $"{service}db";

    private static void RequireInstalled(params (string Name, string Path)[] servers)
    {
        var missing = servers.Where(s => !File.Exists(s.Path) && !Directory.Exists(s.Path)).Select(s => s.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(", ", missing)} not installed and no container engine answers. Install them from Debian's packages with: sudo eng/servers.sh install");
        }
    }

    private static bool ContainerEngineAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info") { RedirectStandardOutput = true, RedirectStandardError = true });
            return docker is not null && docker.WaitForExit(5000) && docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>
/// The services of the platform, each added once with everything it needs: its database ({service}db), its one-off
/// migration step, the broker and the cache, waiting for each; the gateway then reaches all of them.
/// </summary>
public sealed class PlatformServices(IDistributedApplicationBuilder builder, BackingServers servers)
{
    private readonly List<IResourceBuilder<ProjectResource>> _all = [];

    public IReadOnlyList<IResourceBuilder<ProjectResource>> All => _all;

    /// <summary>
    /// The service, started once its migration step has finished, on the fixed port of its launch profile. Every service
    /// finds every other by service discovery, as in Kubernetes, so none depends on the order they are added or start in:
    /// one that calls another not yet up answers UNAVAILABLE until it is.
    /// </summary>
    public IResourceBuilder<ProjectResource> Add<TProject>(string name)
        where TProject : IProjectMetadata, new()
    {
        var database = servers.DatabaseOf(name);
        var migrations = builder.AddProject<TProject>($"{name}-migrations", launchProfileName: null)
            .WithArgs("migrate")
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithServerReference(database)
            .WithServerReference(servers.RabbitMq);
        var service = builder.AddProject<TProject>(name)
            .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
            .WithServerReference(database)
            .WithServerReference(servers.RabbitMq)
            .WithServerReference(servers.Redis)
            .WaitForCompletion(migrations);
        foreach (var other in _all)
        {
            service.WithReference(other);
            other.WithReference(service);
        }
        _all.Add(service);
        return service;
    }
}

public static class BackingServerExtensions
{
    public static IResourceBuilder<ProjectResource> WithServerReference(this IResourceBuilder<ProjectResource> project, BackingServer server) =>
        server.AttachTo(project);

    /// <summary>A reference to each service, and waiting until each runs.</summary>
    public static IResourceBuilder<ProjectResource> WithServices(this IResourceBuilder<ProjectResource> project, PlatformServices services)
    {
        foreach (var service in services.All)
        {
            project.WithReference(service).WaitFor(service);
        }
        return project;
    }
}
