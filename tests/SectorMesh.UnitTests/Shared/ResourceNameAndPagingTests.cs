using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Partnerships.Api;
using SectorMesh.Partnerships.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

public class ResourceNameAndPagingTests
{
    [Fact]
    public void A_resource_name_yields_its_identifiers_in_order()
    {
        Assert.Equal(["oh", "healthcare"], Names.Partnership.Parse("tenants/oh/partnerships/healthcare", "name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tenants/oh")]
    [InlineData("tenants/oh/regions/central")]
    [InlineData("tenants/OH/partnerships/x")]
    public void A_malformed_resource_name_is_reported_on_its_field(string name)
    {
        var error = Assert.Throws<InvalidInput>(() => Names.Partnership.Parse(name, "name"));

        Assert.Equal("name", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_page_token_round_trips_for_the_same_query()
    {
        var token = PageTokens.Encode("healthcare", "tenants/oh?stage = PARTNERSHIP_STAGE_ACTIVE");

        Assert.Equal("healthcare", PageTokens.Decode(token, "tenants/oh?stage = PARTNERSHIP_STAGE_ACTIVE"));
    }

    [Fact]
    public void A_page_token_is_refused_for_another_filter()
    {
        var token = PageTokens.Encode("healthcare", "tenants/oh?stage = PARTNERSHIP_STAGE_ACTIVE");

        Assert.Equal("page_token", Assert.Single(Assert.Throws<InvalidInput>(() => PageTokens.Decode(token, "tenants/oh?")).Violations).Field);
    }

    [Fact]
    public void A_list_in_memory_pages_by_position_until_its_end()
    {
        int[] items = [1, 2, 3, 4, 5];
        var pages = new List<string>();
        var token = "";
        do
        {
            (var page, token) = items.Page(2, token, "tenants/oh/partnerships/p/participants/a");
            pages.Add(string.Join(",", page));
        }
        while (token.Length > 0);

        Assert.Equal(["1,2", "3,4", "5"], pages);
    }

    [Fact]
    public void A_token_of_another_list_in_memory_is_refused_not_read_as_the_first_page()
    {
        var token = PageTokens.Encode("healthcare", "tenants/oh/partnerships/p/participants/a");

        Assert.Equal("page_token", Assert.Single(Assert.Throws<InvalidInput>(() => new[] { 1, 2 }.Page(1, token, "tenants/oh/partnerships/p/participants/a")).Violations).Field);
    }

    [Fact]
    public void Page_size_defaults_to_25_and_is_capped_at_100()
    {
        Assert.Equal((25, 100), (PageTokens.Size(0), PageTokens.Size(5000)));
    }

    [Fact]
    public void The_list_filter_combines_stage_sector_and_region()
    {
        var filter = PartnershipFilter.Parse("stage = PARTNERSHIP_STAGE_ACTIVE AND sector = \"62\" AND region = \"tenants/oh/regions/central\"", "oh");

        Assert.Equal(new PartnershipFilter(PartnershipStage.Active, "62", "central"), filter);
    }

    [Theory]
    [InlineData("stage = ACTIVE")]
    [InlineData("stage = active")]
    public void A_stage_named_without_its_enum_prefix_is_still_accepted(string filter)
    {
        Assert.Equal(PartnershipStage.Active, PartnershipFilter.Parse(filter, "oh").Stage);
    }

    [Theory]
    [InlineData("stage = DORMANT")]
    [InlineData("stage = PARTNERSHIP_STAGE_UNSPECIFIED")]
    [InlineData("color = red")]
    [InlineData("sector = 6")]
    [InlineData("region = \"tenants/pa/regions/east\"")]
    [InlineData("stage PARTNERSHIP_STAGE_ACTIVE")]
    public void An_invalid_filter_is_reported_on_the_filter_field(string filter)
    {
        Assert.Equal("filter", Assert.Single(Assert.Throws<InvalidInput>(() => PartnershipFilter.Parse(filter, "oh")).Violations).Field);
    }
}
