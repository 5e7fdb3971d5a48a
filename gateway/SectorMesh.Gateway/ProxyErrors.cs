using System.Globalization;
using Yarp.ReverseProxy.Forwarder;

namespace SectorMesh.Gateway;

/// <summary>
/// A service that is down, restarting or not answering is a passing condition: callers get 503
/// with Retry-After (UNAVAILABLE over gRPC), which clients retry, rather than the proxy's 502.
/// </summary>
public sealed class ProxyErrors(RequestDelegate next, ILogger<ProxyErrors> logger)
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        // Only the service's side: the caller's own faults (a body too large, a request cut short) keep their 4xx.
        if (context.GetForwarderErrorFeature() is not { } error || context.Response.HasStarted
            || context.Response.StatusCode is not (StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout))
        {
            return;
        }
        logger.LogWarning("{Path} could not be forwarded ({Error}); answered 503", context.Request.Path, error.Error);
        var seconds = ((int)RetryDelay.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        const string message = "The service behind this route is not answering just now; nothing was changed. Retry shortly.";
        context.Response.Headers.RetryAfter = seconds;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "14";
            context.Response.Headers["grpc-message"] = message;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await context.Response.WriteAsJsonAsync(new { code = 14, message });
    }
}
