using System.Globalization;
using Microsoft.AspNetCore.Routing.Template;
using SectorMesh.Contracts;
using SectorMesh.ServiceDefaults;
using StackExchange.Redis;

namespace SectorMesh.Gateway;

/// <summary>
/// A fixed-window request count per tenant kept in Redis, so the limit holds across gateway
/// replicas. When Redis is slow or unreachable requests pass: slower protection, never an outage.
/// </summary>
public sealed class TenantRateLimiter(RedisBudget redis, GatewayOptions options)
{
    // INCR and PEXPIRE in one script so a window always has an expiry, even if the gateway dies between them.
    private const string CountScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    /// <summary>Returns null when the request may pass, or how long to wait before retrying.</summary>
    public async Task<TimeSpan?> AcquireAsync(string tenant)
    {
        var (answered, result) = await redis.TryAsync("rate limit", db => db.ScriptEvaluateAsync(CountScript,
            [new RedisKey($"sectormesh:ratelimit:{tenant}")], [options.WindowSeconds * 1000]));
        if (!answered)
        {
            return null;
        }
        var counts = (RedisResult[])result!;
        var count = (long)counts[0];
        var remaining = Math.Max(0, (long)counts[1]);
        return count > options.PermitsPerWindow ? TimeSpan.FromMilliseconds(remaining) : null;
    }
}

public sealed class TenantRateLimit(RequestDelegate next, TenantRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Pages carry a session cookie, not a token; the API calls they make come back through here with the user's token.
        if (StaffWebRoute.IsStaffWeb(context))
        {
            await next(context);
            return;
        }
        var caller = Caller.From(context.User);
        var partition = caller.Tenant is { Length: > 0 } tenant ? tenant : $"subject:{caller.Subject}";
        if (await limiter.AcquireAsync(partition) is not { } wait)
        {
            await next(context);
            return;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await GatewayAnswers.WriteAsync(context, grpcCode: 8, StatusCodes.Status429TooManyRequests,
            $"Rate limit of tenant {partition} exceeded; retry after {seconds} s.", seconds);
    }
}

/// <summary>
/// Refuses bodies past the limit with RESOURCE_EXHAUSTED, as the services do (413 over HTTP). File imports (the uploads a service declares in its .proto,
/// and client-streaming gRPC methods) may be larger; everything else is held to the small limit,
/// checked again by Kestrel while the body streams.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, GatewayOptions options)
{
    /// <summary>The most of a refused body read and dropped so that its sender hears why; a larger one is cut off.</summary>
    private const long DrainedBodyBytes = 8 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = IsImport(context.Request.Path) ? options.MaxImportBodyBytes : options.MaxRequestBodyBytes;
        var bodySize = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (context.Request.ContentLength > limit)
        {
            // Kestrel reads and drops the rest of a body it was not asked to read, up to the body limit, then answers; past the
            // limit it resets the connection, and a client still sending gets a broken pipe instead of this answer.
            if (bodySize is { IsReadOnly: false } && context.Request.ContentLength <= DrainedBodyBytes)
            {
                bodySize.MaxRequestBodySize = DrainedBodyBytes;
            }
            await GatewayAnswers.WriteAsync(context, grpcCode: 8, StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than {limit} bytes, the most this call may send.", retryAfterSeconds: null);
            return;
        }
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = limit;
        }
        await next(context);
    }

    private static readonly IReadOnlySet<string> StreamedMethods = ApiCatalog.Methods
        .Where(m => m.Value.Method.IsClientStreaming).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);

    private static readonly IReadOnlyList<TemplateMatcher> Uploads =
    [
        .. ApiCatalog.HttpBindings.Where(b => b.Name.EndsWith(" upload", StringComparison.Ordinal))
            .Select(b => new TemplateMatcher(TemplateParser.Parse(ContractRoutes.RouteTemplate(b.Path)), [])),
    ];

    public static bool IsImport(PathString path) => StreamedMethods.Contains(path.Value ?? "") || Uploads.Any(upload => upload.TryMatch(path, []));
}
