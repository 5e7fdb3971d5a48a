using System.Globalization;
using SectorMesh.Domain;

namespace SectorMesh.Metrics.Domain;

/// <summary>What a goal's metric is measured by: a figure the platform computes, or figures entered by hand.</summary>
public enum MeasureKind
{
    ParticipantsEnrolled,
    CredentialsAttained,
    PlacementsInQualityJobs,
    EmployersCollaboratingOrLeading,
    HiresCommitted,
    CommitmentFulfilment,
    WorkBasedLearningPlacesFilled,
    EnteredByHand,
}

/// <summary>One quarter's figure of a measure: entered by hand, or computed.</summary>
public sealed record QuarterFigure(string Quarter, decimal Value);

/// <summary>The binding of one of a partnership's goals (by its metric, as the goal names it) to what measures it.</summary>
public sealed class GoalMeasure : AggregateRoot, IPartnershipRecord
{
    private GoalMeasure() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string Metric { get; private set; } = "";
    public MeasureKind Kind { get; private set; }
    public List<QuarterFigure> HandFigures { get; private set; } = [];

    public static GoalMeasure Bind(string tenantId, string partnershipId, string id, string metric, MeasureKind? kind, DateTimeOffset now)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "goal_measure_id", ResourceId.Rule)
            .RequireText(metric, "goal_measure.metric", 200)
            .Require(kind is not null, "goal_measure.kind", "is required: a computed measure, or entered by hand.")
            .ThrowIfAny();
        var measure = new GoalMeasure { TenantId = tenantId, PartnershipId = partnershipId, Id = id, Metric = metric.Trim(), Kind = kind!.Value };
        measure.Raise(new GoalMeasureBound(now));
        return measure;
    }

    /// <summary>A quarter's figure of a measure entered by hand; a later figure for the quarter replaces the earlier one.</summary>
    public void RecordFigure(string quarter, decimal value, DateTimeOffset now)
    {
        var period = ReviewPeriod.Parse(quarter, "quarter");
        new Violations()
            .Require(Kind == MeasureKind.EnteredByHand, "quarter", $"figures are entered only for a measure entered by hand; this one is computed ({Kind}).")
            .Require(period.Kind == ReviewKind.Quarterly, "quarter", "must be a calendar quarter such as 2026-Q1.")
            .Require(value is >= 0 and < 1_000_000_000, "value", "must be between 0 and 999,999,999.")
            .ThrowIfAny();
        HandFigures.RemoveAll(f => f.Quarter == period.ToString());
        HandFigures.Add(new QuarterFigure(period.ToString(), value));
        HandFigures.Sort((a, b) => string.CompareOrdinal(a.Quarter, b.Quarter));
        Raise(new GoalFigureRecorded(now));
    }
}

public sealed record GoalMeasureBound(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record GoalFigureRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>What the computed measures are read from: the partnership's facts and the dates of its periods' entries and credentials.</summary>
public sealed record MeasureInputs(PartnershipFacts Facts, IReadOnlyList<DateOnly> Entries, IReadOnlyList<DateOnly> Credentials);

/// <summary>
/// One goal against its target: the value now, each quarter's, whether it is on track, and what it is computed from. A
/// count adds up quarter by quarter; a state (employers, fulfilment, places) is its value now.
/// </summary>
public sealed record GoalProgress(GoalFact Goal, MeasureKind? Kind, decimal? Current, IReadOnlyList<QuarterFigure> ByQuarter, bool? OnTrack, string Explanation);

public static class GoalProgressCalculator
{
    public static IReadOnlyList<GoalProgress> Compute(IReadOnlyList<GoalFact> goals, IReadOnlyCollection<GoalMeasure> measures, MeasureInputs inputs,
        DateOnly today)
    {
        var start = inputs.Facts.CreatedOn ?? today;
        return [.. goals.Select(goal =>
        {
            var measure = measures.FirstOrDefault(m => string.Equals(m.Metric, goal.Metric.Trim(), StringComparison.OrdinalIgnoreCase));
            if (measure is null)
            {
                return new GoalProgress(goal, null, null, [], null, $"\"{goal.Metric}\" is bound to no measure yet.");
            }
            var (dated, current, source) = Read(measure, inputs);
            var byQuarter = dated is null ? [] : Quarters(dated);
            // A count is expected to grow evenly from the partnership's creation to the goal's due date; a rate or a state is
            // expected at its target now.
            var expected = dated is not null && goal.DueDate is { } due && due > start
                ? (decimal)goal.Target * Math.Clamp((decimal)(today.DayNumber - start.DayNumber) / (due.DayNumber - start.DayNumber), 0, 1)
                : (decimal)goal.Target;
            var onTrack = current >= expected;
            return new GoalProgress(goal, measure.Kind, current, byQuarter, onTrack,
                $"{Shown(current)} of the target {Shown((decimal)goal.Target)}, {source}; " + (onTrack
                    ? "on track."
                    : $"behind: {Shown(decimal.Round(expected, 1))} expected by {today:yyyy-MM-dd}" + (goal.DueDate is { } d ? $" for {d:yyyy-MM-dd}." : ".")));
        })];
    }

    /// <summary>The dated amounts a count is made of (null for a state), its value now, and what it is computed from.</summary>
    private static (IReadOnlyList<(DateOnly Date, decimal Amount)>? Dated, decimal Current, string Source) Read(GoalMeasure measure, MeasureInputs inputs)
    {
        var f = inputs.Facts;
        IReadOnlyList<(DateOnly, decimal)> Count(IEnumerable<DateOnly> dates) => [.. dates.Select(d => (d, 1m))];
        switch (measure.Kind)
        {
            case MeasureKind.ParticipantsEnrolled:
                return (Count(inputs.Entries), inputs.Entries.Count, "counting periods of participation by entry date");
            case MeasureKind.CredentialsAttained:
                return (Count(inputs.Credentials), inputs.Credentials.Count, "counting credentials attained by their date");
            case MeasureKind.PlacementsInQualityJobs:
                var quality = f.Placements.Values.Where(p => p.MeetsGuidelines == true).Select(p => p.StartDate).ToList();
                return (Count(quality), quality.Count, "counting placements that meet the job quality guidelines, by start date");
            case MeasureKind.HiresCommitted:
                var hires = f.HiresCommitted.Values.Select(h => (h.Date, (decimal)h.Hires)).ToList();
                return (hires, hires.Sum(h => h.Item2), "adding the hires employers committed to");
            case MeasureKind.EmployersCollaboratingOrLeading:
                return (null, f.EmployersCollaboratingOrLeading(), "employers collaborating or leading now");
            case MeasureKind.CommitmentFulfilment:
                var pledged = f.Pledged();
                return (null, pledged == 0 ? 0 : decimal.Round(f.Delivered() / pledged, 4), "the share of pledged resources delivered now");
            case MeasureKind.WorkBasedLearningPlacesFilled:
                return (null, f.PlacesFilled(), "work-based learning places filled now");
            default:
                var entered = measure.HandFigures.Select(h => (ReviewPeriod.Parse(h.Quarter, "quarter").End, h.Value)).ToList();
                return (entered, entered.Sum(e => e.Value), $"adding the {entered.Count} quarterly figure(s) entered by hand");
        }
    }

    private static List<QuarterFigure> Quarters(IReadOnlyList<(DateOnly Date, decimal Amount)> dated) =>
    [
        .. dated.GroupBy(d => new ReviewPeriod(ReviewKind.Quarterly, d.Date.Year, (d.Date.Month - 1) / 3 + 1).ToString())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QuarterFigure(g.Key, g.Sum(x => x.Amount))),
    ];

    private static string Shown(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
