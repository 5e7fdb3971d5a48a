using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>A production gateway with a tight rate limit, in front of the same service.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayPolicyTests(Platform platform) : IAsyncLifetime
{
    private const int Permits = 5;
    private Uri _json = null!;
    private Uri _grpc = null!;

    public async Task InitializeAsync() => (_json, _grpc) = await platform.StartGatewayAsync("Production", Permits);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Production has no /dev/token, so tests sign their own with the platform's key.</summary>
    private static string TokenFor(string tenant) =>
        new TokenIssuer(new AuthOptions { SigningKey = Servers.SigningKey }, TimeProvider.System)
            .Issue("test", tenant, [Roles.Viewer], [], null, TimeSpan.FromMinutes(5));

    [Fact]
    public async Task Requests_past_the_tenants_limit_get_429_with_retry_after()
    {
        using var http = new HttpClient { BaseAddress = _json };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TokenFor($"t{Guid.NewGuid():N}"[..12]));

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < Permits + 1; i++)
        {
            responses.Add(await http.GetAsync("/v1/tenants/limited/partnerships"));
        }

        Assert.All(responses.Take(Permits), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[^1].StatusCode);
        Assert.True(responses[^1].Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Grpc_calls_past_the_tenants_limit_get_resource_exhausted()
    {
        var tenant = $"t{Guid.NewGuid():N}"[..12];
        using var channel = GrpcChannel.ForAddress(_grpc);
        var client = new Contracts.Partnerships.V1.Partnerships.PartnershipsClient(channel);
        var auth = Platform.Bearer(TokenFor(tenant));
        var statuses = new List<StatusCode>();
        for (var i = 0; i < Permits + 1; i++)
        {
            try
            {
                await client.ListPartnershipsAsync(new ListPartnershipsRequest { Parent = $"tenants/{tenant}" }, auth);
                statuses.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                statuses.Add(e.StatusCode);
            }
        }

        Assert.Equal(StatusCode.ResourceExhausted, statuses[^1]);
        Assert.DoesNotContain(StatusCode.ResourceExhausted, statuses.Take(Permits));
    }

    [Fact]
    public async Task The_dev_token_route_does_not_exist_outside_development()
    {
        using var http = new HttpClient { BaseAddress = _json };

        var response = await http.PostAsJsonAsync("/dev/token", new { tenant = "oh", roles = new[] { "board-admin" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
