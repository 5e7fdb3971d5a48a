using SectorMesh.Domain;
using SectorMesh.Metrics.Api;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.UnitTests.Metrics;

public class ScorecardQueryTests
{
    private static readonly V1.PartnershipScorecard[] Statewide =
    [
        new() { Name = "tenants/oh/partnerships/a/scorecard", DisplayName = "Advanced Manufacturing", Stage = "Active", Sector = "336", Region = "tenants/oh/regions/ne", OverallScore = 40 },
        new() { Name = "tenants/oh/partnerships/b/scorecard", DisplayName = "Behavioral Health", Stage = "Active", Sector = "621", Region = "tenants/oh/regions/central", OverallScore = 80 },
        new() { Name = "tenants/oh/partnerships/c/scorecard", DisplayName = "Construction", Stage = "Launching", Sector = "236", Region = "tenants/oh/regions/central", OverallScore = 65 },
    ];

    private static IEnumerable<string> Shown(string filter, string order = "") =>
        ScorecardQuery.Parse(filter, order, "oh").Apply(Statewide).Select(s => s.DisplayName);

    [Fact]
    public void Stage_sector_region_and_score_filter_together()
    {
        Assert.Equal(["Behavioral Health"], Shown("stage = ACTIVE AND sector = \"62\" AND region = central AND overall_score >= 60"));
    }

    [Fact]
    public void Scores_sort_descending_when_asked()
    {
        Assert.Equal(["Behavioral Health", "Construction", "Advanced Manufacturing"], Shown("", "overall_score desc"));
    }

    [Theory]
    [InlineData("budget > 3", "filter")]
    [InlineData("stage = DORMANT", "filter")]
    [InlineData("stage >= ACTIVE", "filter")]
    public void A_filter_it_cannot_read_is_refused_naming_the_field(string filter, string field)
    {
        Assert.Equal(field, Assert.Throws<InvalidInput>(() => ScorecardQuery.Parse(filter, "", "oh")).Violations.Single().Field);
    }

    [Fact]
    public void An_order_on_an_unknown_field_is_refused()
    {
        Assert.Equal("order_by", Assert.Throws<InvalidInput>(() => ScorecardQuery.Parse("", "budget desc", "oh")).Violations.Single().Field);
    }
}
