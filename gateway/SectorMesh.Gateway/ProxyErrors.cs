using SectorMesh.ServiceDefaults;
using Yarp.ReverseProxy.Forwarder;

namespace SectorMesh.Gateway;

/// <summary>
/// A service that is down, restarting or not answering is a passing condition: callers get 503
/// with Retry-After (UNAVAILABLE over gRPC), which clients retry, rather than the proxy's 502.
/// </summary>
public sealed class ProxyErrors(RequestDelegate next, ILogger<ProxyErrors> logger)
{
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
        await GatewayAnswers.WriteAsync(context, grpcCode: 14, StatusCodes.Status503ServiceUnavailable,
            "The service behind this route is not answering just now; nothing was changed. Retry shortly.",
            DomainErrorInterceptor.RetryAfterSeconds);
    }
}
