using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SectorMesh.ServiceDefaults;

public static class GrpcDefaults
{
    public const string LivenessService = "live";

    /// <summary>gRPC with domain error mapping, JSON transcoding, health checking and token validation.</summary>
    public static IGrpcServerBuilder AddSectorMeshGrpc(this IHostApplicationBuilder builder)
    {
        builder.AddSectorMeshAuthentication();
        builder.Services.TryAddScoped<TenantScope>();
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
                options.MaxReceiveMessageSize = 1024 * 1024;
            })
            // The error details the DomainErrorInterceptor attaches, so JSON callers see them too.
            .AddJsonTranscoding(json => json.TypeRegistry = TypeRegistry.FromMessages(
                BadRequest.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor));
    }

    /// <summary>The response header naming the service that answered, so a caller of the gateway can tell where it was routed.</summary>
    public const string ServiceHeader = "SectorMesh-Service";

    public static WebApplication UseSectorMeshGrpc(this WebApplication app)
    {
        // SectorMesh.Engagement answers as engagement: the deployment name its .proto package gives it.
        var service = app.Environment.ApplicationName.Split('.')[^1].ToLowerInvariant();
        app.Use((context, next) =>
        {
            context.Response.Headers[ServiceHeader] = service;
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }

    /// <summary>The authenticated caller of a gRPC call.</summary>
    public static Caller Caller(this ServerCallContext context) => ServiceDefaults.Caller.From(context.GetHttpContext().User);
}
