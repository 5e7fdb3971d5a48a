using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Http;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Domain errors of plain HTTP endpoints (file uploads, which gRPC JSON transcoding cannot stream),
/// written the way JSON transcoding writes them: a google.rpc.Status body with the matching HTTP status.
/// </summary>
public static class HttpErrors
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(
        BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor)));

    public const string NdJson = "application/x-ndjson";

    /// <summary>
    /// Runs <paramref name="handle"/>; a domain error becomes its status, anything else propagates.
    /// Once the handler has streamed lines (<see cref="WriteLineAsync"/>), the result or the error is the last line.
    /// </summary>
    public static async Task HandleAsync(HttpContext http, Func<Task<IMessage>> handle)
    {
        IMessage result;
        try
        {
            result = await handle();
            await http.CompleteAuditAsync();
        }
        catch (Exception e) when (DomainErrorInterceptor.ToStatus(e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            ? new UploadTooLarge(http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0)
            : e) is { } status)
        {
            // A caller told to come back later (a service down, a tenant's imports all running) is told when.
            if (!http.Response.HasStarted && (status.Code == (int)Code.Unavailable || status.Details.Any(d => d.Is(RetryInfo.Descriptor))))
            {
                http.Response.Headers.RetryAfter = DomainErrorInterceptor.RetryAfterSeconds;
            }
            var tooLarge = status.Details.Any(d => d.TryUnpack<ErrorInfo>(out var info) && info.Reason == DomainErrorInterceptor.UploadTooLargeReason);
            await (http.Response.HasStarted
                ? WriteLineAsync(http, status)
                : WriteAsync(http, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodeOf((Code)status.Code), status));
            return;
        }
        await (http.Response.HasStarted ? WriteLineAsync(http, result) : WriteAsync(http, StatusCodes.Status200OK, result));
    }

    /// <summary>Whether the caller asked for newline-delimited JSON, one message per line as work proceeds.</summary>
    public static bool WantsLines(HttpContext http) => http.Request.Headers.Accept.ToString().Contains(NdJson, StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes one message as a line of newline-delimited JSON and sends it at once; the first line starts a 200 response.</summary>
    public static async Task WriteLineAsync(HttpContext http, IMessage message)
    {
        if (!http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = NdJson;
        }
        await http.Response.WriteAsync(Formatter.Format(message) + "\n");
        await http.Response.Body.FlushAsync();
    }

    internal static async Task WriteAsync(HttpContext http, int statusCode, IMessage body)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(Formatter.Format(body));
    }

    /// <summary>The HTTP status google.api's HTTP mapping gives each gRPC code.</summary>
    public static int StatusCodeOf(Code code) => code switch
    {
        Code.InvalidArgument or Code.FailedPrecondition or Code.OutOfRange => StatusCodes.Status400BadRequest,
        Code.Unauthenticated => StatusCodes.Status401Unauthorized,
        Code.PermissionDenied => StatusCodes.Status403Forbidden,
        Code.NotFound => StatusCodes.Status404NotFound,
        Code.AlreadyExists or Code.Aborted => StatusCodes.Status409Conflict,
        Code.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        Code.Unavailable => StatusCodes.Status503ServiceUnavailable,
        Code.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };
}
