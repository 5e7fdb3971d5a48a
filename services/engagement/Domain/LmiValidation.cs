using SectorMesh.Domain;
using SectorMesh.Engagement.Domain.Rules;

namespace SectorMesh.Engagement.Domain;

public enum LmiVerdict { Confirmed, Disputed }

public enum LmiStanding { Unreviewed, Validated, Contested }

/// <summary>An employer's word on one labor market figure: it matches what they see, or it does not and why.</summary>
public sealed class LmiReview : AggregateRoot, IPartnershipRecord
{
    private LmiReview() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DataPoint { get; private set; } = "";
    public string OrganizationId { get; private set; } = "";
    public LmiVerdict Verdict { get; private set; }
    public string Comment { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records the review of <paramref name="reviewer"/>, the engagement of the organization as an employer of the partnership
    /// if it has one; <paramref name="earlier"/> are the figure's earlier reviews, oldest first, so the event can say where
    /// the figure now stands.
    /// </summary>
    public static LmiReview Record(string tenantId, string partnershipId, string dataPoint, string organizationId, EmployerEngagement? reviewer,
        LmiVerdict? verdict, string comment, IEnumerable<LmiReview> earlier, DateTimeOffset now)
    {
        BusinessRules.Check(new LaborMarketFiguresAreReviewedByCurrentEmployerPartners(organizationId, reviewer));
        new Violations()
            .RequireText(dataPoint, "lmi_review.data_point", 200)
            .Require(verdict is not null, "lmi_review.verdict", "is required: LMI_VERDICT_CONFIRMED or LMI_VERDICT_DISPUTED.")
            .Require(verdict != LmiVerdict.Disputed || !string.IsNullOrWhiteSpace(comment), "lmi_review.comment", "must say why the figure is disputed.")
            .OptionalText(comment, "lmi_review.comment", 2000)
            .ThrowIfAny();
        var review = new LmiReview
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = ResourceId.New(),
            DataPoint = dataPoint.Trim(),
            OrganizationId = organizationId,
            Verdict = verdict!.Value,
            Comment = comment.Trim(),
            RecordedAt = now,
        };
        review.Raise(new LmiDataValidated(LmiValidationView.Standing([.. earlier, review], review.DataPoint), now));
        return review;
    }
}

/// <summary>A figure was confirmed or disputed; <see cref="Standing"/> is where it stands after this review.</summary>
public sealed record LmiDataValidated(LmiStanding Standing, DateTimeOffset OccurredAt) : IDomainEvent;

public static class LmiValidationView
{
    /// <summary>
    /// A figure is validated when employers confirmed it and none disputes it; one dispute makes it
    /// contested until it is resolved, because a partnership should not cite a figure its employers question.
    /// An employer's latest review counts; reviews come oldest first.
    /// </summary>
    public static LmiStanding Standing(IEnumerable<LmiReview> reviews, string dataPoint)
    {
        var latest = reviews.Where(r => r.DataPoint == dataPoint).GroupBy(r => r.OrganizationId).Select(g => g.Last()).ToList();
        return latest.Count == 0 ? LmiStanding.Unreviewed
            : latest.Any(r => r.Verdict == LmiVerdict.Disputed) ? LmiStanding.Contested
            : LmiStanding.Validated;
    }
}
