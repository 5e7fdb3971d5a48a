using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Web.Sessions;

/// <summary>
/// The "Web" configuration section. Sign-in is OpenID Connect against <c>Auth:Authority</c>, the authority the gateway trusts,
/// as the client <see cref="ClientId"/>; without an authority (Development only) a loopback "sign in as" page asks the
/// gateway's /dev/token instead.
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public string ClientId { get; set; } = "sectormesh-web";
    public string? ClientSecret { get; set; }

    /// <summary>How long a session lasts without use.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}

public static class StaffSignIn
{
    public const string Cookie = "sectormesh-session";

    /// <summary>The user's cookie session, its tickets in Redis, and OpenID Connect when an authority is configured.</summary>
    public static void AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var authority = builder.Configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"];
        if (string.IsNullOrEmpty(authority) && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Set Auth:Authority (the OpenID Connect authority the gateway trusts) for the web application to sign users in.");
        }
        builder.Services.AddSingleton(web);
        builder.Services.AddSingleton<RedisSessionStore>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>, SessionStoreSetup>();
        builder.Services.AddScoped<SessionTokens>();
        builder.Services.AddHttpClient(nameof(SessionTokens));

        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        }).AddCookie(cookie =>
        {
            cookie.Cookie.Name = Cookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = web.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/denied";
        });
        if (!string.IsNullOrEmpty(authority))
        {
            authentication.AddOpenIdConnect(oidc =>
            {
                oidc.Authority = authority;
                oidc.RequireHttpsMetadata = !IsLoopback(authority);
                oidc.ClientId = web.ClientId;
                oidc.ClientSecret = web.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Add("offline_access");
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = SectorMeshClaims.Role;
                oidc.Events.OnTokenValidated = context =>
                {
                    // What the user may do is what their access token says, so the pages follow the same claims the services check.
                    if (context.TokenEndpointResponse?.AccessToken is { } token && context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        AddAccessClaims(identity, token);
                    }
                    return Task.CompletedTask;
                };
            });
        }
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
    }

    public static void MapStaffSignIn(this WebApplication app)
    {
        var oidc = !string.IsNullOrEmpty(app.Configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"]);
        app.MapGet("/signin", (string? returnUrl) =>
        {
            var target = LocalUrl(returnUrl);
            return oidc ? Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.Redirect($"/dev/signin?returnUrl={Uri.EscapeDataString(target)}");
        }).AllowAnonymous();

        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (oidc)
            {
                await http.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/signed-out" });
                return Results.Empty;
            }
            return Results.Redirect("/signed-out");
        });

        app.MapPost("/theme", ([FromForm] string? returnUrl, HttpContext http) =>
        {
            StaffTheme.Toggle(http);
            return Results.Redirect(LocalUrl(returnUrl));
        }).AllowAnonymous();

        if (app.Environment.IsDevelopment())
        {
            app.MapPost("/dev/signin", DevSignInAsync).AllowAnonymous();
        }
    }

    /// <summary>Development only, from this machine: a session for the tenant, roles and partnerships asked for, with a token from the gateway's /dev/token.</summary>
    private static async Task<IResult> DevSignInAsync([FromForm] DevSignInForm form, HttpContext http, IHttpClientFactory clients)
    {
        if (http.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
        {
            return Results.NotFound();
        }
        using var response = await clients.CreateClient(GatewayClients.Json).PostAsJsonAsync("/dev/token", new
        {
            tenant = form.Tenant,
            roles = form.Roles ?? [],
            partnerships = (form.Partnerships ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            subject = string.IsNullOrWhiteSpace(form.Subject) ? "dev-user" : form.Subject.Trim(),
        });
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync();
            return Results.Redirect($"/dev/signin?returnUrl={Uri.EscapeDataString(LocalUrl(form.ReturnUrl))}&error={Uri.EscapeDataString(problem)}");
        }
        var answer = await response.Content.ReadFromJsonAsync<DevToken>();
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, "name", SectorMeshClaims.Role);
        AddAccessClaims(identity, answer!.access_token);
        identity.AddClaim(new Claim("name", identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? "dev-user"));
        var properties = new AuthenticationProperties();
        properties.StoreTokens([
            new AuthenticationToken { Name = "access_token", Value = answer.access_token },
            new AuthenticationToken { Name = "expires_at", Value = DateTimeOffset.UtcNow.AddSeconds(answer.expires_in).ToString("o") },
        ]);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
        return Results.Redirect(LocalUrl(form.ReturnUrl));
    }

    public sealed class DevSignInForm
    {
        public string? Tenant { get; set; }
        public string[]? Roles { get; set; }
        public string? Partnerships { get; set; }
        public string? Subject { get; set; }
        public string? ReturnUrl { get; set; }
    }

    private sealed record DevToken(string access_token, int expires_in);

    /// <summary>The subject, tenant, roles and partnerships of an access token, read (not validated: it came straight from the provider or the gateway).</summary>
    private static void AddAccessClaims(ClaimsIdentity identity, string accessToken)
    {
        var token = new JwtSecurityTokenHandler().ReadJwtToken(accessToken);
        string[] kept = [JwtRegisteredClaimNames.Sub, SectorMeshClaims.Tenant, SectorMeshClaims.Role, SectorMeshClaims.Partnership, SectorMeshClaims.Organization];
        foreach (var claim in token.Claims.Where(c => kept.Contains(c.Type)))
        {
            if (!identity.HasClaim(claim.Type, claim.Value))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }
    }

    /// <summary>Only a path of this application: a return address elsewhere would make sign-in an open redirect.</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    private static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
