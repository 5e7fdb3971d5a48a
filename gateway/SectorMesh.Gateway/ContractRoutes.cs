using System.Net;
using System.Text.RegularExpressions;
using SectorMesh.Contracts;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace SectorMesh.Gateway;

/// <summary>
/// The gateway's routes and clusters, built from the services' .proto files (<see cref="ApiCatalog"/>): a route per
/// HTTP binding with its verb, a route per gRPC method, and a cluster per deployment found by service discovery.
/// A path that no contract names gets 404 from the gateway itself.
/// </summary>
public static partial class ContractRoutes
{
    /// <summary>YARP's name for the default authorization policy: an authenticated caller.</summary>
    private const string Authenticated = "default";

    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        .. ApiCatalog.HttpBindings.Select(binding => Route(binding.Deployment, binding.Verb, RouteTemplate(binding.Path))),
        .. ApiCatalog.Services.SelectMany(service => service.Methods.Select(method =>
            Route(ApiCatalog.DeploymentOf(service), HttpMethods.Post, $"/{service.FullName}/{method.Name}"))),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters() => [.. ApiCatalog.Deployments.Select(Cluster)];

    /// <summary>
    /// An ASP.NET route template matching the paths of a google.api.HttpRule path template: each * becomes a
    /// parameter, ** a catch-all, a variable ({name=tenants/*}) its own segments, and the verb (:changeStage) a
    /// literal after the last parameter. Parameters are named s0, s1, ... in order.
    /// </summary>
    public static string RouteTemplate(string httpRulePath)
    {
        if (!httpRulePath.StartsWith('/'))
        {
            throw new FormatException($"HTTP rule path '{httpRulePath}' does not start with '/'.");
        }
        var (template, verb) = ApiCatalog.SplitVerb(httpRulePath);
        var segments = Variable().Replace(template, match => match.Groups["segments"].Success ? match.Groups["segments"].Value : "*")[1..].Split('/');

        var parameters = 0;
        var route = new List<string>();
        foreach (var (segment, index) in segments.Select((segment, index) => (segment, index)))
        {
            route.Add(segment switch
            {
                "*" => $"{{s{parameters++}}}",
                "**" when index == segments.Length - 1 => $"{{**s{parameters++}}}",
                "**" => throw new FormatException($"HTTP rule path '{httpRulePath}' has ** before its last segment."),
                "" => throw new FormatException($"HTTP rule path '{httpRulePath}' has an empty segment."),
                _ when segment.IndexOfAny(['{', '}', '*', '=', '?']) >= 0 => throw new FormatException($"HTTP rule path '{httpRulePath}' has a malformed segment '{segment}'."),
                _ => segment,
            });
        }
        if (verb.Length > 0)
        {
            // A catch-all takes the rest of the path, verb included, so the verb becomes a constraint on its end.
            route[^1] = route[^1].StartsWith("{**", StringComparison.Ordinal)
                ? $"{route[^1][..^1]}:regex({Regex.Escape(verb)}$)}}"
                : route[^1] + verb;
        }
        return "/" + string.Join('/', route);
    }

    private static RouteConfig Route(string deployment, string verb, string path) => new()
    {
        RouteId = $"{verb} {path}",
        ClusterId = deployment,
        AuthorizationPolicy = Authenticated,
        Match = new RouteMatch { Path = path, Methods = [verb] },
    };

    /// <summary>HTTP/2 only, because the services serve gRPC on an HTTP/2-only endpoint; long streamed imports stay open.</summary>
    private static ClusterConfig Cluster(string deployment) => new()
    {
        ClusterId = deployment,
        HttpRequest = new ForwarderRequestConfig
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            ActivityTimeout = TimeSpan.FromMinutes(5),
        },
        Destinations = new Dictionary<string, DestinationConfig> { [deployment] = new() { Address = $"http://{deployment}" } },
    };

    /// <summary>{field.path} or {field.path=segments}.</summary>
    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_.]*(=(?<segments>[^{}]*))?\}")]
    private static partial Regex Variable();
}
