using System.Diagnostics;
using Npgsql;

namespace SectorMesh.FaultTests;

/// <summary>
/// The suite's own servers, started with eng/servers.sh on ports no other test uses, so that stopping
/// them disturbs nobody: one PostgreSQL for Partnerships and Resources, a second one for Engagement
/// alone (so a database fault hits only the consumer), a RabbitMQ node and a Redis. Their state lives
/// under /var/tmp, which the postgres and rabbitmq users can reach.
/// </summary>
public sealed class FaultServers
{
    public const string Root = "/var/tmp/sectormesh-faults";
    public const string Password = "sectormesh";
    // Below the kernel's ephemeral range (32768 and up), so that while a server is stopped no outgoing
    // connection or free-port pick can take its port and keep it from starting again.
    private const int MainPostgresPort = 31432;
    private const int EngagementPostgresPort = 31433;
    private const int RabbitPort = 31672;
    private const int RabbitDistributionPort = 31673;
    private const int RedisPort = 31379;

    public string RabbitNode => "sectormesh-faults@localhost";
    public string Postgres => $"Host=127.0.0.1;Port={MainPostgresPort};Username=postgres;Password={Password}";
    public string EngagementPostgres => $"Host=127.0.0.1;Port={EngagementPostgresPort};Username=postgres;Password={Password}";
    public string RabbitMq => $"amqp://guest:guest@127.0.0.1:{RabbitPort}";
    public string Redis => $"127.0.0.1:{RedisPort}";

    private static string MainFolder => Path.Combine(Root, "main");
    private static string EngagementFolder => Path.Combine(Root, "engagement");

    public async Task StartAsync()
    {
        Directory.CreateDirectory(Root);
        await ServersScriptAsync(MainFolder, MainPostgresPort, "start");
        await ServersScriptAsync(EngagementFolder, EngagementPostgresPort, "start", "postgres");
    }

    /// <summary>Stops every server of the suite and removes their state, so the next run starts clean.</summary>
    public async Task StopAsync()
    {
        await ServersScriptAsync(EngagementFolder, EngagementPostgresPort, "stop", "postgres");
        await ServersScriptAsync(MainFolder, MainPostgresPort, "stop");
        Directory.Delete(Root, recursive: true);
    }

    public Task StopEngagementPostgresAsync() => ServersScriptAsync(EngagementFolder, EngagementPostgresPort, "stop", "postgres");

    public Task StartEngagementPostgresAsync() => ServersScriptAsync(EngagementFolder, EngagementPostgresPort, "start", "postgres");

    public Task RabbitMqAppAsync(string verb) => RunAsync("rabbitmqctl", ["-q", "-n", RabbitNode, verb]);

    /// <summary>Sends a signal to the suite's Redis: STOP freezes it with its connections open, CONT thaws it.</summary>
    public Task SignalRedisAsync(string signal) =>
        RunAsync("kill", [$"-{signal}", File.ReadAllText(Path.Combine(MainFolder, "redis", "redis.pid")).Trim()]);

    /// <summary>Messages waiting in the error queues of the suite's broker, by queue.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ErrorQueuesAsync() =>
        (await QueuesAsync()).Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)).ToDictionary();

    /// <summary>
    /// Messages in the queues consumers read (every queue but the error and skipped ones) that hold any, by queue: those
    /// waiting and those delivered but not yet acknowledged, which a consumer may still be handling or may get again.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> UnfinishedDeliveriesAsync() =>
        (await QueuesAsync()).Where(q => q.Value > 0 && !q.Key.EndsWith("_error", StringComparison.Ordinal) && !q.Key.EndsWith("_skipped", StringComparison.Ordinal))
            .ToDictionary();

    /// <summary>The queues of the suite's broker with their messages, ready and unacknowledged.</summary>
    private async Task<Dictionary<string, long>> QueuesAsync()
    {
        var output = await RunAsync("rabbitmqctl", ["-q", "-n", RabbitNode, "list_queues", "name", "messages"]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', ' '))
            .Where(columns => columns.Length >= 2 && long.TryParse(columns[^1], out _))
            .ToDictionary(columns => columns[0], columns => long.Parse(columns[^1]));
    }

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private Task<string> ServersScriptAsync(string folder, int postgresPort, params string[] arguments)
    {
        var script = Path.Combine(Repository, "eng", "servers.sh");
        return RunAsync("bash", [script, .. arguments], new Dictionary<string, string>
        {
            ["SM_SERVERS_DIR"] = folder,
            ["SM_PG_PORT"] = postgresPort.ToString(),
            ["SM_PG_PASSWORD"] = Password,
            ["SM_RABBIT_PORT"] = RabbitPort.ToString(),
            ["SM_RABBIT_DIST_PORT"] = RabbitDistributionPort.ToString(),
            ["SM_REDIS_PORT"] = RedisPort.ToString(),
            ["SM_RABBIT_NODE"] = RabbitNode,
        });
    }

    private static async Task<string> RunAsync(string program, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
        return await output;
    }

    private static string Repository
    {
        get
        {
            var folder = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(folder, "SectorMesh.sln")))
            {
                folder = Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar))
                    ?? throw new InvalidOperationException("SectorMesh.sln not found above " + AppContext.BaseDirectory);
            }
            return folder;
        }
    }
}
