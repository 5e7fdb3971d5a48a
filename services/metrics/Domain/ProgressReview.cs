using System.Globalization;
using System.Text.RegularExpressions;
using SectorMesh.Domain;
using SectorMesh.Metrics.Domain.Rules;

namespace SectorMesh.Metrics.Domain;

public enum ReviewKind { Quarterly, Annual }

public enum FollowUpStatus { Open, Done }

public sealed record FollowUpAction(string Description, string Owner, DateOnly DueDate, FollowUpStatus Status);

/// <summary>A figure as it stood when a review was recorded: an indicator (with numerator and denominator) or an area's score.</summary>
public sealed record FrozenFigure(string Key, string Title, long? Numerator, long? Denominator, decimal? Value, string Explanation);

/// <summary>A period a partnership reviews: a calendar quarter (2026-Q1), or a program year, July 1 to June 30 (PY2025).</summary>
public sealed partial record ReviewPeriod(ReviewKind Kind, int Year, int Quarter)
{
    public DateOnly Start => Kind == ReviewKind.Quarterly ? new DateOnly(Year, (Quarter - 1) * 3 + 1, 1) : new DateOnly(Year, 7, 1);

    public DateOnly End => Kind == ReviewKind.Quarterly ? Start.AddMonths(3).AddDays(-1) : new DateOnly(Year + 1, 6, 30);

    /// <summary>A quarter's review is due 30 days after it ends, a program year's 60 days after.</summary>
    public DateOnly DueDate => End.AddDays(Kind == ReviewKind.Quarterly ? 30 : 60);

    public string Id => ToString().ToLowerInvariant();

    public override string ToString() => Kind == ReviewKind.Quarterly
        ? string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}")
        : string.Create(CultureInfo.InvariantCulture, $"PY{Year}");

    public static ReviewPeriod Parse(string text, string field)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new InvalidInput(field, "must be a calendar quarter such as 2026-Q1 or a program year such as PY2025.");
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            throw new InvalidInput(field, "must fall in the years 2000 to 2100.");
        }
        return match.Groups["quarter"].Success
            ? new ReviewPeriod(ReviewKind.Quarterly, year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture))
            : new ReviewPeriod(ReviewKind.Annual, year, 0);
    }

    [GeneratedRegex(@"^(?:(?<year>[0-9]{4})-[Qq](?<quarter>[1-4])|[Pp][Yy](?<year>[0-9]{4}))\z")]
    private static partial Regex Pattern();
}

/// <summary>
/// A quarterly or annual progress review (Framework element 5): held after its period, with the partners' reflections, best
/// practices and follow-up actions, and the figures of the period frozen as they stood.
/// </summary>
public sealed class ProgressReview : AggregateRoot, IPartnershipRecord
{
    private ProgressReview() { }

    public const int MaxActions = 50;
    public const int MaxPractices = 20;

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public ReviewPeriod Period { get; private set; } = null!;
    public DateOnly HeldOn { get; private set; }
    public string Reflections { get; private set; } = "";
    public List<string> BestPractices { get; private set; } = [];
    public List<FollowUpAction> Actions { get; private set; } = [];
    public List<FrozenFigure> Figures { get; private set; } = [];

    public bool HeldOnTime => HeldOn <= Period.DueDate;

    public static ProgressReview Hold(string tenantId, string partnershipId, ReviewPeriod period, DateOnly heldOn, string reflections,
        IReadOnlyList<string> bestPractices, IReadOnlyList<FollowUpAction> actions, IReadOnlyList<FrozenFigure> figures, DateTimeOffset now)
    {
        BusinessRules.Check(new ReviewFollowsItsPeriod(period.ToString(), period.End, heldOn));
        new Violations().Require(heldOn <= DateOnly.FromDateTime(now.UtcDateTime), "progress_review.held_date", "must not be in the future.").ThrowIfAny();
        var review = new ProgressReview
        {
            TenantId = tenantId, PartnershipId = partnershipId, Id = period.Id, Period = period, HeldOn = heldOn, Figures = [.. figures],
        };
        review.Record(reflections, bestPractices, actions);
        review.Raise(new ProgressReviewHeld(now));
        return review;
    }

