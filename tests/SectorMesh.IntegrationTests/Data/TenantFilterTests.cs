using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.Partnerships.Data;
using SectorMesh.Partnerships.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.IntegrationTests.Data;

/// <summary>A query that names no tenant still sees only the tenant its work is bound to.</summary>
public sealed class TenantFilterTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync()
    {
        Servers.RequireRunning();
        _database = await Servers.CreateDatabaseAsync("tenant_filter");
        var everyTenant = Scope();
        everyTenant.EnterEveryTenant("the test stores two tenants' regions");
        await using var db = Context(everyTenant);
        await db.Database.MigrateAsync();
        foreach (var tenant in new[] { "ohio", "indiana" })
        {
            db.Tenants.Add(Tenant.Create(tenant, tenant, null, DateTimeOffset.UtcNow));
            db.Regions.Add(Region.Create(tenant, "central", "Central", ["39049"]));
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static TenantScope Scope() => new(NullLogger<TenantScope>.Instance);

    private PartnershipsDbContext Context(TenantScope scope) =>
        new(new DbContextOptionsBuilder<PartnershipsDbContext>().UseNpgsql(_database).Options, scope);

    [Fact]
    public async Task A_query_without_a_tenant_condition_returns_only_the_scopes_tenant()
    {
        var scope = Scope();
        scope.Enter("ohio");
        await using var db = Context(scope);

        var tenants = await db.Regions.Select(r => r.TenantId).ToListAsync();

        Assert.Equal(["ohio"], tenants);
    }

    [Fact]
    public async Task Work_bound_to_no_tenant_sees_no_tenants_data()
    {
        await using var db = Context(Scope());

        Assert.Equal(0, await db.Regions.CountAsync());
    }
}
