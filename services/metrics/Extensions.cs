using SectorMesh.Messaging;
using SectorMesh.Metrics.Api;
using SectorMesh.Metrics.Data;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Metrics;

public static class Extensions
{
    public const string DatabaseName = "metricsdb";

    public static void AddMetricsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddSectorMeshGrpc();
        builder.Services.AddSingleton<ProjectionMetrics>();
        builder.Services.AddHostedService<OperatorGauges>();
        builder.Services.AddHostedService<OutcomesUpgrade>();
        builder.AddSectorMeshRedis();
        // Every figure is computed from Metrics' own copies, fed by the other services' events
        // (docs/decisions/0001-knowing-another-services-data.md): it calls no other service. Each projection is a consumer
        // of its own queue.
        builder.AddSectorMeshMessaging([.. typeof(PeriodProjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(MassTransit.IConsumer)))]);
        builder.AddDatabaseWithOutbox<MetricsDbContext, MetricsIntegrationEvents>(DatabaseName);
    }

    public static void MapMetricsService(this WebApplication app)
    {
        app.UseSectorMeshGrpc();
        app.MapGrpcService<MetricsApi>();
    }
}