    public void Revise(string? reflections, IReadOnlyList<string>? bestPractices, IReadOnlyList<FollowUpAction>? actions, DateTimeOffset now)
    {
        Record(reflections ?? Reflections, bestPractices ?? BestPractices, actions ?? Actions);
        Raise(new ProgressReviewRevised(now));
    }

    /// <summary>What a review freezes: each indicator's total over the period, and each area's score.</summary>
    public static IReadOnlyList<FrozenFigure> Freeze(IReadOnlyList<IndicatorResult> indicators, PartnershipScorecard scorecard) =>
    [
        .. indicators.Select(r => new FrozenFigure(r.Indicator.Key(), r.Indicator.ToString(),
            r.Total.Numerator, r.Total.Denominator, r.Total.Value, r.Total.Explanation)),
        .. scorecard.Areas.Select(a => new FrozenFigure(a.Area, a.Title, null, null, a.Score, a.Explanation)),
    ];

    /// <summary>The open follow-up actions past their due date.</summary>
    public IEnumerable<(FollowUpAction Action, int DaysOverdue)> Overdue(DateOnly today) =>
        Actions.Where(a => a.Status == FollowUpStatus.Open && a.DueDate < today).Select(a => (a, today.DayNumber - a.DueDate.DayNumber));

    private void Record(string reflections, IReadOnlyList<string> bestPractices, IReadOnlyList<FollowUpAction> actions)
    {
        var violations = new Violations()
            .OptionalText(reflections, "progress_review.reflections", 10_000)
            .Require(bestPractices.Count <= MaxPractices, "progress_review.best_practices", $"holds at most {MaxPractices} practices.")
            .Require(actions.Count <= MaxActions, "progress_review.follow_up_actions", $"holds at most {MaxActions} actions.");
        for (var i = 0; i < bestPractices.Count; i++)
        {
            violations.RequireText(bestPractices[i], $"progress_review.best_practices[{i}]", 500);
        }
        for (var i = 0; i < actions.Count; i++)
        {
            violations.RequireText(actions[i].Description, $"progress_review.follow_up_actions[{i}].description", 500)
                .RequireText(actions[i].Owner, $"progress_review.follow_up_actions[{i}].owner", 200);
        }
        violations.ThrowIfAny();
        Reflections = reflections.Trim();
        BestPractices = [.. bestPractices.Select(p => p.Trim())];
        Actions = [.. actions.Select(a => a with { Description = a.Description.Trim(), Owner = a.Owner.Trim() })];
    }
}

public sealed record ProgressReviewHeld(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ProgressReviewRevised(DateTimeOffset OccurredAt) : IDomainEvent;

public enum ScheduleStatus { HeldOnTime, HeldLate, Due, Overdue }

public sealed record ScheduledReview(ReviewPeriod Period, ScheduleStatus Status, ProgressReview? Review);

/// <summary>The reviews a partnership owes: every calendar quarter and program year that began on or after it was created and has ended.</summary>
public static class ReviewSchedules
{
    public static IReadOnlyList<ScheduledReview> For(DateOnly created, IReadOnlyCollection<ProgressReview> held, DateOnly today)
    {
        var periods = new List<ReviewPeriod>();
        for (var q = new ReviewPeriod(ReviewKind.Quarterly, created.Year, (created.Month - 1) / 3 + 1); q.End < today; q = Next(q))
        {
            if (q.Start >= created)
            {
                periods.Add(q);
            }
        }
        for (var year = CohortSelection.ProgramYearOf(created); new ReviewPeriod(ReviewKind.Annual, year, 0).End < today; year++)
        {
            if (new ReviewPeriod(ReviewKind.Annual, year, 0).Start >= created)
            {
                periods.Add(new ReviewPeriod(ReviewKind.Annual, year, 0));
            }
        }
        var byId = held.ToDictionary(r => r.Id);
        return [.. periods.OrderBy(p => p.End).ThenBy(p => p.Kind).Select(p => byId.TryGetValue(p.Id, out var review)
            ? new ScheduledReview(p, review.HeldOnTime ? ScheduleStatus.HeldOnTime : ScheduleStatus.HeldLate, review)
            : new ScheduledReview(p, today > p.DueDate ? ScheduleStatus.Overdue : ScheduleStatus.Due, null))];
    }

    private static ReviewPeriod Next(ReviewPeriod q) => q.Quarter == 4 ? q with { Year = q.Year + 1, Quarter = 1 } : q with { Quarter = q.Quarter + 1 };
}
