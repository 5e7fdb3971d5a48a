using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain;
using static SectorMesh.UnitTests.Partnerships.PartnershipBuilder;

namespace SectorMesh.UnitTests.Partnerships;

/// <summary>Other services record money against a strategy by its identity, so the identity outlives a change of title.</summary>
public class StrategyIdentityTests
{
    private static Partnership WithNursing()
    {
        var partnership = Exploring();
        partnership.SetStrategies([new SectorStrategy("Nursing apprenticeships", StrategyStatus.Planned, null)], Now);
        return partnership;
    }

    [Fact]
    public void A_new_strategy_is_given_an_identity()
    {
        Assert.True(ResourceId.IsValid(Assert.Single(WithNursing().Strategies).Id));
    }

    [Fact]
    public void A_strategy_sent_back_with_its_identity_keeps_it_when_its_title_changes()
    {
        var partnership = WithNursing();
        var id = partnership.Strategies[0].Id;

        partnership.SetStrategies([new SectorStrategy("Nursing apprenticeship program", StrategyStatus.InProgress, null, id)], Now);

        Assert.Equal(id, Assert.Single(partnership.Strategies).Id);
    }

    [Fact]
    public void A_strategy_sent_without_its_identity_keeps_that_of_the_strategy_with_the_same_title()
    {
        var partnership = WithNursing();
        var id = partnership.Strategies[0].Id;

        partnership.SetStrategies(
            [new SectorStrategy("Welding pre-apprenticeship", StrategyStatus.Planned, null), new SectorStrategy("Nursing apprenticeships", StrategyStatus.Completed, null)], Now);

        Assert.Equal(id, partnership.Strategies[1].Id);
        Assert.NotEqual(id, partnership.Strategies[0].Id);
    }

    [Fact]
    public void An_identity_the_partnership_never_gave_is_invalid_on_that_strategy()
    {
        var error = Assert.Throws<InvalidInput>(() =>
            WithNursing().SetStrategies([new SectorStrategy("Nursing apprenticeships", StrategyStatus.Planned, null, "invented")], Now));

        Assert.Equal("partnership.strategies[0].name", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void One_identity_cannot_be_given_to_two_strategies()
    {
        var partnership = WithNursing();
        var id = partnership.Strategies[0].Id;

        var error = Assert.Throws<InvalidInput>(() => partnership.SetStrategies(
            [new SectorStrategy("A", StrategyStatus.Planned, null, id), new SectorStrategy("B", StrategyStatus.Planned, null, id)], Now));

        Assert.Equal("partnership.strategies", Assert.Single(error.Violations).Field);
    }
}
