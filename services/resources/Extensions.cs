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


        // The partner check asks the Partnerships service, found by service discovery ("http://partnerships").
        builder.Services.AddGrpcClient<V1Partnerships.Partnerships.PartnershipsClient>(o => o.Address = new Uri("http://partnerships"));
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
