using SectorMesh.Contracts.Events;
using SectorMesh.Domain;
using SectorMesh.Messaging;
using SectorMesh.Resources.Domain;
using Events = SectorMesh.Contracts.Events.Resources;

namespace SectorMesh.Resources.Data;

/// <summary>What other services (metrics above all) learn of a partnership's resources.</summary>
public sealed class ResourceIntegrationEvents : IIntegrationEventMapper
{
    public IEnumerable<IIntegrationEvent> Map(AggregateRoot aggregate, IDomainEvent domainEvent)
    {
        var id = Guid.CreateVersion7(domainEvent.OccurredAt);
        IIntegrationEvent? mapped = (aggregate, domainEvent) switch
        {
            (FundingSource f, FundingSourceRecorded e) => new Events.FundingSourceRecorded(id, f.TenantId, f.PartnershipId, e.OccurredAt,
                f.Id, f.Kind.ToString(), f.Status.ToString(), f.Amount.Amount, f.Amount.Currency, f.Funder, f.StrategyId),
            (FundingSource f, FundingAwarded e) => new Events.FundingAwarded(id, f.TenantId, f.PartnershipId, e.OccurredAt,
                f.Id, f.Kind.ToString(), f.Amount.Amount, f.Amount.Currency),
            (ResourceCommitment c, CommitmentRecorded e) => new Events.CommitmentRecorded(id, c.TenantId, c.PartnershipId, e.OccurredAt,
                c.Id, c.OrganizationId, c.Kind.ToString(), c.Value.Amount, c.Value.Currency, c.FundingSourceId, c.StrategyId),
            (ResourceCommitment c, ContributionRecorded e) => new Events.ContributionRecorded(id, c.TenantId, c.PartnershipId, e.OccurredAt,
                c.Id, c.OrganizationId, e.Contribution.Value.Amount, e.Contribution.Value.Currency, e.Contribution.ExceedsCommitment),
            _ => null,
        };
        return mapped is null ? [] : [mapped];
    }
}
