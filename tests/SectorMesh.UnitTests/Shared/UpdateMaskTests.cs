using Google.Protobuf.WellKnownTypes;
using SectorMesh.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

public class UpdateMaskTests
{
    private static readonly string[] Updatable = ["display_name", "vision", "regional_significance"];

    [Fact]
    public void Paths_in_lower_camel_case_are_read_as_the_proto_field_names()
    {
        Assert.Equal(["display_name", "regional_significance"], UpdateMasks.Read(new FieldMask { Paths = { "displayName", "regionalSignificance" } }, Updatable));
    }

    [Fact]
    public void A_path_named_twice_is_applied_once()
    {
        Assert.Equal(["vision"], UpdateMasks.Read(new FieldMask { Paths = { "vision", "vision" } }, Updatable));
    }

    [Fact]
    public void A_star_names_every_updatable_field()
    {
        Assert.Equal(Updatable, UpdateMasks.Read(new FieldMask { Paths = { "*" } }, Updatable));
    }

    [Fact]
    public void An_absent_mask_is_refused_with_the_fields_that_can_change()
    {
        var error = Assert.Throws<InvalidInput>(() => UpdateMasks.Read(null, Updatable));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("update_mask", violation.Field);
        Assert.Contains("display_name, vision, regional_significance", violation.Description);
    }

    [Fact]
    public void An_empty_mask_is_refused_as_an_absent_one_is()
    {
        Assert.Throws<InvalidInput>(() => UpdateMasks.Read(new FieldMask(), Updatable));
    }

    [Fact]
    public void A_path_that_cannot_change_is_refused_as_the_caller_wrote_it()
    {
        var error = Assert.Throws<InvalidInput>(() => UpdateMasks.Read(new FieldMask { Paths = { "vision", "targetSector" } }, Updatable));

        Assert.Contains("'targetSector'", Assert.Single(error.Violations).Description);
    }
}
