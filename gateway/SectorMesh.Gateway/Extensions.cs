using SectorMesh.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace SectorMesh.Gateway;

public static class Extensions
{
    public static void AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddSectorMeshAuthentication();

        var limits = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);

        // With Redis down the gateway still serves, without limits.
        builder.AddSectorMeshRedis();
        builder.Services.AddSingleton<TenantRateLimiter>();

        builder.Services.AddGrpcDiscovery();
        var web = StaffWebRoute.IsConfigured(builder.Configuration);
        builder.Services.AddReverseProxy()
            .LoadFromMemory([.. ContractRoutes.Routes(), .. web ? [StaffWebRoute.Route()] : Array.Empty<RouteConfig>()],
                [.. ContractRoutes.Clusters(), .. web ? [StaffWebRoute.Destination()] : Array.Empty<ClusterConfig>()])
            .AddServiceDiscoveryDestinationResolver();
    }

    public static void MapGateway(this WebApplication app)
    {
        app.UseMiddleware<RequestSizeLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevTokens();
        }
        app.MapApiReference();
        app.MapGrpcDiscovery();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<UnknownApiCalls>();
            proxy.UseMiddleware<ProxyErrors>();
            proxy.UseMiddleware<TenantRateLimit>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
    }
}

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Labor market and O*NET files streamed to the import endpoints.</summary>
    public long MaxImportBodyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Requests a tenant may make per window, across every gateway replica.</summary>
    public int PermitsPerWindow { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;
}
