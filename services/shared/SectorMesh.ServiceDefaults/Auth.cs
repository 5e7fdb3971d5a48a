using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// The "Auth" configuration section. Production names an OpenID Connect <see cref="Authority"/>;
/// Development signs its own tokens with a local key.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }
    public string Audience { get; set; } = "sectormesh";
    public string Issuer { get; set; } = "sectormesh-local";

    /// <summary>A symmetric key (at least 32 characters) for locally issued tokens.</summary>
    public string? SigningKey { get; set; }

    // Used only in Development when no key is configured, so a fresh clone runs with no setup.
    internal const string DevelopmentKey = "sectormesh-development-signing-key-not-for-production";

    public SymmetricSecurityKey? LocalKey() =>
        SigningKey is { Length: > 0 } key ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) : null;

    public static AuthOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(Section).Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrEmpty(options.Authority) && string.IsNullOrEmpty(options.SigningKey))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Set Auth:Authority (an OpenID Connect authority) or Auth:SigningKey to validate bearer tokens.");
            }
            options.SigningKey = DevelopmentKey;
        }
        if (options.SigningKey == DevelopmentKey && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is the development key, which is published in the source; set a secret key of your own outside Development.");
        }
        if (options.SigningKey is { Length: < 32 })
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters.");
        }
        return options;
    }
}

public static class AuthExtensions
{
    /// <summary>Validates bearer tokens the same way in the gateway and in every service.</summary>
    public static TBuilder AddSectorMeshAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = AuthOptions.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Audience = options.Audience;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = options.Audience,
                    RoleClaimType = SectorMeshClaims.Role,
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                };
                if (!string.IsNullOrEmpty(options.Authority))
                {
                    jwt.Authority = options.Authority;
                    // An authority on this machine (a test's provider) is reached over plain HTTP; any other only over HTTPS.
                    jwt.RequireHttpsMetadata = !Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
                }
                else
                {
                    jwt.RequireHttpsMetadata = false;
                }
                // A local key beside an authority also admits the platform's own tokens (issue-token, /dev/token): the
                // handler accepts the issuers and keys of both.
                if (options.LocalKey() is { } key)
                {
                    jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                    jwt.TokenValidationParameters.IssuerSigningKey = key;
                }
            });
        builder.Services.AddAuthorization();
        return builder;
    }
}

/// <summary>Issues tokens signed with the local key: the gateway's Development-only /dev/token.</summary>
public sealed class TokenIssuer(AuthOptions options, TimeProvider clock)
{
    public string Issue(string subject, string tenant, IEnumerable<string> roles, IEnumerable<string> partnerships,
        string? organization, TimeSpan lifetime)
    {
        var key = options.LocalKey() ?? throw new InvalidOperationException("Tokens can be issued only with Auth:SigningKey.");
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject), new(SectorMeshClaims.Tenant, tenant) };
        claims.AddRange(roles.Select(r => new Claim(SectorMeshClaims.Role, r)));
        claims.AddRange(partnerships.Select(p => new Claim(SectorMeshClaims.Partnership, p)));
        if (!string.IsNullOrEmpty(organization))
        {
            claims.Add(new Claim(SectorMeshClaims.Organization, organization));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(options.Issuer, options.Audience, claims, now, now.Add(lifetime),
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
