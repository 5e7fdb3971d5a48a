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

    public static async Task WaitForMigrationsAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILogger<PartnershipsDbContext>>();
        while (true)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var pending = (await scope.ServiceProvider.GetRequiredService<PartnershipsDbContext>().Database.GetPendingMigrationsAsync()).ToList();
                if (pending.Count == 0)
                {
                    logger.LogInformation("Partnerships database is up to date");
                    return;
                }
                logger.LogInformation("Waiting for {Count} migrations: {Pending}", pending.Count, string.Join(", ", pending));
            }
            catch (Exception e) when (e.GetBaseException() is System.Net.Sockets.SocketException or Npgsql.PostgresException)
            {
                logger.LogInformation("Waiting for the database: {Error}", e.GetBaseException().Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILogger<PartnershipsDbContext>>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnershipsDbContext>();
        // The database server may still be starting when this step runs.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.MigrateAsync();
                logger.LogInformation("Partnerships database is migrated");
                return;
            }
            catch (Exception e) when (attempt < 30 && e.GetBaseException() is System.Net.Sockets.SocketException or Npgsql.PostgresException { SqlState: "57P03" })
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Error}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
