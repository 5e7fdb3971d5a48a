using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.SampleData;

/// <summary>The gateway's gRPC clients, signed in with Development tokens from /dev/token.</summary>
public sealed class SampleClient
{
    private readonly HttpClient _json;

    private SampleClient(GrpcChannel channel, HttpClient json)
    {
        _json = json;
        Tenants = new Tenants.TenantsClient(channel);
        Organizations = new Organizations.OrganizationsClient(channel);
        Partnerships = new Partnerships.PartnershipsClient(channel);
        Resources = new Contracts.Resources.V1.Resources.ResourcesClient(channel);
    }

    public Tenants.TenantsClient Tenants { get; }
    public Organizations.OrganizationsClient Organizations { get; }
    public Partnerships.PartnershipsClient Partnerships { get; }
    public Contracts.Resources.V1.Resources.ResourcesClient Resources { get; }

    public Metadata Auth { get; private set; } = [];

    public static SampleClient Connect(Uri grpc, Uri json) =>
        new(GrpcChannel.ForAddress(grpc), new HttpClient { BaseAddress = json });

    /// <summary>Signs in; retries while the gateway is still starting.</summary>
    public async Task SignInAsync(string tenant, params string[] roles)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await _json.PostAsJsonAsync("/dev/token", new { tenant, roles, subject = "sample-loader" });
                response.EnsureSuccessStatusCode();
                var token = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["access_token"].ToString();
                Auth = new Metadata { { "authorization", $"Bearer {token}" } };
                return;
            }
            catch (HttpRequestException) when (attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
