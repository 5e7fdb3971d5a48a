namespace SectorMesh.Contracts.Events;

/// <summary>
/// What every integration event carries, so a consumer can deduplicate, scope by tenant and
/// partnership, order by time and read old and new shapes side by side.
/// </summary>
public interface IIntegrationEvent
{
    Guid MessageId { get; }
    string TenantId { get; }
    string PartnershipId { get; }
    DateTimeOffset OccurredAt { get; }
    int SchemaVersion { get; }
}
