using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts.Events;
using SectorMesh.Messaging;
using SectorMesh.Metrics.Domain;
using Engagement = SectorMesh.Contracts.Events.Engagement;
using Partnerships = SectorMesh.Contracts.Events.Partnerships;
using Pathways = SectorMesh.Contracts.Events.Pathways;
using Resources = SectorMesh.Contracts.Events.Resources;

namespace SectorMesh.Metrics.Data;

/// <summary>
/// Folds one kind of event from another service into the partnership's facts, in the consumer's transaction, with the
/// partnership's row locked so two consumers never overwrite each other's change, and the tenant's generation advanced so
/// no scorecard computed before is served again.
/// </summary>
public abstract class PartnershipFactsProjection<TEvent>(MetricsDbContext db, TimeProvider clock, ILogger logger, ProjectionMetrics metrics, string source)
    : IdempotentConsumer<TEvent, MetricsDbContext>(db, clock, logger)
    where TEvent : class, IIntegrationEvent
{
    protected override async Task HandleAsync(TEvent m, CancellationToken cancellationToken)
    {
        var held = await Db.LockPartnershipAsync(m.TenantId, m.PartnershipId, cancellationToken);
        Apply(held.Facts, m);
        // A jsonb document changed in place is not seen by the change tracker.
        Db.Entry(held).Property(p => p.Facts).IsModified = true;
        await Db.AdvanceGenerationAsync(m.TenantId, cancellationToken);
        metrics.Applied(source, m.OccurredAt);
    }

    protected abstract void Apply(PartnershipFacts facts, TEvent m);

    protected static Domain.PartnershipProfile ProfileOf(Partnerships.PartnershipProfile p) => new(p.DisplayName, p.RegionId, p.NaicsCode, p.SectorTitle, p.Stage);

    /// <summary>A stable key for a committee member that holds nothing of the person.</summary>
    protected static string Pseudonym(params string?[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..24];
}

public sealed class OnPartnershipCreated(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnershipCreated> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnershipCreated>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnershipCreated m)
    {
        f.Profile = PartnershipFacts.Newer(f.Profile, m.AggregateVersion, new Domain.PartnershipProfile(m.DisplayName, m.RegionId, m.NaicsCode, m.SectorTitle, m.Stage));
        f.CreatedOn = DateOnly.FromDateTime(m.OccurredAt.UtcDateTime);
    }
}

public sealed class OnPartnershipStageChanged(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnershipStageChanged> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnershipStageChanged>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnershipStageChanged m) =>
        f.Profile = PartnershipFacts.Newer(f.Profile, m.AggregateVersion, m.Profile is { } p ? ProfileOf(p)
            : (f.Profile?.Value ?? new Domain.PartnershipProfile("", "", "", "", "")) with { Stage = m.ToStage });
}

public sealed class OnPartnershipRenamed(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnershipRenamed> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnershipRenamed>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnershipRenamed m) =>
        f.Profile = PartnershipFacts.Newer(f.Profile, m.AggregateVersion, ProfileOf(m.Profile));
}

public sealed class OnPartnershipMoved(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnershipMoved> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnershipMoved>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnershipMoved m) =>
        f.Profile = PartnershipFacts.Newer(f.Profile, m.AggregateVersion, ProfileOf(m.Profile));
}

public sealed class OnPartnershipRetargeted(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnershipRetargeted> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnershipRetargeted>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnershipRetargeted m) =>
        f.Profile = PartnershipFacts.Newer(f.Profile, m.AggregateVersion, ProfileOf(m.Profile));
}

/// <summary>The snapshot Partnerships' `republish` sends: the profile and partners as they stand.</summary>
public sealed class OnPartnershipSnapshot(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnershipSnapshot> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnershipSnapshot>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnershipSnapshot m)
    {
        f.Profile = PartnershipFacts.Newer(f.Profile, m.AggregateVersion, ProfileOf(m.Profile));
        foreach (var partner in m.Partners)
        {
            PartnershipFacts.Newer(f.Partners, partner.OrganizationId, m.AggregateVersion, new PartnerFact(partner.PartnerType, partner.Current));
        }
    }
}

public sealed class OnPartnershipPurposeChanged(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnershipPurposeChanged> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnershipPurposeChanged>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnershipPurposeChanged m) =>
        f.HasVision = PartnershipFacts.Newer(f.HasVision, m.AggregateVersion, !string.IsNullOrWhiteSpace(m.Vision));
}

