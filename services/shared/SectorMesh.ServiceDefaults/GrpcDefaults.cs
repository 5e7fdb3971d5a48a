using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SectorMesh.ServiceDefaults;

public static class GrpcDefaults
{
    public const string LivenessService = "live";

    /// <summary>The largest request message a service takes, over gRPC or as a JSON body; file uploads set limits of their own.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    /// <summary>gRPC with domain error mapping, JSON transcoding, health checking and token validation.</summary>
    public static IGrpcServerBuilder AddSectorMeshGrpc(this IHostApplicationBuilder builder)
    {
        builder.AddSectorMeshAuthentication();
        builder.Services.TryAddScoped<TenantScope>();
        builder.Services.AddScoped<AccessGate>();
        // A JSON body is the request message too; gRPC calls lift this limit for their own per-message one.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxMessageBytes);
        // "" is readiness (every check), "live" is liveness only: Kubernetes' native gRPC probes ask for these.
        builder.Services.AddGrpcHealthChecks(health =>
        {
            health.Services.Map("", _ => true);
            health.Services.Map(LivenessService, result => result.Tags.Contains(Extensions.LivenessTag));
        });
        return builder.Services
            .AddGrpc(options =>
            {
                options.Interceptors.Add<DomainErrorInterceptor>();
                options.Interceptors.Add<NulCharacterInterceptor>();
                options.Interceptors.Add<AccessInterceptor>();
                options.EnableDetailedErrors = builder.Environment.IsDevelopment();
                options.MaxReceiveMessageSize = MaxMessageBytes;
            })
            // The error details the DomainErrorInterceptor attaches, so JSON callers see them too.
            .AddJsonTranscoding(json => json.TypeRegistry = TypeRegistry.FromMessages(
                BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor));
    }

    /// <summary>The response header naming the service that answered, so a caller of the gateway can tell where it was routed.</summary>
    public const string ServiceHeader = "SectorMesh-Service";

    /// <summary>SectorMesh.Engagement answers as engagement: the deployment name its .proto package gives it.</summary>
    public static string ServiceName(this IHostEnvironment environment) => environment.ApplicationName.Split('.')[^1].ToLowerInvariant();

    public static WebApplication UseSectorMeshGrpc(this WebApplication app)
    {
        var service = app.Environment.ServiceName();
        app.Use((context, next) =>
        {
            context.Response.Headers[ServiceHeader] = service;
            return next(context);
        });
        app.Use(RefuseOversizedJson);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(ProtoJsonInput.RefuseMalformedJson);
        app.MapDefaultEndpoints();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// A JSON body declared larger than a request message may be is refused as too large (413) before it is read:
    /// JSON transcoding would read it up to Kestrel's limit and call what it cut off malformed JSON (400).
    /// </summary>
    private static async Task RefuseOversizedJson(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > MaxMessageBytes && context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not null
            && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, new Google.Rpc.Status
            {
                Code = (int)Code.ResourceExhausted, Message = $"The request body is larger than {MaxMessageBytes} bytes, the most a request message may be.",
            });
            return;
        }
        await next(context);
    }

    /// <summary>The authenticated caller of a gRPC call.</summary>
    public static Caller Caller(this ServerCallContext context) => ServiceDefaults.Caller.From(context.GetHttpContext().User);
}
