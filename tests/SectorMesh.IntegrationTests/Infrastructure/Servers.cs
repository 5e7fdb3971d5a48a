using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>
/// The real servers the tests run against, as eng/servers.sh starts them. A missing server
/// fails the test with how to start it; nothing is skipped.
/// </summary>
public static class Servers
{
    public static string Postgres => Setting("SM_PG", "Host=127.0.0.1;Port=25432;Username=postgres;Password=sectormesh");
    public static string RabbitMq => Setting("SM_RABBIT", "amqp://guest:guest@127.0.0.1:25672");
    public static string Redis => Setting("SM_REDIS", "127.0.0.1:26379");
    public static string RabbitMqNode => Setting("SM_RABBIT_NODE", "sectormesh-test@localhost");

    /// <summary>One signing key for every process of a test platform, so tests can mint tokens too.</summary>
    public const string SigningKey = "integration-tests-signing-key-0123456789abcdef";

    private static string Setting(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;

    public static void RequireRunning()
    {
        Require("PostgreSQL", new NpgsqlConnectionStringBuilder(Postgres).Port);
        Require("RabbitMQ", new Uri(RabbitMq).Port);
        Require("Redis", int.Parse(Redis.Split(':')[1]));
    }

    private static void Require(string name, int port)
    {
        using var tcp = new TcpClient();
        try
        {
            tcp.Connect("127.0.0.1", port);
        }
        catch (SocketException)
        {
            throw new InvalidOperationException($"{name} is not answering on 127.0.0.1:{port}. Start the test servers with: eng/servers.sh start");
        }
    }

    /// <summary>A new, empty database of its own for one fixture, on the shared test server unless another is given.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, string? server = null)
    {
        server ??= Postgres;
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The count or other single value a query of <paramref name="database"/> answers.</summary>
    public static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops or starts the RabbitMQ application (the Erlang node stays up), as an outage would.</summary>
    public static void RabbitMqApp(string verb)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", "-n", RabbitMqNode, verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.WaitForExit(60_000);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {verb} failed: {process.StandardError.ReadToEnd()}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
