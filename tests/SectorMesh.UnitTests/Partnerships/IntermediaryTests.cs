using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain;
using SectorMesh.Partnerships.Domain.Rules;
using static SectorMesh.UnitTests.Partnerships.PartnershipBuilder;

namespace SectorMesh.UnitTests.Partnerships;

public class IntermediaryTests
{
    [Fact]
    public void One_organization_may_hold_every_intermediary_role()
    {
        var partnership = WithPartners(Board);

        partnership.DesignateIntermediary(AllRolesTo(Board.Id), Now);

        Assert.Equal([Board.Id], partnership.Intermediary!.OrganizationIds);
    }

    [Fact]
    public void Two_organizations_may_share_the_roles_when_each_is_covered_once()
    {
        var partnership = WithPartners(Board, College);
        var shared = AllRolesTo(Board.Id).Select(a => a.Role is IntermediaryRole.FiscalAgent or IntermediaryRole.Championship
            ? new IntermediaryAssignment(a.Role, College.Id) : a).ToList();

        partnership.DesignateIntermediary(shared, Now);

        Assert.Equal(2, partnership.Intermediary!.OrganizationIds.Count);
    }

    [Fact]
    public void Three_organizations_cannot_share_the_intermediary_roles()
    {
        var partnership = WithPartners(Board, College, Hospital);
        var assignments = AllRolesTo(Board.Id).ToList();
        assignments[0] = new IntermediaryAssignment(assignments[0].Role, College.Id);
        assignments[1] = new IntermediaryAssignment(assignments[1].Role, Hospital.Id);

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.DesignateIntermediary(assignments, Now));

        Assert.IsType<IntermediaryIsOneOrTwoOrganizations>(Assert.Single(error.Rules));
    }

    [Fact]
    public void A_missing_role_is_named_in_the_refusal()
    {
        var partnership = WithPartners(Board);
        var assignments = AllRolesTo(Board.Id).Where(a => a.Role != IntermediaryRole.FiscalAgent).ToList();

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.DesignateIntermediary(assignments, Now));

        Assert.Contains("FiscalAgent", Assert.IsType<IntermediaryCoversEveryRoleOnce>(Assert.Single(error.Rules)).Message);
    }

    [Fact]
    public void A_role_held_twice_is_refused()
    {
        var partnership = WithPartners(Board, College);
        var assignments = AllRolesTo(Board.Id).Append(new IntermediaryAssignment(IntermediaryRole.Leadership, College.Id)).ToList();

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.DesignateIntermediary(assignments, Now));

        Assert.IsType<IntermediaryCoversEveryRoleOnce>(Assert.Single(error.Rules));
    }

    [Fact]
    public void The_intermediary_must_be_a_current_partner()
    {
        var partnership = WithPartners(Hospital);

        var error = Assert.Throws<BusinessRuleBroken>(() => partnership.DesignateIntermediary(AllRolesTo(Board.Id), Now));

        Assert.IsType<IntermediaryIsAPartner>(Assert.Single(error.Rules));
    }
}