public sealed class OnAgreementSigned(MetricsDbContext db, TimeProvider clock, ILogger<OnAgreementSigned> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.AgreementSigned>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.AgreementSigned m) =>
        f.SignedAgreementVersion = PartnershipFacts.Newer(f.SignedAgreementVersion, m.AggregateVersion, m.Version);
}

public sealed class OnGoalSet(MetricsDbContext db, TimeProvider clock, ILogger<OnGoalSet> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.GoalSet>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.GoalSet m) =>
        f.Goals = PartnershipFacts.Newer(f.Goals, m.AggregateVersion, m.Goals.Select(g => new GoalFact(g.Statement, g.Metric, g.Target, g.DueDate)).ToList());
}

public sealed class OnPartnerJoined(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnerJoined> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnerJoined>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnerJoined m) =>
        PartnershipFacts.Newer(f.Partners, m.OrganizationId, m.AggregateVersion, new PartnerFact(m.PartnerType, true));
}

public sealed class OnPartnerLeft(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnerLeft> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.PartnerLeft>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.PartnerLeft m) =>
        PartnershipFacts.Newer(f.Partners, m.OrganizationId, m.AggregateVersion, new PartnerFact(m.PartnerType, false));
}

public sealed class OnCommitteeAdded(MetricsDbContext db, TimeProvider clock, ILogger<OnCommitteeAdded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.CommitteeAdded>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.CommitteeAdded m) => f.Committees[m.CommitteeId] = m.Kind;
}

public sealed class OnCommitteeMemberAdded(MetricsDbContext db, TimeProvider clock, ILogger<OnCommitteeMemberAdded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Partnerships.CommitteeMemberAdded>(db, clock, logger, metrics, "partnerships")
{
    protected override void Apply(PartnershipFacts f, Partnerships.CommitteeMemberAdded m)
    {
        f.Committees.TryAdd(m.CommitteeId, "");
        f.CommitteeMembers[Pseudonym(m.CommitteeId, m.PersonName, m.OrganizationId)] = new CommitteeMemberFact(m.CommitteeId, m.Represents);
    }
}

public sealed class OnPartnershipDeleted(MetricsDbContext db, TimeProvider clock, ILogger<OnPartnershipDeleted> logger, ProjectionMetrics metrics)
    : IdempotentConsumer<Partnerships.PartnershipDeleted, MetricsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(Partnerships.PartnershipDeleted m, CancellationToken cancellationToken)
    {
        await Db.Partnerships.Where(p => p.TenantId == m.TenantId && p.PartnershipId == m.PartnershipId).ExecuteDeleteAsync(cancellationToken);
        await Db.AdvanceGenerationAsync(m.TenantId, cancellationToken);
        metrics.Applied("partnerships", m.OccurredAt);
    }
}

