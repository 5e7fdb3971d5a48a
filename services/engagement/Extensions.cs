using SectorMesh.Engagement.Api;
using SectorMesh.Engagement.Data;
using SectorMesh.Messaging;
using SectorMesh.ServiceDefaults;
using V1Partnerships = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Engagement;

public static class Extensions
{
    public const string DatabaseName = "engagementdb";

    public static void AddEngagementService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddSectorMeshGrpc();

        builder.Services.AddSingleton(builder.Configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions());
        builder.Services.AddScoped<LmiStore>();

        // A region's counties come from the Partnerships service, cached briefly (docs/decisions/0001-knowing-another-services-data.md).
        builder.Services.AddServiceClient<V1Partnerships.Tenants.TenantsClient>();
        builder.Services.AddScoped<RegionDirectory>();

        builder.AddSectorMeshRedis();
        builder.AddSectorMeshMessaging(
            typeof(PartnershipCreatedCopy), typeof(PartnershipRenamedCopy), typeof(PartnershipMovedCopy), typeof(PartnershipRetargetedCopy),
            typeof(PartnershipSnapshotCopy), typeof(PartnershipDeletedCopy), typeof(PartnerJoinedCopy), typeof(PartnerLeftCopy));
        builder.AddDatabaseWithOutbox<EngagementDbContext, EngagementIntegrationEvents>(DatabaseName);
    }

    public static void MapEngagementService(this WebApplication app)
    {
        app.UseSectorMeshGrpc();
        app.MapGrpcService<EngagementApi>();
        app.MapImports();
    }
}
