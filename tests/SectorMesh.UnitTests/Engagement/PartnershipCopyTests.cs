using SectorMesh.Engagement.Domain;

namespace SectorMesh.UnitTests.Engagement;

/// <summary>The copy of a partnership and its employers holds what the newest event says, whatever order events arrive in.</summary>
public class PartnershipCopyTests
{
    [Fact]
    public void An_older_event_arriving_after_a_newer_one_changes_nothing()
    {
        var copy = new KnownPartnership("oh", "healthcare");
        copy.Apply("Healthcare Careers", "columbus", "622", revision: 5);

        var applied = copy.Apply("Central Ohio Healthcare", "central", "62", revision: 1);

        Assert.Equal((false, "columbus", "622"), (applied, copy.RegionId, copy.NaicsCode));
    }

    [Fact]
    public void A_deleted_partnership_is_not_brought_back_by_a_late_event()
    {
        var copy = new KnownPartnership("oh", "healthcare");
        copy.MarkDeleted(revision: 4);

        copy.Apply("Central Ohio Healthcare", "central", "62", revision: 1);

        Assert.True(copy.Deleted);
    }

    [Fact]
    public void A_partner_that_left_stays_gone_when_its_joining_arrives_late()
    {
        var employer = EmployerEngagement.Joined("oh", "healthcare", "hospital", "Riverside");
        employer.ApplyMembership(current: false, "Riverside", revision: 7);

        employer.ApplyMembership(current: true, "Riverside", revision: 6);

        Assert.False(employer.IsCurrentPartner);
    }

    [Fact]
    public void A_partner_that_rejoins_is_current_again()
    {
        var employer = EmployerEngagement.Joined("oh", "healthcare", "hospital", "Riverside");
        employer.ApplyMembership(current: false, "Riverside", revision: 7);

        employer.ApplyMembership(current: true, "Riverside Health", revision: 9);

        Assert.Equal((true, "Riverside Health"), (employer.IsCurrentPartner, employer.OrganizationName));
    }
}
