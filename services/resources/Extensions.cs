using Microsoft.EntityFrameworkCore;
using SectorMesh.Messaging;
using SectorMesh.Resources.Api;
using SectorMesh.Resources.Data;
using SectorMesh.ServiceDefaults;
using V1Partnerships = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Resources;

public static class Extensions
{
    public const string DatabaseName = "resourcesdb";

    public static void AddResourcesService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddSectorMeshGrpc();

        var connection = builder.Configuration.GetConnectionString(DatabaseName)
            ?? throw new InvalidOperationException($"Set ConnectionStrings:{DatabaseName} to the Resources PostgreSQL database.");
        builder.Services.AddDbContext<ResourcesDbContext>((services, options) => options
            .UseNpgsql(connection)
            .AddInterceptors(services.GetRequiredService<DomainEventsToOutbox>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<ResourcesDbContext>(DatabaseName);

        // The partner check asks the Partnerships service, found by service discovery ("http://partnerships").
        builder.Services.AddGrpcClient<V1Partnerships.Partnerships.PartnershipsClient>(o => o.Address = new Uri("http://partnerships"));
        builder.Services.AddScoped<PartnerDirectory>();

        builder.AddSectorMeshRedis();
        builder.AddSectorMeshMessaging(bus => bus.AddConsumer<PartnerDirectoryRefresh>());
        builder.AddOutbox<ResourcesDbContext, ResourceIntegrationEvents>();
    }

    public static void MapResourcesService(this WebApplication app)
    {
        app.UseSectorMeshGrpc();
        app.MapGrpcService<ResourcesApi>();
    }
}
