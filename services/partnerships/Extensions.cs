using Microsoft.EntityFrameworkCore;
using SectorMesh.Messaging;
using SectorMesh.Partnerships.Api;
using SectorMesh.Partnerships.Data;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Partnerships;

public static class Extensions
{
    public const string DatabaseName = "partnershipsdb";

    public static void AddPartnershipsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddSectorMeshGrpc();

        var connection = builder.Configuration.GetConnectionString(DatabaseName)
            ?? throw new InvalidOperationException($"Set ConnectionStrings:{DatabaseName} to the Partnerships PostgreSQL database.");
        builder.Services.AddDbContext<PartnershipsDbContext>((services, options) => options
            .UseNpgsql(connection)
            .AddInterceptors(services.GetRequiredService<DomainEventsToOutbox>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<PartnershipsDbContext>("partnershipsdb");

        builder.AddSectorMeshRedis();
        builder.AddSectorMeshMessaging();
        builder.AddOutbox<PartnershipsDbContext, PartnershipIntegrationEvents>();
    }

    public static void MapPartnershipsService(this WebApplication app)
    {
        app.UseSectorMeshGrpc();
        app.MapGrpcService<TenantsApi>();
        app.MapGrpcService<OrganizationsApi>();
        app.MapGrpcService<PartnershipsApi>();
    }
}
