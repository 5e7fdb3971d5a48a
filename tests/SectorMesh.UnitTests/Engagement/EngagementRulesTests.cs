using SectorMesh.Domain;
using SectorMesh.Engagement.Domain;
using SectorMesh.Engagement.Domain.Rules;

namespace SectorMesh.UnitTests.Engagement;

public class EngagementRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static EmployerEngagement Hospital() => EmployerEngagement.Joined("oh", "healthcare", "hospital", "Riverside Regional Medical Center");

    [Fact]
    public void An_employer_that_joins_starts_as_informed()
    {
        Assert.Equal(EngagementLevel.Informed, Hospital().Level);
    }

    [Fact]
    public void Raising_the_engagement_level_records_an_event()
    {
        var hospital = Hospital();

        hospital.SetLevel(EngagementLevel.Collaborating, Now);

        Assert.Single(hospital.DomainEvents.OfType<EmployerEngagementRecorded>());
    }

    [Fact]
    public void A_hiring_commitment_must_say_how_many_hires()
    {
        var error = Assert.Throws<InvalidInput>(() => Hospital().RecordActivity(EmployerActivityKind.HiringCommitment, new DateOnly(2026, 5, 1), 0, "", Now));

        Assert.Equal("activity.quantity", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Recognition_counts_meetings_and_adds_up_hires_and_places()
    {
        var hospital = Hospital();
        hospital.RecordActivity(EmployerActivityKind.MeetingAttended, new DateOnly(2026, 3, 1), 0, "", Now);
        hospital.RecordActivity(EmployerActivityKind.MeetingAttended, new DateOnly(2026, 6, 1), 0, "", Now);
        hospital.RecordActivity(EmployerActivityKind.HiringCommitment, new DateOnly(2026, 6, 1), 12, "RN residency", Now);
        hospital.RecordActivity(EmployerActivityKind.WorkBasedLearningPlaces, new DateOnly(2026, 7, 1), 8, "", Now);
        hospital.RecordActivity(EmployerActivityKind.WorkBasedLearningPlaces, new DateOnly(2026, 9, 1), 4, "", Now);

        var contributions = hospital.Contributions();

        Assert.Equal((2, 12, 12), (contributions[EmployerActivityKind.MeetingAttended], contributions[EmployerActivityKind.HiringCommitment], contributions[EmployerActivityKind.WorkBasedLearningPlaces]));
    }

    [Theory]
    [InlineData("29-1141", 10, 30, 30, 45, null)]
    [InlineData("29-1141.00", 10, 30, 30, 45, "need.soc_code")]
    [InlineData("29-1141", 10, 5, 30, 45, "need.openings_36_months")]
    [InlineData("29-1141", 10, 30, 50, 45, "need.wage_max")]
    public void An_employer_need_names_a_SOC_occupation_consistent_openings_and_a_wage_range(string soc, int in12, int in36, int min, int max, string? field)
    {
        var create = () => EmployerNeed.Create(soc, in12, in36, true, ["Patient care"], ["RN license"], min, max);

        if (field is null)
        {
            Assert.Equal(soc, create().SocCode);
        }
        else
        {
            Assert.Equal(field, Assert.Single(Assert.Throws<InvalidInput>(create).Violations).Field);
        }
    }

    [Fact]
    public void A_figure_confirmed_by_employers_and_disputed_by_none_is_validated()
    {
        var reviews = new[]
        {
            Review("qcew:2024:central-ohio:62:employment", "hospital", LmiVerdict.Confirmed, ""),
            Review("qcew:2024:central-ohio:62:employment", "clinic", LmiVerdict.Confirmed, ""),
        };

        Assert.Equal(LmiStanding.Validated, LmiValidationView.Standing(reviews, "qcew:2024:central-ohio:62:employment"));
    }

    [Fact]
    public void One_dispute_makes_a_figure_contested_until_that_employer_confirms_it()
    {
        var point = "qcew:2024:central-ohio:62:employment";
        var reviews = new List<LmiReview>
        {
            Review(point, "hospital", LmiVerdict.Confirmed, ""),
            Review(point, "clinic", LmiVerdict.Disputed, "Our openings doubled since the data year."),
        };
        Assert.Equal(LmiStanding.Contested, LmiValidationView.Standing(reviews, point));

        var resolved = Review(point, "clinic", LmiVerdict.Confirmed, "", reviews);
        reviews.Add(resolved);

        Assert.Equal(LmiStanding.Validated, LmiValidationView.Standing(reviews, point));
        Assert.Equal(LmiStanding.Validated, resolved.DomainEvents.OfType<LmiDataValidated>().Single().Standing);
    }

    [Fact]
    public void A_dispute_must_say_why()
    {
        var error = Assert.Throws<InvalidInput>(() => Review("point", "clinic", LmiVerdict.Disputed, " "));

        Assert.Equal("lmi_review.comment", Assert.Single(error.Violations).Field);
    }

    private static LmiReview Review(string point, string organization, LmiVerdict verdict, string comment, IEnumerable<LmiReview>? earlier = null) =>
        LmiReview.Record("oh", "healthcare", point, organization, EmployerEngagement.Joined("oh", "healthcare", organization, organization), verdict, comment,
            earlier ?? [], Now);

    [Fact]
    public void An_organization_that_is_no_longer_an_employer_partner_does_not_review_labor_market_figures()
    {
        var left = EmployerEngagement.Joined("oh", "healthcare", "clinic", "Clinic");
        left.ApplyMembership(current: false, "Clinic", revision: 2);

        var error = Assert.Throws<BusinessRuleBroken>(() =>
            LmiReview.Record("oh", "healthcare", "point", "clinic", left, LmiVerdict.Confirmed, "", [], Now));

        Assert.IsType<LaborMarketFiguresAreReviewedByCurrentEmployerPartners>(Assert.Single(error.Rules));
    }

    [Fact]
    public void Open_action_items_past_their_due_date_are_overdue()
    {
        var meeting = Meeting.Held("oh", "healthcare", "september", new DateOnly(2026, 9, 10), ["Apprenticeship pilot"], ["hospital", "board"], ["Start a pilot cohort in January"],
            [new("Draft the pilot budget", "Central Ohio WDB", new DateOnly(2026, 10, 1)), new("Share openings data", "Riverside", new DateOnly(2026, 9, 30)),
             new("Recruit the cohort", "Capital State CC", new DateOnly(2026, 12, 15))], Now);
        meeting.Complete(1, Now);

        var overdue = Assert.Single(meeting.Overdue(new DateOnly(2026, 11, 1)));
        Assert.Equal(("Draft the pilot budget", 0, 31), (overdue.Item.Description, overdue.Index, overdue.DaysOverdue));
        Assert.True(meeting.DomainEvents.OfType<ActionItemCompleted>().Single().CompletedLate);
    }

    [Fact]
    public void Completing_an_item_that_does_not_exist_names_the_field()
    {
        var meeting = Meeting.Held("oh", "healthcare", "september", new DateOnly(2026, 9, 10), ["Budget"], ["hospital"], [], [], Now);

        Assert.Equal("action_item", Assert.Single(Assert.Throws<InvalidInput>(() => meeting.Complete(0, Now)).Violations).Field);
    }

    [Fact]
    public void Employer_needs_add_up_by_occupation_across_current_employers_only()
    {
        var hospital = Hospital();
        var clinic = EmployerEngagement.Joined("oh", "healthcare", "clinic", "Clinic");
        var gone = EmployerEngagement.Joined("oh", "healthcare", "gone", "Gone");
        hospital.RecordNeed(EmployerNeed.Create("29-1141", 30, 90, true, ["Assessment"], [], 70000, 90000), Now);
        clinic.RecordNeed(EmployerNeed.Create("29-1141", 10, 30, false, ["Charting"], [], 65000, 85000), Now);
        clinic.RecordNeed(EmployerNeed.Create("31-9092", 5, 15, true, [], [], 36000, 42000), Now);
        gone.RecordNeed(EmployerNeed.Create("29-1141", 100, 300, true, [], [], 1, 2), Now);
        gone.ApplyMembership(current: false, "", revision: 2);

        var nurses = NeedsAnalysis.ByOccupation([hospital, clinic, gone])[0];

        Assert.Equal(("29-1141", 2, 40, 120, 1, 65000m, 90000m), (nurses.SocCode, nurses.Employers, nurses.OpeningsIn12Months, nurses.OpeningsIn36Months, nurses.HardToFill, nurses.WageMin, nurses.WageMax));
        Assert.Equal(["Assessment", "Charting"], nurses.Skills);
    }

    [Fact]
    public void A_new_need_for_the_same_occupation_replaces_the_earlier()
    {
        var hospital = Hospital();
        hospital.RecordNeed(EmployerNeed.Create("29-1141", 30, 90, true, [], [], 70000, 90000), Now);
        hospital.RecordNeed(EmployerNeed.Create("29-1141", 45, 90, true, [], [], 70000, 90000), Now);

        Assert.Equal(45, Assert.Single(hospital.Needs).OpeningsIn12Months);
    }

    [Fact]
    public void A_meeting_names_every_missing_part_and_every_bad_action_item_at_once()
    {
        var error = Assert.Throws<InvalidInput>(() => Meeting.Held("oh", "healthcare", "september", new DateOnly(2026, 9, 10), [], [], [],
            [new("", "Board", new DateOnly(2026, 9, 1))], Now));

        Assert.Equal(["meeting.agenda", "meeting.attendees", "meeting.action_items[0].description", "meeting.action_items[0].due_date"], error.Violations.Select(v => v.Field));
    }
}
