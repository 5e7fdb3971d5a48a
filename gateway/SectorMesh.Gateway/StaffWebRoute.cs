using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace SectorMesh.Gateway;

/// <summary>
/// The staff web application behind the gateway's root, so pages, their circuits and the API share one origin: every path no
/// contract names goes to it (the API's routes and the gateway's own endpoints come first). The web application signs its
/// users in itself, so the route asks for no token; a circuit is a long-lived WebSocket, kept on the replica that started it
/// by an affinity cookie. A gateway told of no web application (services:web) has no such route, and answers 404 itself.
/// </summary>
public static class StaffWebRoute
{
    public const string Cluster = "web";

    public static bool IsConfigured(IConfiguration configuration) => configuration.GetSection($"services:{Cluster}").Exists();

    public static RouteConfig Route() => new()
    {
        RouteId = "staff web",
        ClusterId = Cluster,
        Order = int.MaxValue,
        Match = new RouteMatch { Path = "/{**path}" },
    };

    public static ClusterConfig Destination() => new()
    {
        ClusterId = Cluster,
        HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower },
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true, Policy = "HashCookie", AffinityKeyName = "sectormesh-web-affinity",
            Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SecurePolicy = CookieSecurePolicy.Always, SameSite = SameSiteMode.Lax },
        },
        Destinations = new Dictionary<string, DestinationConfig> { [Cluster] = new() { Address = $"http://{Cluster}" } },
    };

    public static bool IsStaffWeb(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.ClusterId == Cluster;
}

/// <summary>
/// An API call no contract names stays the gateway's to answer (404, or UNIMPLEMENTED over gRPC) rather than reaching the web
/// application's pages through the catch-all.
/// </summary>
public sealed class UnknownApiCalls(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (StaffWebRoute.IsStaffWeb(context)
            && (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true || context.Request.Path.StartsWithSegments("/v1")))
        {
            return GatewayAnswers.WriteAsync(context, grpcCode: 12, StatusCodes.Status404NotFound,
                $"No API method answers {context.Request.Method} {context.Request.Path}.", retryAfterSeconds: null);
        }
        return next(context);
    }
}
