using System.Net.Sockets;
using Grpc.Core;
using Npgsql;
using SectorMesh.Domain;
using StackExchange.Redis;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Which failures are the server's passing trouble (a database, broker, cache or service that is
/// down, restarting or slow) and which are the request's own. The first are answered UNAVAILABLE
/// and retried by consumers until they pass; only the second may be refused for good.
/// </summary>
public static class Faults
{
    /// <summary>PostgreSQL's unique_violation: two writers raced to add the same key.</summary>
    public const string UniqueViolation = "23505";

    public static bool IsTransient(Exception exception) => Chain(exception).Any(e => e switch
    {
        DependencyUnavailable or SocketException or TimeoutException or RedisConnectionException => true,
        // Class 08 (connection), 53 (out of resources) and 57P0x (shutting down, starting up).
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("53", StringComparison.Ordinal)
            || p.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException n => n.IsTransient,
        RpcException r => r.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded,
        _ => false,
    });

    public static bool IsUniqueViolation(Exception exception) =>
        Chain(exception).Any(e => e is PostgresException { SqlState: UniqueViolation });

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
