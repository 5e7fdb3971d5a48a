using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.ClientFactory;
using Grpc.Reflection;
using SectorMesh.Contracts;
using ProtoService = Google.Protobuf.Reflection.ServiceDescriptor;

namespace SectorMesh.Gateway;

/// <summary>
/// What a gRPC tool (grpcurl, Postman, a reflection client) needs to find its way through the gateway's gRPC port:
/// server reflection over every service of the contracts, since the gateway forwards them all, and health checking
/// by service name, answered by the deployment that serves it. Both for signed-in callers only, like the services.
/// </summary>
public static class GrpcDiscovery
{
    public static void AddGrpcDiscovery(this IServiceCollection services)
    {
        services.AddGrpc();
        ProtoService[] described = [.. ApiCatalog.Services, Health.Descriptor,
            Grpc.Reflection.V1.ServerReflection.Descriptor, Grpc.Reflection.V1Alpha.ServerReflection.Descriptor];
        services.AddSingleton(new ReflectionServiceImpl(described));
        services.AddSingleton(new ReflectionV1ServiceImpl(described));
        foreach (var deployment in ApiCatalog.Deployments)
        {
            services.AddGrpcClient<Health.HealthClient>(deployment, client => client.Address = new Uri($"http://{deployment}"));
        }
    }

    public static void MapGrpcDiscovery(this WebApplication app)
    {
        app.MapGrpcService<ReflectionServiceImpl>().RequireAuthorization();
        app.MapGrpcService<ReflectionV1ServiceImpl>().RequireAuthorization();
        app.MapGrpcService<DeploymentHealth>().RequireAuthorization();
    }
}

/// <summary>
/// grpc.health.v1.Health for the gateway's callers: "" is the gateway itself, and a service's full name
/// (sectormesh.partnerships.v1.Partnerships) is the readiness of the deployment serving it, asked of that
/// deployment. A deployment that does not answer in time is NOT_SERVING; a name no contract has is NOT_FOUND.
/// </summary>
public sealed class DeploymentHealth(GrpcClientFactory clients) : Health.HealthBase
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(5);

    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        StatusOfAsync(request.Service, context.CancellationToken);

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        HealthCheckResponse.Types.ServingStatus? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var status = await StatusOfAsync(request.Service, context.CancellationToken);
            if (status.Status != last)
            {
                await responseStream.WriteAsync(status, context.CancellationToken);
                last = status.Status;
            }
            await Task.Delay(WatchInterval, context.CancellationToken);
        }
    }

    private async Task<HealthCheckResponse> StatusOfAsync(string service, CancellationToken cancellationToken)
    {
        if (service.Length == 0)
        {
            return Serving(HealthCheckResponse.Types.ServingStatus.Serving);
        }
        var deployment = ApiCatalog.Services.FirstOrDefault(s => s.FullName == service) is { } known
            ? ApiCatalog.DeploymentOf(known)
            : throw new RpcException(new Status(StatusCode.NotFound, $"No SectorMesh service is named '{service}'; list them with server reflection."));
        try
        {
            var answer = await clients.CreateClient<Health.HealthClient>(deployment)
                .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + AskTimeout, cancellationToken: cancellationToken);
            return Serving(answer.Status);
        }
        catch (RpcException) when (!cancellationToken.IsCancellationRequested)
        {
            return Serving(HealthCheckResponse.Types.ServingStatus.NotServing);
        }
    }

    private static HealthCheckResponse Serving(HealthCheckResponse.Types.ServingStatus status) => new() { Status = status };
}
