using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Core;
using Microsoft.IdentityModel.Tokens;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.IntegrationTests.Security;

/// <summary>
/// A token the platform did not issue as it stands, or no token, is refused before anything is read: 401 over HTTP and
/// UNAUTHENTICATED over gRPC, at the gateway and at a service reached directly (a service trusts no gateway to have checked).
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Suite", "Security")]
public sealed class TokenTests(Platform platform)
{
    private static readonly AuthOptions Expected = new();
    private readonly string _tenant = $"t{Guid.NewGuid():N}"[..12];

    public static TheoryData<string, string> InvalidTokensOnEveryRoute()
    {
        var data = new TheoryData<string, string>();
        foreach (var token in InvalidTokens.Keys)
        {
            foreach (var route in Routes)
            {
                data.Add(token, route);
            }
        }
        return data;
    }

    public static TheoryData<string> EveryRoute() => new(Routes);

    private static readonly string[] Routes = ["gateway JSON", "gateway gRPC", "service JSON", "service gRPC"];

    /// <summary>Each way a token can be wrong, made from a valid board administrator's token of the test's tenant.</summary>
    private static readonly Dictionary<string, Func<TokenTests, Task<string?>>> InvalidTokens = new()
    {
        ["no token"] = _ => Task.FromResult<string?>(null),
        ["garbage"] = _ => Task.FromResult<string?>("not-a-token"),
        ["payload changed after signing"] = async t => WithClaim(await t.IssuedAsync(Roles.Viewer), SectorMeshClaims.Role, Roles.PlatformAdmin),
        ["signature changed"] = async t => WithSignatureChanged(await t.IssuedAsync(Roles.BoardAdmin)),
        ["expired"] = t => Task.FromResult<string?>(t.Signed(DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1))),
        ["not yet valid"] = t => Task.FromResult<string?>(t.Signed(DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(2))),
        ["wrong audience"] = t => Task.FromResult<string?>(t.Signed(audience: "another-api")),
        ["wrong issuer"] = t => Task.FromResult<string?>(t.Signed(issuer: "https://issuer.invalid")),
        ["unsigned (alg none)"] = t => Task.FromResult<string?>(t.Signed(key: null)),
        ["signed with another key"] = t => Task.FromResult<string?>(t.Signed(key: "another-signing-key-of-at-least-32-characters")),
    };

    [Theory]
    [MemberData(nameof(InvalidTokensOnEveryRoute))]
    public async Task A_token_the_platform_did_not_issue_as_it_stands_is_refused_as_unauthenticated(string token, string route)
    {
        var answer = await AnswerAsync(route, await InvalidTokens[token](this));

        Assert.Equal(route.EndsWith("gRPC", StringComparison.Ordinal) ? "Unauthenticated" : "401", answer);
    }

    /// <summary>The tokens above differ from this one in one thing each, so each is refused for that thing alone.</summary>
    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task A_token_signed_with_the_platforms_key_for_its_issuer_and_audience_is_accepted(string route)
    {
        var answer = await AnswerAsync(route, Signed());

        Assert.Equal(route.EndsWith("gRPC", StringComparison.Ordinal) ? "OK" : "200", answer);
    }

    private Task<string> IssuedAsync(string role) => platform.TokenAsync(_tenant, role);

    private string Signed(DateTime? notBefore = null, DateTime? expires = null, string? issuer = null, string? audience = null,
        string? key = Servers.SigningKey)
    {
        var claims = new[]
        {
            new Claim(JwtRegisteredClaimNames.Sub, "security-suite"), new Claim(SectorMeshClaims.Tenant, _tenant),
            new Claim(SectorMeshClaims.Role, Roles.BoardAdmin),
        };
        var credentials = key is null ? null : new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256);
        var token = new JwtSecurityToken(issuer ?? Expected.Issuer, audience ?? Expected.Audience, claims,
            notBefore ?? DateTime.UtcNow.AddMinutes(-1), expires ?? DateTime.UtcNow.AddHours(1), credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private static string WithClaim(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private static string WithSignatureChanged(string token)
    {
        var signature = Base64UrlEncoder.DecodeBytes(token[(token.LastIndexOf('.') + 1)..]);
        signature[0] ^= 0x01;
        return $"{token[..(token.LastIndexOf('.') + 1)]}{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>The status of listing the tenant's regions on <paramref name="route"/>: "401" or "Unauthenticated", say.</summary>
    private async Task<string> AnswerAsync(string route, string? token)
    {
        var path = $"/v1/tenants/{_tenant}/regions";
        var request = new ListRegionsRequest { Parent = $"tenants/{_tenant}" };
        var headers = token is null ? [] : Platform.Bearer(token);
        switch (route)
        {
            case "gateway JSON":
                using (var http = platform.Json(token))
                {
                    return ((int)(await http.GetAsync(path)).StatusCode).ToString();
                }
            case "service JSON":
                using (var http = new HttpClient { BaseAddress = platform.ServiceUrl, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact })
                {
                    if (token is not null)
                    {
                        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
                    }
                    return ((int)(await http.GetAsync(path)).StatusCode).ToString();
                }
            default:
                var client = new Tenants.TenantsClient(route == "gateway gRPC" ? platform.Gateway : platform.Direct);
                try
                {
                    await client.ListRegionsAsync(request, headers);
                    return StatusCode.OK.ToString();
                }
                catch (RpcException e)
                {
                    return e.StatusCode.ToString();
                }
        }
    }
}
