using SectorMesh.Contracts.Events;
using SectorMesh.Domain;
using SectorMesh.Messaging;
using SectorMesh.Partnerships.Domain;
using Events = SectorMesh.Contracts.Events.Partnerships;

namespace SectorMesh.Partnerships.Data;

/// <summary>What other services learn of a partnership's changes, in the contract's words.</summary>
public sealed class PartnershipIntegrationEvents : IIntegrationEventMapper
{
    public IEnumerable<IIntegrationEvent> Map(AggregateRoot aggregate, IDomainEvent domainEvent)
    {
        var p = (Partnership)aggregate;
        var id = Guid.CreateVersion7(domainEvent.OccurredAt);
        IIntegrationEvent? mapped = domainEvent switch
        {
            PartnershipCreated e => new Events.PartnershipCreated(id, p.TenantId, p.Id, e.OccurredAt,
                p.DisplayName, p.RegionId, p.Sector.NaicsCode, p.Sector.Title, p.Stage.ToString()),
            PartnershipStageChanged e => new Events.PartnershipStageChanged(id, p.TenantId, p.Id, e.OccurredAt, e.From.ToString(), e.To.ToString()),
            PartnershipDeleted e => new Events.PartnershipDeleted(id, p.TenantId, p.Id, e.OccurredAt),
            PartnerJoined e => new Events.PartnerJoined(id, p.TenantId, p.Id, e.OccurredAt, e.Membership.OrganizationId,
                e.Membership.OrganizationName, e.Membership.PartnerType.ToString(), e.Membership.Roles.ToList(), e.Membership.JoinDate),
            PartnerLeft e => new Events.PartnerLeft(id, p.TenantId, p.Id, e.OccurredAt, e.OrganizationId, e.LeaveDate),
            IntermediaryDesignated e => new Events.IntermediaryDesignated(id, p.TenantId, p.Id, e.OccurredAt,
                e.Intermediary.Assignments.Select(a => new Events.IntermediaryRoleAssignment(a.Role.ToString(), a.OrganizationId)).ToList()),
            AgreementSigned e => new Events.AgreementSigned(id, p.TenantId, p.Id, e.OccurredAt, e.Agreement.Version,
                e.Agreement.Signatures.Select(s => s.OrganizationId).ToList(), e.SupersededVersion),
            CommitteeMemberAdded e => new Events.CommitteeMemberAdded(id, p.TenantId, p.Id, e.OccurredAt, e.Committee.Id,
                e.Committee.DisplayName, e.Member.PersonName, e.Member.OrganizationId, e.Member.Represents.ToString()),
            GoalSet e => new Events.GoalSet(id, p.TenantId, p.Id, e.OccurredAt,
                e.Goals.Select(g => new Events.PartnershipGoal(g.Statement, g.Metric, g.Target, g.DueDate)).ToList()),
            _ => null,
        };
        return mapped is null ? [] : [mapped];
    }
}
