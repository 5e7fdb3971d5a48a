using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// The two one-off modes of every service with a database: `migrate` (the AppHost's migration
/// step, the Kubernetes Job) and `wait-for-migrations` (the Kubernetes init container), so
/// replicas never race to change the schema.
/// </summary>
public static class DatabaseMigrations
{
    public static async Task MigrateDatabaseAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        var logger = app.Services.GetRequiredService<ILogger<TDbContext>>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        // The database server may still be starting when this step runs.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.MigrateAsync();
                logger.LogInformation("{Database} is migrated", typeof(TDbContext).Name);
                return;
            }
            catch (Exception e) when (attempt < 30 && IsStarting(e))
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Error}", attempt, e.GetBaseException().Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    public static async Task WaitForMigrationsAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        var logger = app.Services.GetRequiredService<ILogger<TDbContext>>();
        while (true)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var pending = (await scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetPendingMigrationsAsync()).ToList();
                if (pending.Count == 0)
                {
                    logger.LogInformation("{Database} is up to date", typeof(TDbContext).Name);
                    return;
                }
                logger.LogInformation("Waiting for {Count} migrations: {Pending}", pending.Count, string.Join(", ", pending));
            }
            catch (Exception e) when (e.GetBaseException() is SocketException or PostgresException)
            {
                logger.LogInformation("Waiting for the database: {Error}", e.GetBaseException().Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static bool IsStarting(Exception e) => e.GetBaseException() is SocketException or PostgresException { SqlState: "57P03" };
}
