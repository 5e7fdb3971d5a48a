using SectorMesh.Contracts.Events;
using SectorMesh.Domain;
using SectorMesh.Engagement.Domain;
using SectorMesh.Messaging;
using Events = SectorMesh.Contracts.Events.Engagement;

namespace SectorMesh.Engagement.Data;

/// <summary>What other services (metrics above all) learn of a partnership's industry engagement.</summary>
public sealed class EngagementIntegrationEvents : IIntegrationEventMapper
{
    public IEnumerable<IIntegrationEvent> Map(AggregateRoot aggregate, IDomainEvent domainEvent)
    {
        var id = Guid.CreateVersion7(domainEvent.OccurredAt);
        IIntegrationEvent? mapped = (aggregate, domainEvent) switch
        {
            (EmployerEngagement e, EmployerEngagementRecorded r) => new Events.EmployerEngagementRecorded(id, e.TenantId, e.PartnershipId, r.OccurredAt,
                e.OrganizationId, e.Level.ToString(), r.Activity?.Kind.ToString(), r.Activity?.Quantity ?? 0),
            (Meeting m, MeetingHeld h) => new Events.MeetingHeld(id, m.TenantId, m.PartnershipId, h.OccurredAt,
                m.Id, m.Date, m.Attendees, m.Decisions.Count, m.ActionItems.Count),
            (Meeting m, ActionItemCompleted c) => new Events.ActionItemCompleted(id, m.TenantId, m.PartnershipId, c.OccurredAt,
                m.Id, c.Index, c.Item.Owner, c.Item.DueDate, c.CompletedLate),
            (LmiReview r, LmiDataValidated v) => new Events.LmiDataValidated(id, r.TenantId, r.PartnershipId, v.OccurredAt,
                r.DataPoint, r.OrganizationId, r.Verdict.ToString(), v.Standing.ToString()),
            (SkillsGapAnalysis a, SkillsGapAnalysisCompleted c) => new Events.SkillsGapAnalysisCompleted(id, a.TenantId, a.PartnershipId, c.OccurredAt,
                a.Id, a.CohortId, a.TargetOccupations, a.Gaps.Count(g => g.Gap > 0), a.Gaps.Select(g => g.Gap).DefaultIfEmpty(0).Max()),
            _ => null,
        };
        return mapped is null ? [] : [mapped];
    }
}
