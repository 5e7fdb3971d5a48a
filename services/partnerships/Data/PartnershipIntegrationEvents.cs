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
        var at = domainEvent.OccurredAt;
        return domainEvent switch
        {
            PartnershipCreated => [new Events.PartnershipCreated(id, p.TenantId, p.Id, at,
                p.DisplayName, p.RegionId, p.Sector.NaicsCode, p.Sector.Title, p.Stage.ToString())],
            PartnershipRenamed => [new Events.PartnershipRenamed(id, p.TenantId, p.Id, at, Profile(p))],
            PartnershipMoved e => [new Events.PartnershipMoved(id, p.TenantId, p.Id, at, e.FromRegionId, Profile(p))],
            PartnershipRetargeted e => [new Events.PartnershipRetargeted(id, p.TenantId, p.Id, at, e.FromNaicsCode, Profile(p))],
            PartnershipStageChanged e => [new Events.PartnershipStageChanged(id, p.TenantId, p.Id, at, e.From.ToString(), e.To.ToString(), Profile(p))],
            PartnershipDeleted => [new Events.PartnershipDeleted(id, p.TenantId, p.Id, at)],
            SignificanceRecorded e => [new Events.RegionalSignificanceRecorded(id, p.TenantId, p.Id, at, e.Significance?.Employment,
                e.Significance?.LocationQuotient, e.Significance?.EmploymentGrowthPercent, e.Significance?.Source, e.Significance?.Period)],
            PurposeChanged => [new Events.PartnershipPurposeChanged(id, p.TenantId, p.Id, at, p.Vision, p.Mission)],
            GoalSet e => [new Events.GoalSet(id, p.TenantId, p.Id, at,
                e.Goals.Select(g => new Events.PartnershipGoal(g.Statement, g.Metric, g.Target, g.DueDate)).ToList())],
            StrategiesSet e => [new Events.StrategiesSet(id, p.TenantId, p.Id, at,
                e.Strategies.Select(s => new Events.PartnershipStrategy(s.Title, s.Status.ToString(), s.OwnerCommitteeId, s.Id)).ToList())],
            PartnerJoined e => [new Events.PartnerJoined(id, p.TenantId, p.Id, at, e.Membership.OrganizationId,
                e.Membership.OrganizationName, e.Membership.PartnerType.ToString(), e.Membership.Roles.ToList(), e.Membership.JoinDate)],
            PartnerLeft e => [Left(p, e, id)],
            IntermediaryDesignated e => [new Events.IntermediaryDesignated(id, p.TenantId, p.Id, at,
                e.Intermediary.Assignments.Select(a => new Events.IntermediaryRoleAssignment(a.Role.ToString(), a.OrganizationId)).ToList())],
            AgreementDrafted e => [new Events.AgreementDrafted(id, p.TenantId, p.Id, at, e.Agreement.Version,
                e.Agreement.Terms.Select(t => t.OrganizationId).ToList(), e.Agreement.EffectiveDate)],
            AgreementRevised e => [new Events.AgreementRevised(id, p.TenantId, p.Id, at, e.Agreement.Version,
                e.Agreement.Terms.Select(t => t.OrganizationId).ToList(), e.Agreement.EffectiveDate)],
            AgreementCirculated e => [new Events.AgreementCirculated(id, p.TenantId, p.Id, at, e.Version)],
            AgreementSignatureAdded e => [new Events.AgreementSignatureAdded(id, p.TenantId, p.Id, at, e.Version,
                e.Signature.OrganizationId, e.Signature.SignatoryName, e.Signature.SignatoryTitle, e.Signature.SignedBy ?? "", e.Signature.OnBehalf)],
            AgreementSigned e => Signed(p, e, id),
            CommitteeAdded e => [new Events.CommitteeAdded(id, p.TenantId, p.Id, at, e.Committee.Id, e.Committee.DisplayName,
                e.Committee.Kind.ToString(), e.Committee.Purpose)],
            CommitteeMemberAdded e => [new Events.CommitteeMemberAdded(id, p.TenantId, p.Id, at, e.Committee.Id,
                e.Committee.DisplayName, e.Member.PersonName, e.Member.OrganizationId, e.Member.Represents.ToString())],
            _ => throw new InvalidOperationException($"{domainEvent.GetType().Name} has no integration event; every change must tell others."),
        };
    }

    public static Events.PartnershipProfile Profile(Partnership p) =>
        new(p.DisplayName, p.RegionId, p.Sector.NaicsCode, p.Sector.Title, p.Stage.ToString());

    private static Events.PartnerLeft Left(Partnership p, PartnerLeft e, Guid id)
    {
        var membership = p.Partners.Last(m => m.OrganizationId == e.OrganizationId);
        return new Events.PartnerLeft(id, p.TenantId, p.Id, e.OccurredAt, e.OrganizationId, e.LeaveDate,
            membership.OrganizationName, membership.PartnerType.ToString());
    }

    private static IEnumerable<IIntegrationEvent> Signed(Partnership p, AgreementSigned e, Guid id)
    {
        yield return new Events.AgreementSigned(id, p.TenantId, p.Id, e.OccurredAt, e.Agreement.Version,
            e.Agreement.Signatures.Select(s => s.OrganizationId).ToList(), e.SupersededVersion);
        if (e.SupersededVersion is { } superseded)
        {
            yield return new Events.AgreementSuperseded(Guid.CreateVersion7(e.OccurredAt), p.TenantId, p.Id, e.OccurredAt, superseded, e.Agreement.Version);
        }
    }
}
