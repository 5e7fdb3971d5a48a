namespace SectorMesh.Gateway;

/// <summary>An answer the gateway gives itself, without the services: a gRPC status to gRPC callers, an HTTP status with a JSON body to others.</summary>
public static class GatewayAnswers
{
    public static async Task WriteAsync(HttpContext context, int grpcCode, int httpStatus, string message, string? retryAfterSeconds)
    {
        if (retryAfterSeconds is not null)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds;
        }
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // gRPC clients read the status from a trailers-only response, not from the HTTP status.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = grpcCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = message;
            return;
        }
        context.Response.StatusCode = httpStatus;
        await context.Response.WriteAsJsonAsync(new { code = grpcCode, message });
    }
}
