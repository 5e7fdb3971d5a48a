using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// The tenant the work of one request or message is about, which every query of tenant-owned data
/// is bound to. Entered once the caller's access to the tenant is decided, or from the tenant a
/// message names; until then a query sees no tenant's data at all.
/// </summary>
public sealed class TenantScope(ILogger<TenantScope> logger)
{
    public string? Tenant { get; private set; }

    /// <summary>Whether the queries of this scope see every tenant's data: the audited way out.</summary>
    public bool EveryTenant { get; private set; }

    public void Enter(string tenant)
    {
        if (Tenant is not null && Tenant != tenant)
        {
            throw new InvalidOperationException($"This work is already bound to tenant {Tenant}; it cannot read {tenant} as well.");
        }
        Tenant = tenant;
    }

    /// <summary>
    /// Lifts the tenant filter for the rest of this scope, for work that is the platform's rather than a
    /// tenant's (rebuilding every tenant's copies, say). Logged with its reason for the operators' trail.
    /// </summary>
    public void EnterEveryTenant(string reason)
    {
        logger.LogWarning("Reading across every tenant: {Reason}", reason);
        EveryTenant = true;
    }
}

/// <summary>
/// A database whose tenant-owned entities (every entity with a TenantId, the outbox aside) are
/// filtered to the <see cref="TenantScope"/> on every query, so a query that forgets the tenant still
/// sees only the caller's.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, TenantScope? tenants) : DbContext(options)
{
    public const string TenantProperty = "TenantId";

    /// <summary>Marks an entity with a TenantId that is the platform's, not the tenant's (the outbox).</summary>
    public const string CrossTenantAnnotation = "SectorMesh:CrossTenant";

    // Read by the query filters on every query: EF Core evaluates members of the context per instance.
    // A context made without a scope (migrations, design time) reads nothing tenant-owned.
    protected string? CurrentTenant => tenants?.Tenant;
    protected bool EveryTenant => tenants?.EveryTenant ?? false;

    /// <summary>Call at the end of OnModelCreating, once every entity is mapped.</summary>
    protected void FilterByTenant(ModelBuilder model)
    {
        var context = Expression.Constant(this);
        foreach (var entity in model.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null
                     && e.FindProperty(TenantProperty)?.ClrType == typeof(string) && e.FindAnnotation(CrossTenantAnnotation) is null))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var tenantOfRow = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(TenantProperty));
            var filter = Expression.OrElse(
                Expression.Property(context, nameof(EveryTenant)),
                Expression.Equal(tenantOfRow, Expression.Property(context, nameof(CurrentTenant))));
            model.Entity(entity.ClrType).HasQueryFilter(Expression.Lambda(filter, row));
        }
    }
}
