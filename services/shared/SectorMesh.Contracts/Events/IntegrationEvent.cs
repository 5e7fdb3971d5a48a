namespace SectorMesh.Contracts.Events;

/// <summary>
/// What every integration event carries, so a consumer can deduplicate, scope by tenant and
/// partnership, tell newer from older, say who acted, and read old and new shapes side by side.
/// </summary>
public interface IIntegrationEvent
{
    Guid MessageId { get; }
    string TenantId { get; }
    string PartnershipId { get; }
    DateTimeOffset OccurredAt { get; }
    int SchemaVersion { get; }

    /// <summary>
    /// The revision of the aggregate this event made (1 for its first event). A consumer applies an
    /// event only when it is newer than what it holds, so reordering and replays change nothing.
    /// </summary>
    long AggregateVersion { get; }

    /// <summary>The subject of the caller whose request made the change, or "service:{name}" for a service's own work.</summary>
    string Actor { get; }
}

/// <summary>The part of every event the outbox stamps in, rather than each service's mapping.</summary>
public abstract record IntegrationEvent
{
    public long AggregateVersion { get; init; }
    public string Actor { get; init; } = "";
}

/// <summary>
/// An event that carries the whole state of one thing, applied by its AggregateVersion: only the order of the snapshots of
/// that one thing matters, so the outbox sends snapshots of different things side by side, even within one partnership.
/// </summary>
public interface ISnapshotEvent
{
    /// <summary>The thing the snapshot is of, unique within its partnership (not serialized: explicitly implemented).</summary>
    string SnapshotOf { get; }
}
