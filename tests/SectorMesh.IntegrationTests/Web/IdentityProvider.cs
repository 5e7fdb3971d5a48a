using System.Net;
using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SectorMesh.IntegrationTests.Web;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) in the test process, on loopback: authorization code with PKCE, refresh tokens
/// and end session, for the one client the web application is. Its sign-in page asks only for a user name; each known user
/// holds a tenant, roles and partnerships, which go into the access token as the platform's claims.
/// </summary>
public sealed class IdentityProvider : IAsyncDisposable
{
    public const string ClientId = "sectormesh-web";
    public const string ClientSecret = "web-test-secret-of-the-identity-provider";

    private readonly WebApplication _app;

    private IdentityProvider(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public Uri Url { get; }

    /// <summary>The people who may sign in: user name to tenant, roles and partnerships.</summary>
    public Dictionary<string, (string Tenant, string[] Roles, string[] Partnerships)> Users { get; } = [];

    /// <summary>How long an access token lasts: short, so a test can watch the web application refresh it.</summary>
    public static TimeSpan AccessTokenLifetime { get; } = TimeSpan.FromSeconds(75);

    /// <summary>How many refresh token grants the provider has answered.</summary>
    public int Refreshes;

    public static async Task<IdentityProvider> StartAsync()
    {
        var url = new Uri($"http://127.0.0.1:{Infrastructure.Servers.FreePort()}/");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication().AddCookie("provider", cookie => cookie.Cookie.Name = "provider-session");
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(url);
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/endsession");
            server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.OfflineAccess, OpenIddictConstants.Scopes.Profile);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            server.SetAccessTokenLifetime(AccessTokenLifetime);
            // No application or token store: the one client is checked by the handlers below, and tokens are self-contained.
            server.EnableDegradedMode().DisableTokenStorage().DisableAuthorizationStorage();
            server.UseAspNetCore().DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableEndSessionEndpointPassthrough();
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || !IsLoopback(context.RedirectUri))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client or redirect address.");
                }
                return default;
            }));
            server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client or wrong secret.");
                }
                return default;
            }));
            server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } back && !IsLoopback(back))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "Unknown return address.");
                }
                return default;
            }));
        });
        var app = builder.Build();
        var provider = new IdentityProvider(app, url);
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)provider.AuthorizeAsync);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)provider.TokenAsync);
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            await http.SignOutAsync("provider");
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        app.MapPost("/login", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var user = form["user"].ToString();
            if (!provider.Users.ContainsKey(user))
            {
                return Results.Content(LoginPage(form["returnUrl"].ToString(), $"No user {user}."), "text/html");
            }
            await http.SignInAsync("provider", new ClaimsPrincipal(new ClaimsIdentity([new Claim("user", user)], "provider")));
            return Results.Redirect(form["returnUrl"].ToString());
        });
        await app.StartAsync();
        return provider;
    }

    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var signedIn = await http.AuthenticateAsync("provider");
        if (signedIn.Principal?.FindFirst("user")?.Value is not { } user)
        {
            return Results.Content(LoginPage(http.Request.Path + http.Request.QueryString, null), "text/html");
        }
        var request = http.GetOpenIddictServerRequest()!;
        return Results.SignIn(Principal(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The code and refresh grants: OpenIddict has checked the code or refresh token; the user's claims are read again.</summary>
    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()!;
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (request.IsRefreshTokenGrantType())
        {
            Interlocked.Increment(ref Refreshes);
        }
        var user = result.Principal!.GetClaim(OpenIddictConstants.Claims.Subject)!;
        return Results.SignIn(Principal(user, result.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ClaimsPrincipal Principal(string user, IEnumerable<string> scopes)
    {
        var (tenant, roles, partnerships) = Users[user];
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.AddClaim(new Claim(OpenIddictConstants.Claims.Subject, user));
        identity.AddClaim(new Claim(OpenIddictConstants.Claims.Name, user));
        identity.AddClaim(new Claim("tenant", tenant));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim("role", role));
        }
        foreach (var partnership in partnerships)
        {
            identity.AddClaim(new Claim("partnership", partnership));
        }
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources("sectormesh");
        foreach (var claim in principal.Claims)
        {
            claim.SetDestinations(claim.Type is OpenIddictConstants.Claims.Subject or OpenIddictConstants.Claims.Name
                ? [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken]
                : [OpenIddictConstants.Destinations.AccessToken]);
        }
        return principal;
    }

    private static string LoginPage(string returnUrl, string? error) => $"""
        <!DOCTYPE html><html lang="en"><head><title>Test identity provider</title></head><body>
        <h1>Sign in to the test identity provider</h1>{(error is null ? "" : $"<p role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
        <form method="post" action="/login"><input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}" />
        <label for="user">User name</label> <input id="user" name="user" /> <button type="submit">Continue</button></form></body></html>
        """;

    private static bool IsLoopback(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
