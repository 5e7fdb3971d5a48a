using SectorMesh.Engagement.Data.Imports;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.UnitTests.Engagement;

public class SectorSelectionTests
{
    private static readonly HashSet<string> CentralOhio = ["39049", "39041"];

    private static IReadOnlyList<SectorCandidate> Rank()
    {
        using var file = SampleFiles.Qcew();
        return SectorSelection.Rank(QcewCsvReader.ReadAsync(file, new ImportReport()).ToBlockingEnumerable().ToList(), CentralOhio, 2024, Ownership.Private);
    }

    [Fact]
    public void The_location_quotient_compares_the_local_share_with_the_national_share()
    {
        // (120,000 / 800,000) / (21,000,000 / 150,000,000) = 0.15 / 0.14
        Assert.Equal(1.07m, LocationQuotient.Compute(120_000, 800_000, 21_000_000, 150_000_000));
    }

    [Fact]
    public void Industries_are_ranked_by_regional_employment()
    {
        Assert.Equal(["62", "5415", "332"], Rank().Select(c => c.IndustryCode));
    }

    [Fact]
    public void The_regional_location_quotient_uses_all_ownership_totals_of_every_county()
    {
        // Health care: (120,000 + 11,000) / 900,000 ÷ 0.14 = 1.04; IT: 26,000 / 900,000 ÷ 0.018 = 1.60.
        Assert.Equal([1.04m, 1.60m, 0.67m], Rank().Select(c => c.LocationQuotient!.Value));
    }

    [Fact]
    public void Growth_is_each_countys_change_weighted_by_its_employment()
    {
        // (2.0 × 120,000 + 4.0 × 11,000) / 131,000 = 2.17
        Assert.Equal(2.2m, Rank().Single(c => c.IndustryCode == "62").EmploymentChangePercent);
    }

    [Fact]
    public void A_suppressed_county_is_counted_as_missing_not_as_zero_employment()
    {
        var metals = Rank().Single(c => c.IndustryCode == "332");

        Assert.Equal((6_000L, 1), (metals.Employment, metals.SuppressedCounties));
    }

    [Fact]
    public void A_published_location_quotient_that_disagrees_with_the_computed_one_is_reported()
    {
        var it = Rank().Single(c => c.IndustryCode == "5415");

        Assert.Equal(["39049: computed 1.67, published 1.70"], it.LocationQuotientMismatches);
        Assert.Empty(Rank().Single(c => c.IndustryCode == "62").LocationQuotientMismatches);
    }
}
