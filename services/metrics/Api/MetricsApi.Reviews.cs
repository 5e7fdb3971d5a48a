using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.Metrics.Api;

public sealed partial class MetricsApi
{
    private static readonly string[] UpdatableReview = ["reflections", "best_practices", "follow_up_actions"];

    /// <summary>Freezes the indicators of the exits in the period (a program year's annual cohorts for an annual review) and the scores as they stand.</summary>
    public override async Task<V1.ProgressReview> CreateProgressReview(V1.CreateProgressReviewRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.ProgressReview ?? new V1.ProgressReview();
        var input = new InputCollector();
        var period = input.Take(() => ReviewPeriod.Parse(given.Period, "progress_review.period"));
        var heldOn = input.Take(() => given.HeldDate.ToDate("progress_review.held_date") ?? throw new InvalidInput("progress_review.held_date", "is required."));
        var actions = input.Take(() => given.FollowUpActions.ToDomain("progress_review.follow_up_actions"));
        input.Finish(() => { });
        var selection = period.Kind == ReviewKind.Annual
            ? CohortSelection.Read(period.Year, "", "", Today)
            : CohortSelection.Read(0, $"{period.Start:yyyy-MM-dd}", $"{period.End:yyyy-MM-dd}", Today);
        var threshold = (await SettingsAsync(tenant, context.CancellationToken)).SuppressionThreshold;
        var indicators = await ReportAsync(tenant, partnership, selection, threshold, context.CancellationToken);
        var scorecard = (await ScoreAsync(tenant, partnership, context.CancellationToken)).Select(s => s.Scorecard).SingleOrDefault()
            ?? Scorecards.Compute(new PartnershipFacts(), ContinuousImprovementFacts.None, Today);
        var review = ProgressReview.Hold(tenant, partnership, period, heldOn, given.Reflections, [.. given.BestPractices], actions,
            ProgressReview.Freeze(indicators, scorecard), clock.GetUtcNow());
        // The scorecard counts reviews held on time.
        await db.AdvancingGenerationAsync(tenant,
            () => db.AddNewAsync(review, Names.ProgressReview.Format(tenant, partnership, review.Id), context.CancellationToken), context.CancellationToken);
        return review.ToProto(db.VersionOf(review));
    }

    public override async Task<V1.ProgressReview> GetProgressReview(V1.GetProgressReviewRequest request, ServerCallContext context)
    {
        var review = await db.Reviews.GetNamedAsync(Names.ProgressReview.Parse(request.Name, "name"), request.Name, context.CancellationToken);
        return review.ToProto(db.VersionOf(review));
    }

    public override async Task<V1.ListProgressReviewsResponse> ListProgressReviews(V1.ListProgressReviewsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (reviews, next) = await db.Reviews.Where(r => r.TenantId == tenant && r.PartnershipId == partnership)
            .PageAsync(r => r.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListProgressReviewsResponse { ProgressReviews = { reviews.Select(r => r.ToProto(db.VersionOf(r))) }, NextPageToken = next };
    }

    public override async Task<V1.ProgressReview> UpdateProgressReview(V1.UpdateProgressReviewRequest request, ServerCallContext context)
    {
        var name = request.ProgressReview?.Name ?? "";
        var review = await db.Reviews.GetNamedAsync(Names.ProgressReview.Parse(name, "progress_review.name"), name, context.CancellationToken);
        Etags.Ensure(request.ProgressReview!.Etag, db.VersionOf(review), name);
        var paths = UpdateMasks.Read(request.UpdateMask, UpdatableReview);
        var given = request.ProgressReview;
        review.Revise(paths.Contains("reflections") ? given.Reflections : null, paths.Contains("best_practices") ? [.. given.BestPractices] : null,
            paths.Contains("follow_up_actions") ? given.FollowUpActions.ToDomain("progress_review.follow_up_actions") : null, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return review.ToProto(db.VersionOf(review));
    }

    public override async Task<V1.ReviewSchedule> GetReviewSchedule(V1.GetReviewScheduleRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.ReviewSchedule.Parse(request.Name, "name");
        var (schedule, reviews) = await ScheduleAsync(tenant, partnership, context.CancellationToken);
        return new V1.ReviewSchedule
        {
            Name = request.Name,
            Reviews = { schedule.Select(s => s.ToProto(tenant, partnership)) },
            OverdueActions =
            {
                reviews.SelectMany(r => r.Overdue(Today).Select(o => (Review: r, o.Action, o.DaysOverdue)))
                    .OrderByDescending(o => o.DaysOverdue)
                    .Select(o => new V1.OverdueFollowUpAction
                    {
                        ProgressReview = Names.ProgressReview.Format(tenant, partnership, o.Review.Id), Action = o.Action.ToProto(), DaysOverdue = o.DaysOverdue,
                    }),
            },
        };
    }

    private async Task<(IReadOnlyList<ScheduledReview> Schedule, List<ProgressReview> Reviews)> ScheduleAsync(string tenant, string partnership,
        CancellationToken cancellationToken)
    {
        var created = (await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenant && p.PartnershipId == partnership, cancellationToken))
            ?.Facts.CreatedOn;
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.TenantId == tenant && r.PartnershipId == partnership).ToListAsync(cancellationToken);
        return (created is { } since ? ReviewSchedules.For(since, reviews, Today) : [], reviews);
    }
}
