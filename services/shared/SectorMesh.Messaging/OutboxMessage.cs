using System.Diagnostics;
using System.Text.Json;
using SectorMesh.Contracts.Events;

namespace SectorMesh.Messaging;

/// <summary>An integration event waiting to be published, stored in the same transaction as the change it describes.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }

    /// <summary>Insertion order, so the relay publishes oldest first.</summary>
    public long Sequence { get; private set; }

    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public string TenantId { get; private set; } = "";

    /// <summary>Tenant and partnership: events of one partition are published in order.</summary>
    public string Partition { get; private set; } = "";

    /// <summary>The W3C trace context of the request that made the change, so one trace runs through the broker.</summary>
    public string? TraceParent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    // A null is left out rather than written: read back it is null again, and a period's snapshot is a sixth smaller.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The event as an outbox row, in the trace of the request that made it unless <paramref name="joinTrace"/> is false: a
    /// bulk written by one request (an import's snapshots) would make one trace of a million spans.
    /// </summary>
    public static OutboxMessage For(IIntegrationEvent integrationEvent, bool joinTrace = true) => new()
    {
        Id = integrationEvent.MessageId,
        Type = integrationEvent.GetType().FullName!,
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Json),
        TenantId = integrationEvent.TenantId,
        Partition = $"{integrationEvent.TenantId}/{integrationEvent.PartnershipId}",
        TraceParent = joinTrace ? Activity.Current?.Id : null,
        CreatedAt = integrationEvent.OccurredAt,
    };

    internal (object Message, Type Type) Deserialize()
    {
        var type = typeof(IIntegrationEvent).Assembly.GetType(Type)
            ?? throw new InvalidOperationException($"Outbox message {Id} has unknown type {Type}.");
        return (JsonSerializer.Deserialize(Payload, type, Json)!, type);
    }

    internal void MarkDispatched(DateTimeOffset at) => DispatchedAt = at;

    internal void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }
}

/// <summary>A message a consumer has already handled; stored with the consumer's own change.</summary>
public sealed class ProcessedMessage(Guid messageId, string consumer, DateTimeOffset processedAt)
{
    public Guid MessageId { get; private set; } = messageId;
    public string Consumer { get; private set; } = consumer;
    public DateTimeOffset ProcessedAt { get; private set; } = processedAt;
}
