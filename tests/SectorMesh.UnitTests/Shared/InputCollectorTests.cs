using SectorMesh.Domain;

namespace SectorMesh.UnitTests.Shared;

public class InputCollectorTests
{
    [Fact]
    public void Violations_of_every_step_are_reported_together()
    {
        var input = new InputCollector();
        input.Take<int>(() => throw new InvalidInput("amount", "is negative."));

        var error = Assert.Throws<InvalidInput>(() => input.Finish<int>(() => throw new InvalidInput("name", "is required.")));

        Assert.Equal(["amount", "name"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Invalid_input_is_reported_before_a_rule_that_judged_it()
    {
        var input = new InputCollector();
        input.Take<int>(() => throw new InvalidInput("amount", "is negative."));

        var error = Assert.Throws<InvalidInput>(() => input.Finish<int>(() => throw new ResourceNotFound("x")));

        Assert.Equal("amount", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Valid_input_gives_the_result()
    {
        var input = new InputCollector();

        Assert.Equal(42, input.Finish(() => input.Take(() => 41) + 1));
    }
}
