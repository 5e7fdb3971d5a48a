using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// The one version source of every aggregate's etag (AIP-154): PostgreSQL's xmin, which changes with every write of the row
/// and is checked by EF Core as a concurrency token, so a change made against an older read is refused even when two
/// writers race. Domains that need to compare versions themselves (a partnership) map their own property to it.
/// </summary>
public static class EtagVersions
{
    public const string Property = "Version";

    /// <summary>Maps the aggregate's version, as a shadow property when the domain does not hold one.</summary>
    public static EntityTypeBuilder<T> HasEtagVersion<T>(this EntityTypeBuilder<T> entity) where T : class
    {
        entity.Property<uint>(Property).IsRowVersion().HasColumnName("xmin");
        return entity;
    }

    /// <summary>The version the etag of <paramref name="aggregate"/> is written from, as last read or saved.</summary>
    public static uint VersionOf(this DbContext db, object aggregate) => (uint)db.Entry(aggregate).Property(Property).CurrentValue!;
}
