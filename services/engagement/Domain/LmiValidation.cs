using SectorMesh.Domain;

namespace SectorMesh.Engagement.Domain;

public enum LmiVerdict { Confirmed, Disputed }

/// <summary>An employer's word on one labor market figure: it matches what they see, or it does not and why.</summary>
public sealed record LmiReview(string DataPoint, string OrganizationId, LmiVerdict Verdict, string Comment)
{
    public static LmiReview Create(string dataPoint, string organizationId, LmiVerdict? verdict, string comment)
    {
        new Violations()
            .RequireText(dataPoint, "review.data_point", 200)
            .Require(verdict is not null, "review.verdict", "is required: CONFIRMED or DISPUTED.")
            .Require(verdict != LmiVerdict.Disputed || !string.IsNullOrWhiteSpace(comment), "review.comment", "must say why the figure is disputed.")
            .OptionalText(comment, "review.comment", 2000)
            .ThrowIfAny();
        return new LmiReview(dataPoint, organizationId, verdict!.Value, comment.Trim());
    }
}

public enum LmiStanding { Unreviewed, Validated, Contested }

public static class LmiValidationView
{
    /// <summary>
    /// A figure is validated when employers confirmed it and none disputes it; one dispute makes it
    /// contested until it is resolved, because a partnership should not cite a figure its employers question.
    /// An employer's latest review counts.
    /// </summary>
    public static LmiStanding Standing(IEnumerable<LmiReview> reviews, string dataPoint)
    {
        var latest = reviews.Where(r => r.DataPoint == dataPoint).GroupBy(r => r.OrganizationId).Select(g => g.Last()).ToList();
        return latest.Count == 0 ? LmiStanding.Unreviewed
            : latest.Any(r => r.Verdict == LmiVerdict.Disputed) ? LmiStanding.Contested
            : LmiStanding.Validated;
    }
}
