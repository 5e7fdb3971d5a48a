using SectorMesh.Domain;
using SectorMesh.Metrics.Domain;

namespace SectorMesh.UnitTests.Metrics;

/// <summary>Goals measured: each goal's metric bound to a computed measure or to figures entered by hand, against its target.</summary>
public class GoalProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static readonly GoalFact Enrol = new("Enrol 100 participants by 2027", "Participants enrolled", 100, new DateOnly(2027, 1, 1));

    private static PartnershipFacts CreatedOn(DateOnly created) => new() { CreatedOn = created };

    private static GoalMeasure Measure(string metric, MeasureKind kind) => GoalMeasure.Bind("ohio", "healthcare", "m-1", metric, kind, Now);

    [Fact]
    public void A_count_is_on_track_when_it_keeps_pace_with_an_even_path_to_the_due_date()
    {
        var entries = Enumerable.Range(0, 60).Select(i => new DateOnly(2026, 1, 10).AddDays(i * 5)).ToList();

        var progress = GoalProgressCalculator.Compute([Enrol], [Measure("participants enrolled", MeasureKind.ParticipantsEnrolled)],
            new MeasureInputs(CreatedOn(new DateOnly(2026, 1, 1)), entries, []), Today).Single();

        Assert.Equal((60m, false), (progress.Current, progress.OnTrack));
        Assert.Equal("60 of the target 100, counting periods of participation by entry date; behind: 92.1 expected by 2026-12-03 for 2027-01-01.", progress.Explanation);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], progress.ByQuarter.Select(q => q.Quarter));
    }

    [Fact]
    public void Figures_entered_by_hand_add_up_by_quarter_and_a_later_one_replaces_the_quarters_earlier_one()
    {
        var measure = Measure("Employers hosting tours", MeasureKind.EnteredByHand);
        measure.RecordFigure("2026-Q1", 4, Now);
        measure.RecordFigure("2026-q2", 3, Now);
        measure.RecordFigure("2026-Q1", 5, Now);

        var progress = GoalProgressCalculator.Compute([new GoalFact("Tours", "employers hosting tours", 8, null)], [measure],
            new MeasureInputs(CreatedOn(new DateOnly(2026, 1, 1)), [], []), Today).Single();

        Assert.Equal((8m, true), (progress.Current, progress.OnTrack));
        Assert.Equal([new QuarterFigure("2026-Q1", 5), new QuarterFigure("2026-Q2", 3)], progress.ByQuarter);
    }

    [Fact]
    public void A_computed_measure_takes_no_figure_by_hand()
    {
        var refused = Assert.Throws<InvalidInput>(() => Measure("Participants enrolled", MeasureKind.ParticipantsEnrolled).RecordFigure("2026-Q1", 4, Now));

        Assert.Equal("quarter", refused.Violations.Single().Field);
    }

    [Fact]
    public void A_goal_whose_metric_no_measure_is_bound_to_says_so()
    {
        var progress = GoalProgressCalculator.Compute([Enrol], [], new MeasureInputs(new PartnershipFacts(), [], []), Today).Single();

        Assert.Equal((null, null, "\"Participants enrolled\" is bound to no measure yet."), (progress.Kind, progress.OnTrack, progress.Explanation));
    }

    [Fact]
    public void Commitment_fulfilment_is_a_state_measured_against_its_target_now()
    {
        var facts = new PartnershipFacts { Commitments = { ["c"] = new(1, 1000m) }, Contributions = { ["c#2"] = 950m } };

        var progress = GoalProgressCalculator.Compute([new GoalFact("Deliver what we pledge", "Fulfilment", 0.9, null)],
            [Measure("fulfilment", MeasureKind.CommitmentFulfilment)], new MeasureInputs(facts, [], []), Today).Single();

        Assert.Equal((0.95m, true), (progress.Current, progress.OnTrack));
    }
}
