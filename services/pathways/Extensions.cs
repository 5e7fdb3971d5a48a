using SectorMesh.Messaging;
using SectorMesh.Pathways.Api;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Data.Imports;
using SectorMesh.ServiceDefaults;
using Engagement = SectorMesh.Contracts.Engagement.V1.Engagement;
using Organizations = SectorMesh.Contracts.Partnerships.V1.Organizations;
using Partnerships = SectorMesh.Contracts.Partnerships.V1.Partnerships;

namespace SectorMesh.Pathways;

public static class Extensions
{
    public const string DatabaseName = "pathwaysdb";

    public static void AddPathwaysService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddSectorMeshGrpc();
        builder.Services.AddSingleton(PersonalDataProtector.From(builder.Configuration, builder.Environment));
        // Partnerships and providers are checked with the Partnerships service on every write; employer needs and skills gaps
        // are read from the Industry Engagement service (docs/decisions/0001-knowing-another-services-data.md).
        builder.Services.AddServiceClient<Organizations.OrganizationsClient>();
        builder.Services.AddServiceClient<Partnerships.PartnershipsClient>();
        builder.Services.AddScoped<PartnershipDirectory>();
        builder.Services.AddServiceClient<Engagement.EngagementClient>();
        builder.Services.AddScoped<EngagementDirectory>();
        builder.Services.AddScoped<ParticipantImport>();
        builder.AddSectorMeshRedis();
        builder.AddSectorMeshMessaging();
        builder.AddDatabaseWithOutbox<PathwaysDbContext, PathwayIntegrationEvents>(DatabaseName);
    }

    public static void MapPathwaysService(this WebApplication app)
    {
        app.UseSectorMeshGrpc();
        app.MapGrpcService<PathwaysApi>();
        app.MapGrpcService<JobQualityApi>();
        app.MapGrpcService<ParticipantSupportsApi>();
        app.MapGrpcService<WorkBasedLearningApi>();
        app.MapGrpcService<WorkerVoiceApi>();
        app.MapGrpcService<CapacityBuildingApi>();
        app.MapImports();
    }
}
