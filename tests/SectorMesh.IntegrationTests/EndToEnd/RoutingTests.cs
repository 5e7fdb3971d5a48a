using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SectorMesh.Contracts;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// Every path the .proto files give a service reaches that service through the gateway, and no other: each service
/// names itself in a response header, which must be the deployment of the method's package.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class RoutingTests(Platform platform) : IAsyncLifetime
{
    private readonly string _tenant = $"t{Guid.NewGuid():N}"[..12];
    private string _token = "";

    public async Task InitializeAsync() => _token = await platform.TokenAsync(_tenant, Roles.BoardAdmin);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string, string> HttpBindings()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var binding in ApiCatalog.HttpBindings)
        {
            data.Add(binding.Name, binding.Deployment, binding.Verb, binding.Path);
        }
        return data;
    }

    public static TheoryData<string, string> GrpcMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in ApiCatalog.Services)
        {
            foreach (var method in service.Methods)
            {
                data.Add($"/{service.FullName}/{method.Name}", ApiCatalog.DeploymentOf(service));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HttpBindings))]
    public async Task Every_http_binding_reaches_the_service_of_its_package(string method, string deployment, string verb, string path)
    {
        using var http = platform.Json(_token);
        using var request = new HttpRequestMessage(new HttpMethod(verb), SamplePath(path));
        if (verb is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.Headers.TryGetValues(GrpcDefaults.ServiceHeader, out var answeredBy),
            $"{method}: {verb} {request.RequestUri} got {(int)response.StatusCode} from the gateway itself.");
        Assert.Equal(deployment, Assert.Single(answeredBy));
        // The service had an endpoint for it: its errors carry a google.rpc.Status, a path it does not serve has no body.
        Assert.False(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && body.Length == 0,
            $"{method}: {deployment} has no endpoint for {verb} {request.RequestUri}.");
    }

    [Theory]
    [MemberData(nameof(GrpcMethods))]
    public async Task Every_grpc_method_reaches_the_service_of_its_package(string path, string deployment)
    {
        using var http = new HttpClient();
        // One empty message: a gRPC frame is a compression flag and a four-byte length.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(platform.GatewayGrpcUrl, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TE.Add(new("trailers"));
        request.Headers.Authorization = new("Bearer", _token);

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.True(response.Headers.TryGetValues(GrpcDefaults.ServiceHeader, out var answeredBy),
            $"{path} got {(int)response.StatusCode} from the gateway itself.");
        Assert.Equal(deployment, Assert.Single(answeredBy));
        var status = response.Headers.TryGetValues("grpc-status", out var headers) ? headers : response.TrailingHeaders.GetValues("grpc-status");
        Assert.NotEqual("12", Assert.Single(status));
    }

    [Theory]
    [InlineData("GET", "/v1/tenants/t/unknownCollection")]
    [InlineData("GET", "/v2/tenants/t/partnerships")]
    [InlineData("POST", "/sectormesh.partnerships.v1.Partnerships/NoSuchMethod")]
    public async Task A_path_no_contract_names_gets_404_from_the_gateway(string verb, string path)
    {
        using var http = platform.Json(_token);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(verb), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains(GrpcDefaults.ServiceHeader));
    }

    /// <summary>
    /// A path of the template with a sample id in each variable segment: this test's tenant after tenants, otherwise
    /// the collection's initial (p after partnerships), and a/b for **.
    /// </summary>
    private string SamplePath(string httpRulePath)
    {
        var segments = Variable().Replace(httpRulePath, m => m.Groups["segments"].Success ? m.Groups["segments"].Value : "*").Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('*'))
            {
                var sample = segments[i].StartsWith("**", StringComparison.Ordinal) ? "a/b"
                    : segments[i - 1] == "tenants" ? _tenant
                    : segments[i - 1][..1];
                segments[i] = sample + segments[i].TrimStart('*');
            }
        }
        return string.Join('/', segments);
    }

    /// <summary>{field.path} or {field.path=segments}.</summary>
    [GeneratedRegex(@"\{[^{}=]+(=(?<segments>[^{}]*))?\}")]
    private static partial Regex Variable();
}
