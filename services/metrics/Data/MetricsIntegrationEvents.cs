using SectorMesh.Contracts.Events;
using SectorMesh.Domain;
using SectorMesh.Messaging;

namespace SectorMesh.Metrics.Data;

/// <summary>Metrics raises no domain events yet; its outbox carries the audit entries of the calls the access gate refuses.</summary>
public sealed class MetricsIntegrationEvents : IIntegrationEventMapper
{
    public IEnumerable<IIntegrationEvent> Map(AggregateRoot aggregate, IDomainEvent domainEvent) => [];
}