public sealed class OnFundingSourceRecorded(MetricsDbContext db, TimeProvider clock, ILogger<OnFundingSourceRecorded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Resources.FundingSourceRecorded>(db, clock, logger, metrics, "resources")
{
    protected override void Apply(PartnershipFacts f, Resources.FundingSourceRecorded m) =>
        PartnershipFacts.Newer(f.FundingSources, m.FundingSourceId, m.AggregateVersion, new FundingFact(m.Kind, m.Status, m.Amount, m.Funder));
}

public sealed class OnFundingAwarded(MetricsDbContext db, TimeProvider clock, ILogger<OnFundingAwarded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Resources.FundingAwarded>(db, clock, logger, metrics, "resources")
{
    protected override void Apply(PartnershipFacts f, Resources.FundingAwarded m) =>
        PartnershipFacts.Newer(f.FundingSources, m.FundingSourceId, m.AggregateVersion,
            new FundingFact(m.Kind, "Awarded", m.Amount, f.FundingSources.GetValueOrDefault(m.FundingSourceId)?.Value.Funder));
}

public sealed class OnCommitmentRecorded(MetricsDbContext db, TimeProvider clock, ILogger<OnCommitmentRecorded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Resources.CommitmentRecorded>(db, clock, logger, metrics, "resources")
{
    protected override void Apply(PartnershipFacts f, Resources.CommitmentRecorded m) =>
        PartnershipFacts.Newer(f.Commitments, m.CommitmentId, m.AggregateVersion, m.Value);
}

public sealed class OnContributionRecorded(MetricsDbContext db, TimeProvider clock, ILogger<OnContributionRecorded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Resources.ContributionRecorded>(db, clock, logger, metrics, "resources")
{
    protected override void Apply(PartnershipFacts f, Resources.ContributionRecorded m) => f.Contributions[$"{m.CommitmentId}#{m.AggregateVersion}"] = m.Value;
}

public sealed class OnEmployerEngagementRecorded(MetricsDbContext db, TimeProvider clock, ILogger<OnEmployerEngagementRecorded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Engagement.EmployerEngagementRecorded>(db, clock, logger, metrics, "engagement")
{
    protected override void Apply(PartnershipFacts f, Engagement.EmployerEngagementRecorded m)
    {
        PartnershipFacts.Newer(f.EmployerLevels, m.OrganizationId, m.AggregateVersion, m.Level);
        if (m.ActivityKind == "HiringCommitment")
        {
            f.HiresCommitted[$"{m.OrganizationId}#{m.AggregateVersion}"] = new HiresFact(DateOnly.FromDateTime(m.OccurredAt.UtcDateTime), m.ActivityQuantity);
        }
    }
}

public sealed class OnMeetingHeld(MetricsDbContext db, TimeProvider clock, ILogger<OnMeetingHeld> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Engagement.MeetingHeld>(db, clock, logger, metrics, "engagement")
{
    protected override void Apply(PartnershipFacts f, Engagement.MeetingHeld m) => f.Meetings[m.MeetingId] = new MeetingFact(m.Date, m.ActionItems);
}

public sealed class OnActionItemCompleted(MetricsDbContext db, TimeProvider clock, ILogger<OnActionItemCompleted> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Engagement.ActionItemCompleted>(db, clock, logger, metrics, "engagement")
{
    protected override void Apply(PartnershipFacts f, Engagement.ActionItemCompleted m) => f.CompletedActions[$"{m.MeetingId}#{m.ActionItem}"] = m.CompletedLate;
}

public sealed class OnLmiDataValidated(MetricsDbContext db, TimeProvider clock, ILogger<OnLmiDataValidated> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Engagement.LmiDataValidated>(db, clock, logger, metrics, "engagement")
{
    protected override void Apply(PartnershipFacts f, Engagement.LmiDataValidated m) =>
        PartnershipFacts.Newer(f.LmiStandings, m.DataPoint, m.AggregateVersion, m.Standing);
}

public sealed class OnCareerPathwayDefined(MetricsDbContext db, TimeProvider clock, ILogger<OnCareerPathwayDefined> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Pathways.CareerPathwayDefined>(db, clock, logger, metrics, "pathways")
{
    protected override void Apply(PartnershipFacts f, Pathways.CareerPathwayDefined m) => f.CareerPathways[m.CareerPathwayId] = m.DisplayName;
}

public sealed class OnWorkBasedLearningOffered(MetricsDbContext db, TimeProvider clock, ILogger<OnWorkBasedLearningOffered> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Pathways.WorkBasedLearningOffered>(db, clock, logger, metrics, "pathways")
{
    protected override void Apply(PartnershipFacts f, Pathways.WorkBasedLearningOffered m) =>
        PartnershipFacts.Newer(f.WorkBasedLearning, m.OpportunityId, m.AggregateVersion, new PlacesFact(m.PlacesOffered, m.PlacesFilled));
}

public sealed class OnWorkBasedLearningPlacesFilled(MetricsDbContext db, TimeProvider clock, ILogger<OnWorkBasedLearningPlacesFilled> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Pathways.WorkBasedLearningPlacesFilled>(db, clock, logger, metrics, "pathways")
{
    protected override void Apply(PartnershipFacts f, Pathways.WorkBasedLearningPlacesFilled m) =>
        PartnershipFacts.Newer(f.WorkBasedLearning, m.OpportunityId, m.AggregateVersion, new PlacesFact(m.PlacesOffered, m.PlacesFilled));
}

public sealed class OnWorkerFeedbackRecorded(MetricsDbContext db, TimeProvider clock, ILogger<OnWorkerFeedbackRecorded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Pathways.WorkerFeedbackRecorded>(db, clock, logger, metrics, "pathways")
{
    protected override void Apply(PartnershipFacts f, Pathways.WorkerFeedbackRecorded m) => f.WorkerFeedback[m.FeedbackId ?? m.MessageId.ToString()] = m.Rating;
}

public sealed class OnPlacementRecorded(MetricsDbContext db, TimeProvider clock, ILogger<OnPlacementRecorded> logger, ProjectionMetrics metrics)
    : PartnershipFactsProjection<Pathways.PlacementRecorded>(db, clock, logger, metrics, "pathways")
{
    protected override void Apply(PartnershipFacts f, Pathways.PlacementRecorded m) => f.Placements[m.PlacementId] = new PlacementFact(m.StartDate, m.MeetsGuidelines);
}
