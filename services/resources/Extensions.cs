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


        // The partner check asks the Partnerships service, cached until its events say the roster changed
        // (docs/decisions/0001-knowing-another-services-data.md).
        builder.Services.AddServiceClient<V1Partnerships.Partnerships.PartnershipsClient>();
        builder.Services.AddScoped<PartnerDirectory>();

        builder.AddSectorMeshRedis();
        builder.AddSectorMeshMessaging(typeof(PartnerDirectoryRefresh));
        builder.AddDatabaseWithOutbox<ResourcesDbContext, ResourceIntegrationEvents>(DatabaseName);
    }

    public static void MapResourcesService(this WebApplication app)
    {
        app.UseSectorMeshGrpc();
        app.MapGrpcService<ResourcesApi>();
    }
}
