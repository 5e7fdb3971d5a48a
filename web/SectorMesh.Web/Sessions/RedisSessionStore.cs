using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace SectorMesh.Web.Sessions;

/// <summary>
/// Where a signed-in user's session lives: the whole authentication ticket, tokens included, sealed with the Data Protection
/// key ring (itself in Redis) and kept in Redis under a random key, so the browser's cookie carries only that key and any
/// replica can serve the session. The key is also a claim of the session's user, so a circuit, which has no request, can
/// find the session's tokens.
/// </summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, IDataProtectionProvider protection) : ITicketStore
{
    public const string SessionClaim = "sectormesh:session";

    private static readonly TicketSerializer Serializer = TicketSerializer.Default;
    private readonly IDataProtector _protector = protection.CreateProtector("SectorMesh.Web.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionClaim, key));
        }
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        redis.GetDatabase().StringSetAsync(RedisKey(key), _protector.Protect(Serializer.Serialize(ticket)), Lifetime(ticket));

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var value = await redis.GetDatabase().StringGetAsync(RedisKey(key));
        return value.IsNullOrEmpty ? null : Serializer.Deserialize(_protector.Unprotect((byte[])value!));
    }

    public Task RemoveAsync(string key) => redis.GetDatabase().KeyDeleteAsync(RedisKey(key));

    private static RedisKey RedisKey(string key) => $"sectormesh:web:session:{key}";

    /// <summary>Kept as long as the cookie says the session lasts; a session with no end is kept a day.</summary>
    private static TimeSpan Lifetime(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc is { } expires && expires > DateTimeOffset.UtcNow ? expires - DateTimeOffset.UtcNow : TimeSpan.FromDays(1);
}

/// <summary>Gives the cookie handler its session store once the services it needs exist.</summary>
public sealed class SessionStoreSetup(RedisSessionStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.SessionStore = store;
}
