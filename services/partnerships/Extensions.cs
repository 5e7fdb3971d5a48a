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

        builder.AddSectorMeshRedis();
        builder.AddSectorMeshMessaging(typeof(AuditTrailKeeper));
        builder.Services.AddHostedService<AuditRetention>();
        builder.AddDatabaseWithOutbox<PartnershipsDbContext, PartnershipIntegrationEvents>(DatabaseName);
    }

    public static void MapPartnershipsService(this WebApplication app)
    {
        app.UseSectorMeshGrpc();
        app.MapGrpcService<TenantsApi>();
        app.MapGrpcService<OrganizationsApi>();
        app.MapGrpcService<PartnershipsApi>();
    }
}
