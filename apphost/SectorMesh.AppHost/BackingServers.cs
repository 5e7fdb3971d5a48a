using System.Diagnostics;

namespace SectorMesh.AppHost;

/// <summary>How a project is given a backing server: its connection string, and waiting until it runs.</summary>
public sealed record BackingServer(Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>> AttachTo);

public sealed record BackingServers(BackingServer PartnershipsDatabase, BackingServer ResourcesDatabase, BackingServer EngagementDatabase,
    BackingServer RabbitMq, BackingServer Redis)
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
        var partnerships = postgres.AddDatabase("partnershipsdb");
        var resources = postgres.AddDatabase("resourcesdb");
        var engagement = postgres.AddDatabase("engagementdb");
        var rabbit = builder.AddRabbitMQ("rabbitmq");
        var redis = builder.AddRedis("redis");
        return new BackingServers(
            new BackingServer(project => project.WithReference(partnerships).WaitFor(partnerships)),
            new BackingServer(project => project.WithReference(resources).WaitFor(resources)),
            new BackingServer(project => project.WithReference(engagement).WaitFor(engagement)),
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
        string Database(string name) => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Password=sectormesh;Database={name}";
        return new BackingServers(
            Server(postgres, "partnershipsdb", Database("partnerships")),
            Server(postgres, "resourcesdb", Database("resources")),
            Server(postgres, "engagementdb", Database("engagement")),
            Server(Run("rabbitmq"), "rabbitmq", $"amqp://guest:guest@127.0.0.1:{RabbitMqPort}"),
            Server(Run("redis"), "redis", $"127.0.0.1:{RedisPort}"));
    }

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

public static class BackingServerExtensions
{
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name,
        BackingServer database, BackingServers servers) where TProject : IProjectMetadata, new()
    {
        var migrations = builder.AddProject<TProject>($"{name}-migrations", launchProfileName: null)
            .WithArgs("migrate")
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithServerReference(database)
            .WithServerReference(servers.RabbitMq);
        return builder.AddProject<TProject>(name)
            .WithEndpoint("http", endpoint => endpoint.IsProxied = false)
            .WithServerReference(database)
            .WithServerReference(servers.RabbitMq)
            .WithServerReference(servers.Redis)
            .WaitForCompletion(migrations);
    }

    public static IResourceBuilder<ProjectResource> WithServerReference(this IResourceBuilder<ProjectResource> project, BackingServer server) =>
        server.AttachTo(project);
}
