using System.Text.Json;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

/// <summary>JSON request bodies read as the proto3 JSON mapping defines them, each fault named by the JSON path the caller wrote.</summary>
public class ProtoJsonInputTests
{
    private static IReadOnlyList<Domain.FieldViolation> Check(string json) =>
        ProtoJsonInput.Check(JsonDocument.Parse(json).RootElement, Partnership.Descriptor, "partnership");

    [Fact]
    public void A_body_in_the_mapping_has_no_violations()
    {
        Assert.Empty(Check("""
            {"displayName": "Healthcare", "target_sector": {"naicsCode": "62", "title": "Health Care"}, "stage": "PARTNERSHIP_STAGE_EXPLORING",
             "goals": [{"statement": "Hires", "target": "12.5"}], "vision": null}
            """));
    }

    [Fact]
    public void An_unknown_field_is_named_with_its_path()
    {
        var violation = Assert.Single(Check("""{"targetSector": {"naicsCod": "62"}}"""));

        Assert.Equal("partnership.targetSector.naicsCod", violation.Field);
        Assert.StartsWith("Unknown name \"naicsCod\"", violation.Description);
    }

    [Fact]
    public void An_enum_name_the_contract_lacks_is_refused_with_the_allowed_names()
    {
        var violation = Assert.Single(Check("""{"stage": "ACTIVE"}"""));

        Assert.Equal("partnership.stage", violation.Field);
        Assert.Contains("PARTNERSHIP_STAGE_ACTIVE", violation.Description);
        Assert.DoesNotContain("PARTNERSHIP_STAGE_UNSPECIFIED", violation.Description);
    }

    [Theory]
    [InlineData("""{"displayName": 12}""", "partnership.displayName")]
    [InlineData("""{"goals": {"statement": "x"}}""", "partnership.goals")]
    [InlineData("""{"goals": [{"statement": "x"}, 3]}""", "partnership.goals[1]")]
    [InlineData("""{"createTime": "yesterday"}""", "partnership.createTime")]
    [InlineData("""{"targetSector": "62"}""", "partnership.targetSector")]
    public void A_value_of_the_wrong_type_is_named_by_its_path(string json, string field)
    {
        Assert.Equal(field, Assert.Single(Check(json)).Field);
    }

    [Fact]
    public void Every_fault_of_a_body_is_reported_at_once()
    {
        Assert.Equal(2, Check("""{"displayNam": "x", "stage": true}""").Count);
    }

    [Theory]
    [InlineData("""{"displayName": "\ud800"}""", "partnership.displayName")]
    [InlineData("""{"stage": "\udc00"}""", "partnership.stage")]
    [InlineData("""{"\ud800": "x"}""", "partnership")]
    public void Text_escaping_half_a_surrogate_pair_is_refused_by_its_path(string json, string field)
    {
        var violation = Assert.Single(Check(json));

        Assert.Equal(field, violation.Field);
        Assert.Contains("unpaired surrogate", violation.Description);
    }
}
