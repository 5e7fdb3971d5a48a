using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace SectorMesh.Web.Sessions;

/// <summary>The session is gone (signed out, expired, or its refresh refused): the user must sign in again.</summary>
public sealed class SessionEnded() : Exception("Your session has ended. Sign in again to go on.");

/// <summary>
/// The signed-in user's own access token, read from their session in Redis, refreshed with the identity provider's refresh
/// token when it is about to expire and written back, so every replica and every circuit of the session sees the new one.
/// </summary>
public sealed class SessionTokens(RedisSessionStore sessions, IOptionsMonitor<OpenIdConnectOptions> oidc, IHttpClientFactory http, TimeProvider clock)
{
    /// <summary>A token this close to its expiry is refreshed before it is sent.</summary>
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(1);

    public async Task<string> AccessTokenAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var key = user.FindFirst(RedisSessionStore.SessionClaim)?.Value ?? throw new SessionEnded();
        var ticket = await sessions.RetrieveAsync(key) ?? throw new SessionEnded();
        var token = ticket.Properties.GetTokenValue("access_token") ?? throw new SessionEnded();
        if (!ExpiresSoon(ticket.Properties))
        {
            return token;
        }
        if (ticket.Properties.GetTokenValue("refresh_token") is not { Length: > 0 } refresh)
        {
            throw new SessionEnded();
        }
        var refreshed = await RefreshAsync(refresh, cancellationToken);
        // The identity token stays: sign-out hands it back to the provider.
        ticket.Properties.StoreTokens([.. ticket.Properties.GetTokens().Where(t => refreshed.All(r => r.Name != t.Name)), .. refreshed]);
        await sessions.RenewAsync(key, ticket);
        return ticket.Properties.GetTokenValue("access_token")!;
    }

    /// <summary>Whether the session's access token expires within a minute (a session without an expiry never does).</summary>
    private bool ExpiresSoon(AuthenticationProperties properties) =>
        properties.GetTokenValue("expires_at") is { } expiresAt
        && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
        && expires - clock.GetUtcNow() < RefreshAhead;

    /// <summary>The refresh token grant at the provider's token endpoint; the tokens it answers, as the session stores them.</summary>
    private async Task<AuthenticationToken[]> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        if (options.ConfigurationManager is null)
        {
            throw new SessionEnded();
        }
        var configuration = await options.ConfigurationManager.GetConfigurationAsync(cancellationToken);
        using var response = await http.CreateClient(nameof(SessionTokens)).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret ?? "",
            }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SessionEnded();
        }
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = answer.RootElement;
        var expiresIn = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300;
        return
        [
            new() { Name = "access_token", Value = root.GetProperty("access_token").GetString()! },
            new() { Name = "refresh_token", Value = root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString()! : refreshToken },
            new() { Name = "expires_at", Value = clock.GetUtcNow().AddSeconds(expiresIn).ToString("o", CultureInfo.InvariantCulture) },
        ];
    }
}
