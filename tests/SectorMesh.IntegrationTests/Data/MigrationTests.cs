using Microsoft.EntityFrameworkCore;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.Partnerships.Data;

namespace SectorMesh.IntegrationTests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_migrations_apply_to_an_empty_database()
    {
        Servers.RequireRunning();
        var database = await Servers.CreateDatabaseAsync("migrations");
        await using var db = new PartnershipsDbContext(new DbContextOptionsBuilder<PartnershipsDbContext>().UseNpgsql(database).Options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Partnerships.CountAsync());
    }
}
