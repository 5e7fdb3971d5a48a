using System.Diagnostics.Metrics;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// A Redis cache of hot reads, stored as the API's own protobuf messages. Redis being slow or
/// down makes reads slower, never wrong or failed: every miss of the budget falls through to the
/// database. Writers remove the entry after they commit; the expiry bounds staleness if that
/// removal is lost while Redis is unreachable. Every entry is keyed one way: the caching service and the resource name
/// the message is the answer for (sectormesh:resources:tenants/ohio/partnerships/healthcare).
/// </summary>
public sealed class ResourceCache(RedisBudget redis, IHostEnvironment host)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    public static string Key(string service, string resourceName) => $"sectormesh:{service}:{resourceName}";

    private string KeyOf(string resourceName) => Key(host.ServiceName(), resourceName);

    public async Task<T> GetOrLoadAsync<T>(string resourceName, MessageParser<T> parser, Func<Task<T>> load) where T : IMessage<T>
    {
        var key = KeyOf(resourceName);
        var (answered, cached) = await redis.TryAsync("cache get", db => db.StringGetAsync(key));
        if (answered && cached.HasValue)
        {
            return parser.ParseFrom((byte[])cached!);
        }
        var loaded = await load();
        if (answered)
        {
            await redis.TryAsync("cache set", db => db.StringSetAsync(key, loaded.ToByteArray(), Expiry));
        }
        return loaded;
    }

    public Task RemoveAsync(string resourceName) => redis.TryAsync("cache remove", db => db.KeyDeleteAsync(KeyOf(resourceName)));
}

/// <summary>
/// Every call to Redis goes through here. Each has a small time budget; when Redis is slow, frozen
/// or down the caller goes on without it (fails open), counted in sectormesh.redis.skipped. After a
/// few misses in a row Redis is left alone for a short pause, so a frozen server does not cost
/// every request its budget.
/// </summary>
public sealed class RedisBudget(IConnectionMultiplexer redis, RedisBudgetOptions options, TimeProvider clock, ILogger<RedisBudget> logger)
{
    private const int MissesBeforePause = 3;

    private static readonly Meter Meter = new(Telemetry.SectorMeshSource);
    private static readonly Counter<long> Skipped = Meter.CreateCounter<long>("sectormesh.redis.skipped",
        description: "Redis calls given up (slow, frozen or down) or not tried during a pause; the caller went on without Redis");

    private int _misses;
    private long _pausedUntilTicks;

    public async Task<(bool Answered, T Value)> TryAsync<T>(string operation, Func<IDatabase, Task<T>> call)
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _pausedUntilTicks))
        {
            Skipped.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("reason", "paused"));
            return (false, default!);
        }
        Task<T>? pending = null;
        try
        {
            pending = call(redis.GetDatabase());
            var value = await pending.WaitAsync(options.Budget, clock);
            Interlocked.Exchange(ref _misses, 0);
            return (true, value);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The call may still end later; its outcome no longer matters but must be observed.
            pending?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            Skipped.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("reason", e is TimeoutException ? "timeout" : "error"));
            if (Interlocked.Increment(ref _misses) >= MissesBeforePause)
            {
                Interlocked.Exchange(ref _misses, 0);
                Interlocked.Exchange(ref _pausedUntilTicks, clock.GetUtcNow().Add(options.Pause).UtcTicks);
                logger.LogWarning("Redis did not answer {Operation} within {Budget} ms ({Error}); going on without it for {Pause} s",
                    operation, options.Budget.TotalMilliseconds, e.Message, options.Pause.TotalSeconds);
            }
            return (false, default!);
        }
    }

    public async Task TryAsync(string operation, Func<IDatabase, Task> call) =>
        await TryAsync(operation, async db =>
        {
            await call(db);
            return true;
        });
}

public sealed class RedisBudgetOptions
{
    /// <summary>How long a request waits for Redis before going on without it.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long Redis is left alone after it missed its budget a few times in a row.</summary>
    public TimeSpan Pause { get; set; } = TimeSpan.FromSeconds(2);
}

public static class ResourceCacheExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>
    /// Redis (ConnectionStrings:redis, host:port) for caches and limits, connecting in the background
    /// so a down Redis never stops a start; Redis:Budget and Redis:Pause tune <see cref="RedisBudget"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSectorMeshRedis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            // Resolved on first use, so a one-off step such as the migrations needs no Redis.
            var connection = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName)
                ?? throw new InvalidOperationException($"Set ConnectionStrings:{ConnectionName} to the Redis host:port.");
            var options = ConfigurationOptions.Parse(connection);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 1000;
            options.AsyncTimeout = 1000;
            // While disconnected, fail at once instead of queueing commands behind the reconnection.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddSingleton(builder.Configuration.GetSection("Redis").Get<RedisBudgetOptions>() ?? new RedisBudgetOptions());
        builder.Services.AddSingleton<RedisBudget>();
        builder.Services.AddSingleton<ResourceCache>();
        return builder;
    }
}
