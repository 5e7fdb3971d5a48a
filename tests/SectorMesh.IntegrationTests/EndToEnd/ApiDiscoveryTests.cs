using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using SectorMesh.Contracts;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// What a newcomer finds at the gateway: the OpenAPI document and its reference page on the JSON port, server
/// reflection and health checking on the gRPC port, and every path the document lists answered by a service.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class ApiDiscoveryTests(Platform platform) : IAsyncLifetime
{
    private readonly string _tenant = $"t{Guid.NewGuid():N}"[..12];
    private string _token = "";

    public async Task InitializeAsync() => _token = await platform.TokenAsync(_tenant, Roles.BoardAdmin);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_gateway_serves_the_openapi_document_and_its_reference_page()
    {
        using var http = platform.Json(token: null);

        var document = await http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        using var page = await http.GetAsync("/reference/");

        Assert.Equal("3.1.0", (string?)document!["openapi"]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reference_page_offers_none_of_scalars_own_services()
    {
        using var http = platform.Json(token: null);

        // The page's Scalar configuration, written into it as a JavaScript object.
        var page = await http.GetStringAsync("/reference/");

        Assert.Matches(@"""showDeveloperTools""\s*:\s*""never""", page);
        Assert.Matches(@"""agent""\s*:\s*\{[^}]*""disabled""\s*:\s*true", page);
        Assert.Matches(@"""mcp""\s*:\s*\{[^}]*""disabled""\s*:\s*true", page);
        Assert.Matches(@"""hideClientButton""\s*:\s*true", page);
        Assert.Matches(@"""telemetry""\s*:\s*false", page);
        Assert.Matches(@"""withDefaultFonts""\s*:\s*false", page);
        Assert.DoesNotMatch(@"""proxyUrl""\s*:\s*""", page);
    }

    [Fact]
    public async Task Every_operation_of_the_document_is_answered_by_a_service_when_called_as_written()
    {
        using var anonymous = platform.Json(token: null);
        var document = await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        using var http = platform.Json(_token);

        var unanswered = new List<string>();
        foreach (var (path, operations) in document!["paths"]!.AsObject())
        {
            foreach (var (verb, _) in operations!.AsObject())
            {
                using var request = new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), PathParameter().Replace(path, "example"));
                if (verb is "post" or "put" or "patch")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                using var response = await http.SendAsync(request);
                if (!response.Headers.Contains(GrpcDefaults.ServiceHeader))
                {
                    unanswered.Add($"{verb} {path}: {(int)response.StatusCode} from the gateway");
                }
            }
        }

        Assert.Empty(unanswered);
    }

    [Fact]
    public async Task A_signed_in_caller_lists_every_service_with_server_reflection_on_the_grpc_port()
    {
        var reflection = new ServerReflection.ServerReflectionClient(platform.Gateway);

        using var call = reflection.ServerReflectionInfo(Platform.Bearer(_token));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.All(ApiCatalog.Services, service => Assert.Contains(service.FullName, listed));
    }

    [Fact]
    public async Task Server_reflection_describes_a_method_down_to_its_messages()
    {
        var reflection = new ServerReflection.ServerReflectionClient(platform.Gateway);

        using var call = reflection.ServerReflectionInfo(Platform.Bearer(_token));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "sectormesh.partnerships.v1.Partnerships.GetPartnership" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();

        Assert.Contains(files, file => file.MessageType.Any(m => m.Name == "GetPartnershipRequest"));
    }

    [Fact]
    public async Task Server_reflection_refuses_a_caller_without_a_token()
    {
        var reflection = new ServerReflection.ServerReflectionClient(platform.Gateway);

        using var call = reflection.ServerReflectionInfo();
        // The gateway refuses on the call's headers; a request written after that answer races it and reads CANCELLED.
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task Health_of_a_service_is_asked_of_the_deployment_that_serves_it()
    {
        var health = new Health.HealthClient(platform.Gateway);

        var gateway = await health.CheckAsync(new HealthCheckRequest(), Platform.Bearer(_token));
        var partnerships = await health.CheckAsync(new HealthCheckRequest { Service = "sectormesh.partnerships.v1.Partnerships" }, Platform.Bearer(_token));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, gateway.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, partnerships.Status);
    }

    [Fact]
    public async Task Health_of_a_service_no_contract_names_is_not_found()
    {
        var health = new Health.HealthClient(platform.Gateway);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            health.CheckAsync(new HealthCheckRequest { Service = "sectormesh.nothing.v1.Nothing" }, Platform.Bearer(_token)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Health_through_the_gateway_needs_a_token()
    {
        var health = new Health.HealthClient(platform.Gateway);

        var refused = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [GeneratedRegex(@"\{[A-Za-z0-9_]+\}")]
    private static partial Regex PathParameter();
}
