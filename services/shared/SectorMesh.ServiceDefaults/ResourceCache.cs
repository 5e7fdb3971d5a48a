using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// A Redis cache of hot reads, stored as the API's own protobuf messages. Redis being down
/// makes reads slower, never wrong or failed: every error falls through to the database.
/// Writers remove the entry after they commit; the expiry bounds staleness if that removal
/// is lost while Redis is unreachable.
/// </summary>
public sealed class ResourceCache(IConnectionMultiplexer redis, ILogger<ResourceCache> logger)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    public async Task<T> GetOrLoadAsync<T>(string key, MessageParser<T> parser, Func<Task<T>> load) where T : IMessage<T>
    {
        try
        {
            var cached = await redis.GetDatabase().StringGetAsync(key);
            if (cached.HasValue)
            {
                return parser.ParseFrom((byte[])cached!);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Cache unavailable, reading {Key} from the database: {Error}", key, e.Message);
            return await load();
        }
        var loaded = await load();
        await Try(() => redis.GetDatabase().StringSetAsync(key, loaded.ToByteArray(), Expiry), key);
        return loaded;
    }

    public Task RemoveAsync(string key) => Try(() => redis.GetDatabase().KeyDeleteAsync(key), key);

    private async Task Try(Func<Task> call, string key)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning("Cache unavailable for {Key}: {Error}", key, e.Message);
        }
    }
}

public static class ResourceCacheExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>Redis (ConnectionStrings:redis, host:port) for caches and limits, connecting in the background so a down Redis never stops a start.</summary>
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
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddSingleton<ResourceCache>();
        return builder;
    }
}
