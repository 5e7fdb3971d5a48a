using Microsoft.EntityFrameworkCore;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

public static class PartnershipRecords
{
    /// <summary>The record named by <paramref name="ids"/> (tenant, partnership, id), or not found under <paramref name="name"/>.</summary>
    public static async Task<T> GetNamedAsync<T>(this IQueryable<T> records, IReadOnlyList<string> ids, string name, CancellationToken cancellationToken)
        where T : class, IPartnershipRecord
    {
        var (tenant, partnership, id) = (ids[0], ids[1], ids[2]);
        return await records.SingleOrDefaultAsync(r => r.TenantId == tenant && r.PartnershipId == partnership && r.Id == id, cancellationToken)
            ?? throw new ResourceNotFound(name);
    }

    /// <summary>Adds a record under its caller-chosen id, or says it already exists.</summary>
    public static async Task AddNewAsync<T>(this DbContext db, T record, string name, CancellationToken cancellationToken)
        where T : class, IPartnershipRecord
    {
        var (tenant, partnership, id) = (record.TenantId, record.PartnershipId, record.Id);
        if (await db.Set<T>().AnyAsync(r => r.TenantId == tenant && r.PartnershipId == partnership && r.Id == id, cancellationToken))
        {
            throw new ResourceAlreadyExists(name);
        }
        db.Set<T>().Add(record);
        await db.SaveChangesAsync(cancellationToken);
    }
}
