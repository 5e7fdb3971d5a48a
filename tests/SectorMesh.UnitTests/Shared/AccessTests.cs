using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

public class AccessTests
{
    private static Caller As(string role, string tenant = "oh", params string[] partnerships) =>
        new("user", tenant, new HashSet<string> { role }, partnerships.ToHashSet(), null);

    [Fact]
    public void A_board_administrator_reads_and_writes_every_partnership_of_its_tenant()
    {
        var board = As(Roles.BoardAdmin);

        Assert.True(board.CanRead("oh", "any") && board.CanWrite("oh", "any"));
    }

    [Fact]
    public void Nobody_but_a_platform_administrator_sees_another_tenant()
    {
        Assert.False(As(Roles.BoardAdmin).BelongsTo("pa"));
        Assert.True(As(Roles.PlatformAdmin, tenant: "").BelongsTo("pa"));
    }

    [Fact]
    public void Partnership_staff_write_only_the_partnerships_they_are_listed_on()
    {
        var staff = As(Roles.PartnershipStaff, "oh", "healthcare");

        Assert.True(staff.CanWrite("oh", "healthcare"));
        Assert.False(staff.CanRead("oh", "manufacturing"));
    }

    [Fact]
    public void A_viewer_reads_the_whole_tenant_but_writes_nothing()
    {
        var viewer = As(Roles.Viewer);

        Assert.True(viewer.CanRead("oh", "healthcare"));
        Assert.False(viewer.CanWrite("oh", "healthcare"));
    }

    [Fact]
    public void A_partner_member_acts_only_for_its_own_organization()
    {
        var member = new Caller("user", "oh", new HashSet<string> { Roles.PartnerMember }, new HashSet<string> { "healthcare" }, "hospital");

        Assert.True(member.ActsFor("oh", "healthcare", "hospital"));
        Assert.False(member.ActsFor("oh", "healthcare", "clinic"));
        Assert.False(member.CanWrite("oh", "healthcare"));
    }

    [Fact]
    public void A_viewer_who_is_also_a_partner_member_acts_only_in_the_partnerships_its_token_lists()
    {
        var both = new Caller("user", "oh", new HashSet<string> { Roles.Viewer, Roles.PartnerMember }, new HashSet<string> { "healthcare" }, "hospital");

        Assert.True(both.CanRead("oh", "manufacturing"));
        Assert.False(both.ActsFor("oh", "manufacturing", "hospital"));
    }

    [Fact]
    public void Only_board_administrators_write_tenant_wide_data()
    {
        Assert.True(As(Roles.BoardAdmin).WritesTenantData("oh"));
        Assert.False(As(Roles.PartnershipStaff, "oh", "healthcare").WritesTenantData("oh"));
    }

    [Fact]
    public void Partnership_staff_neither_delete_nor_move_their_partnership_between_stages()
    {
        Assert.False(As(Roles.PartnershipStaff, "oh", "healthcare").GovernsPartnership("oh"));
        Assert.True(As(Roles.BoardAdmin).GovernsPartnership("oh"));
    }

    [Fact]
    public void An_agreement_is_signed_by_a_member_of_the_organization_or_a_board_administrator_on_its_behalf()
    {
        var member = new Caller("nurse-lead", "oh", new HashSet<string> { Roles.PartnerMember }, new HashSet<string> { "healthcare" }, "hospital");

        Assert.True(member.SignsFor("oh", "healthcare", "hospital") && member.IsMemberOf("oh", "healthcare", "hospital"));
        Assert.False(member.SignsFor("oh", "healthcare", "clinic"));
        Assert.False(As(Roles.PartnershipStaff, "oh", "healthcare").SignsFor("oh", "healthcare", "hospital"));
        Assert.True(As(Roles.BoardAdmin).SignsFor("oh", "healthcare", "hospital"));
    }

    [Fact]
    public void Work_bound_to_one_tenant_cannot_move_to_another()
    {
        var scope = new TenantScope(Microsoft.Extensions.Logging.Abstractions.NullLogger<TenantScope>.Instance);
        scope.Enter("oh");

        Assert.Throws<InvalidOperationException>(() => scope.Enter("pa"));
    }
}
