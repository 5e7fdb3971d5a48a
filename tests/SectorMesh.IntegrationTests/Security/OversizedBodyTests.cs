using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.IntegrationTests.Security;

/// <summary>
/// A body past the limit is refused as too large (413 over HTTP, RESOURCE_EXHAUSTED over gRPC), by the gateway and by a
/// service reached directly, whether its length is declared or only found while it streams. The gateway of the test
/// platform takes 64 KiB; a service takes a gRPC message of 1 MiB. File imports have limits of their own
/// (EndToEnd/ImportLimitTests).
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Suite", "Security")]
public sealed class OversizedBodyTests(Platform platform) : IAsyncLifetime
{
    private const int PastEveryLimit = 2 * 1024 * 1024;
    private readonly string _tenant = $"t{Guid.NewGuid():N}"[..12];
    private string _token = "";

    public async Task InitializeAsync() => _token = await platform.TokenAsync(_tenant, Roles.BoardAdmin);

    public Task DisposeAsync() => Task.CompletedTask;

    private CreateOrganizationRequest Oversized() => new()
    {
        Parent = $"tenants/{_tenant}", OrganizationId = "large", Organization = new Organization { DisplayName = new string('x', PastEveryLimit), Type = PartnerType.Employer },
    };

    private string OversizedJson => Google.Protobuf.JsonFormatter.Default.Format(Oversized().Organization);

    private string Path => $"/v1/tenants/{_tenant}/organizations";

    [Fact]
    public async Task A_json_body_past_the_gateways_limit_is_refused_with_413()
    {
        using var http = platform.Json(_token);

        using var response = await http.PostAsync(Path, new StringContent(OversizedJson, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_gateways_413_carries_resource_exhausted_as_the_services_do()
    {
        using var http = platform.Json(_token);

        using var response = await http.PostAsync(Path, new StringContent(OversizedJson, Encoding.UTF8, "application/json"));

        Assert.Equal((int)StatusCode.ResourceExhausted, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_json_body_past_the_gateways_limit_streamed_without_a_length_is_refused_with_413()
    {
        using var http = platform.Json(_token);

        using var response = await http.PostAsync(Path, Unsized(OversizedJson));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_json_body_past_a_services_limit_is_refused_with_413()
    {
        using var http = new HttpClient { BaseAddress = platform.ServiceUrl, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        http.DefaultRequestHeaders.Authorization = new("Bearer", _token);

        using var response = await http.PostAsync(Path, new StringContent(OversizedJson, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_grpc_message_past_the_gateways_limit_is_refused_as_resource_exhausted()
    {
        Assert.Equal(StatusCode.ResourceExhausted, await StatusOfAsync(platform.Gateway));
    }

    [Fact]
    public async Task A_grpc_message_past_a_services_limit_is_refused_as_resource_exhausted()
    {
        Assert.Equal(StatusCode.ResourceExhausted, await StatusOfAsync(platform.Direct));
    }

    private async Task<StatusCode> StatusOfAsync(GrpcChannel channel)
    {
        try
        {
            await new Organizations.OrganizationsClient(channel).CreateOrganizationAsync(Oversized(), Platform.Bearer(_token));
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static HttpContent Unsized(string json) => new UnsizedContent(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = new("application/json") } };

    /// <summary>A body sent in chunks, its length not declared, so only counting it as it arrives can find it too large.</summary>
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
