namespace SectorMesh.Domain;

/// <summary>
/// A record that belongs to one partnership and is named
/// tenants/{TenantId}/partnerships/{PartnershipId}/{collection}/{Id}.
/// </summary>
public interface IPartnershipRecord
{
    string TenantId { get; }
    string PartnershipId { get; }
    string Id { get; }
}
