using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>The worked example: 18 career navigators trained for 6 hours in nursing career pathways on 14 October 2026.</summary>
public class CapacityBuildingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static CapacityBuildingActivity Record(CapacityBuildingAudience? audience = CapacityBuildingAudience.TalentFacingStaff, decimal hours = 6,
        int people = 18) =>
        CapacityBuildingActivity.Record("ohio", "healthcare", "navigator-training", audience, "Nursing career pathways for career navigators",
            new DateOnly(2026, 10, 14), hours, people, "capital-state-cc", Now);

    [Fact]
    public void Training_of_talent_facing_staff_is_recorded()
    {
        var activity = Record();

        Assert.Equal((CapacityBuildingAudience.TalentFacingStaff, 6m, 18), (activity.Audience, activity.Hours, activity.PeopleTrained));
        Assert.IsType<CapacityBuildingActivityRecorded>(Assert.Single(activity.DomainEvents));
    }

    [Fact]
    public void An_activity_without_audience_hours_or_people_names_each_field()
    {
        var error = Assert.Throws<InvalidInput>(() => Record(audience: null, hours: 0, people: 0));

        Assert.Equal(["activity.audience", "activity.hours", "activity.people_trained"], error.Violations.Select(v => v.Field).ToArray());
    }
}
