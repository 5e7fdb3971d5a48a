using SectorMesh.Domain;

namespace SectorMesh.UnitTests.Shared;

/// <summary>Ids and texts cannot carry a hidden second line or control characters into the store.</summary>
public class IdentifierAndTextTests
{
    [Theory]
    [InlineData("riverside-medical\n")]
    [InlineData("riverside-medical\r\n")]
    [InlineData("riverside\u0000medical")]
    [InlineData("Riverside")]
    public void An_id_with_a_trailing_newline_control_character_or_capital_is_refused(string id)
    {
        Assert.False(ResourceId.IsValid(id));
    }

    [Fact]
    public void A_name_with_a_line_break_is_refused_naming_the_character_and_its_position()
    {
        var error = Assert.Throws<InvalidInput>(() => new Violations().RequireText("Riverside\nMedical", "organization.display_name", 200).ThrowIfAny());

        Assert.Equal("must not contain control characters (found U+000A at position 9).", Assert.Single(error.Violations).Description);
    }

    [Fact]
    public void Free_text_keeps_its_line_breaks_and_tabs()
    {
        new Violations().OptionalText("Host the cohort.\n\tProvide preceptors.", "agreement.terms[0].commitments", 2000).ThrowIfAny();
    }

    [Fact]
    public void Free_text_refuses_other_control_characters()
    {
        Assert.Throws<InvalidInput>(() => new Violations().OptionalText("Host\u001b[31m the cohort", "commitment.description", 1000).ThrowIfAny());
    }
}
