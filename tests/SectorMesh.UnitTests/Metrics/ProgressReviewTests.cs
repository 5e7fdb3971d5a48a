using SectorMesh.Domain;
using SectorMesh.Metrics.Domain;

namespace SectorMesh.UnitTests.Metrics;

/// <summary>Quarterly and annual progress reviews: when they fall due, when they are late, and what they keep.</summary>
public class ProgressReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static ProgressReview Held(string period, DateOnly on, params FollowUpAction[] actions) =>
        ProgressReview.Hold("ohio", "healthcare", ReviewPeriod.Parse(period, "period"), on, "We placed fewer than planned.", ["Employer-led cohorts"], actions, [], Now);

    [Theory]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "2026-04-30")]
    [InlineData("py2025", "2025-07-01", "2026-06-30", "2026-08-29")]
    public void A_period_is_a_calendar_quarter_due_30_days_after_or_a_program_year_due_60_days_after(string text, string start, string end, string due)
    {
        var period = ReviewPeriod.Parse(text, "period");

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), DateOnly.Parse(due)), (period.Start, period.End, period.DueDate));
    }

    [Fact]
    public void A_period_written_otherwise_is_refused_naming_the_field()
    {
        Assert.Equal("progress_review.period", Assert.Throws<InvalidInput>(() => ReviewPeriod.Parse("Q1 2026", "progress_review.period")).Violations.Single().Field);
    }

    [Fact]
    public void A_review_is_held_after_its_period_ends()
    {
        var refused = Assert.Throws<BusinessRuleBroken>(() => Held("2026-Q4", new DateOnly(2026, 12, 1)));

        Assert.Contains("held after the period ends on 2026-12-31", refused.Message);
    }

    [Fact]
    public void A_review_held_after_its_due_date_is_late()
    {
        Assert.Equal((true, false), (Held("2026-Q1", new DateOnly(2026, 4, 20)).HeldOnTime, Held("2026-Q2", new DateOnly(2026, 8, 15)).HeldOnTime));
    }

    [Fact]
    public void The_schedule_lists_each_ended_quarter_and_year_since_creation_with_what_is_overdue()
    {
        var schedule = ReviewSchedules.For(new DateOnly(2026, 1, 15), [Held("2026-Q2", new DateOnly(2026, 7, 10)), Held("2026-Q3", new DateOnly(2026, 11, 20))], Today);

        Assert.Equal([("2026-Q2", ScheduleStatus.HeldOnTime), ("2026-Q3", ScheduleStatus.HeldLate)],
            schedule.Select(s => (s.Period.ToString(), s.Status)));
    }

    [Fact]
    public void A_quarter_ended_but_not_yet_due_is_due_and_one_past_its_due_date_unheld_is_overdue()
    {
        var schedule = ReviewSchedules.For(new DateOnly(2026, 4, 1), [], new DateOnly(2026, 10, 15));

        Assert.Equal([("2026-Q2", ScheduleStatus.Overdue), ("2026-Q3", ScheduleStatus.Due)], schedule.Select(s => (s.Period.ToString(), s.Status)));
    }

    [Fact]
    public void Open_follow_up_actions_past_their_due_date_are_overdue_and_done_ones_are_not()
    {
        var review = Held("2026-Q2", new DateOnly(2026, 7, 10),
            new FollowUpAction("Recruit a labor representative", "Board staff", new DateOnly(2026, 9, 1), FollowUpStatus.Open),
            new FollowUpAction("Publish the cohort report", "Intermediary", new DateOnly(2026, 9, 1), FollowUpStatus.Done));

        Assert.Equal([("Recruit a labor representative", 93)], review.Overdue(Today).Select(o => (o.Action.Description, o.DaysOverdue)));
    }

    [Fact]
    public void Revising_a_review_keeps_the_figures_it_froze()
    {
        var review = ProgressReview.Hold("ohio", "healthcare", ReviewPeriod.Parse("2026-Q2", "period"), new DateOnly(2026, 7, 10), "", [], [],
            [new FrozenFigure("employmentRateQ2", "EmploymentRateQ2", 3, 4, 0.75m, "3 of 4")], Now);

        review.Revise("Better than we feared.", null, null, Now);

        Assert.Equal(("Better than we feared.", 0.75m), (review.Reflections, review.Figures.Single().Value));
    }
}
