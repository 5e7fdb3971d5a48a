using SectorMesh.Engagement.Data.Imports;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.UnitTests.Engagement;

public class SectorSelectionTests
{
    // Franklin (39049) and Delaware (39041) counties: 800,000 + 100,000 jobs of all industries.
    private static readonly HashSet<string> CentralOhio = ["39049", "39041"];

    private static List<QcewRecord> Sample()
    {
        using var file = SampleFiles.Qcew();
        return QcewCsvReader.ReadAsync(file, new ImportReport()).ToBlockingEnumerable().ToList();
    }

    private static IReadOnlyList<SectorCandidate> Rank(IEnumerable<string>? region = null) =>
        SectorSelection.Rank(Sample(), region ?? CentralOhio, 2024, Ownership.Private);

    /// <summary>A private-ownership row of 2024 with its over-the-year change.</summary>
    private static QcewRecord Row(string area, string industry, int level, long? employment, long? change, bool changeSuppressed = false) =>
        new(area, Ownership.Private, industry, level, 2024, "A", employment is null, 1, employment, 0, 0, null, null, change, changeSuppressed, false);

    private static QcewRecord Total(string area, int level, long employment) =>
        new(area, Ownership.TotalCovered, "10", level, 2024, "A", false, 1, employment, 0, 0, null, null, 0, false, false);

    [Fact]
    public void The_location_quotient_compares_the_local_share_with_the_national_share()
    {
        // (120,000 / 800,000) / (21,000,000 / 150,000,000) = 0.15 / 0.14
        Assert.Equal(1.07m, LocationQuotient.Compute(120_000, 800_000, 21_000_000, 150_000_000));
    }

    [Fact]
    public void Industries_are_ranked_by_regional_employment_leaving_out_domains_and_supersectors()
    {
        // 62: 131,000; 31-33: 54,000; 5415: 26,000; 332: at least 6,000. Service-providing (102,
        // 718,000) and Education and health services (1025, 143,500) are sums of industries, not industries.
        Assert.Equal(["62", "31-33", "5415", "332"], Rank().Select(c => c.IndustryCode));
    }

    [Fact]
    public void The_regional_location_quotient_uses_all_ownership_totals_of_every_county()
    {
        // Health care: 131,000 / 900,000 ÷ 0.14 = 1.04; manufacturing: 54,000 / 900,000 ÷ 0.086 = 0.70;
        // IT: 26,000 / 900,000 ÷ 0.018 = 1.60.
        Assert.Equal([1.04m, 0.70m, 1.60m], Rank().Take(3).Select(c => c.LocationQuotient!.Value));
    }

    [Fact]
    public void With_a_county_suppressed_employment_is_at_least_the_rest_and_there_is_no_location_quotient_0_75_not_0_67()
    {
        // Delaware's 332 row is suppressed. Franklin alone: 6,000 / 800,000 ÷ (1,500,000 / 150,000,000) = 0.75;
        // dividing Franklin's 6,000 by both counties' 900,000 gave 0.67, understating it. Neither is the region's.
        var metals = Rank().Single(c => c.IndustryCode == "332");

        Assert.Equal((6_000L, true, 1, (decimal?)null, (decimal?)null),
            (metals.Employment, metals.EmploymentIsLowerBound, metals.SuppressedAreas, metals.LocationQuotient, metals.EmploymentChangePercent));
        Assert.StartsWith("Employment is at least 6,000: BLS suppressed the figures of 39041 (1 of the region's 2 areas", metals.Explanation);
    }

    [Fact]
    public void Growth_is_the_regions_change_over_its_prior_year_employment_2_2_percent()
    {
        // Changes 2,353 + 423 = 2,776 over prior years (120,000 − 2,353) + (11,000 − 423) = 128,224: +2.165 %.
        Assert.Equal(2.2m, Rank().Single(c => c.IndustryCode == "62").EmploymentChangePercent);
    }

    [Fact]
    public void Growth_of_plus_100_and_minus_50_percent_on_counties_of_1000_to_2000_and_2000_to_1000_is_0_not_plus_50()
    {
        // Σ change (+1,000 − 1,000) ÷ Σ prior year (1,000 + 2,000) = 0 %; weighting each county's percent
        // by its current employment gave (100 × 2,000 − 50 × 1,000) ÷ 3,000 = +50 %.
        var rows = new[] { Total("39049", 70, 10_000), Total("39041", 70, 10_000), Row("39049", "62", 74, 2_000, 1_000), Row("39041", "62", 74, 1_000, -1_000) };

        Assert.Equal(0.0m, Assert.Single(SectorSelection.Rank(rows, CentralOhio, 2024, Ownership.Private)).EmploymentChangePercent);
    }

    [Fact]
    public void A_county_whose_over_the_year_change_is_suppressed_makes_growth_unknown_not_0_percent()
    {
        var rows = new[] { Total("39049", 70, 10_000), Total("39041", 70, 10_000), Row("39049", "62", 74, 2_000, 100), Row("39041", "62", 74, 1_000, null, changeSuppressed: true) };

        var health = Assert.Single(SectorSelection.Rank(rows, CentralOhio, 2024, Ownership.Private));

        Assert.Null(health.EmploymentChangePercent);
        Assert.Equal("No location quotient: the nation's row of NAICS 62 for this ownership, or the nation's all-industry total, is not imported. " +
            "No growth: BLS suppressed the over-the-year change of 39041 (oty_disclosure_code N).", health.Explanation);
    }

    [Fact]
    public void A_published_location_quotient_that_disagrees_with_the_computed_one_is_reported()
    {
        var it = Rank().Single(c => c.IndustryCode == "5415");

        Assert.Equal(["39049: computed 1.67, published 1.70"], it.LocationQuotientMismatches);
        Assert.Empty(Rank().Single(c => c.IndustryCode == "62").LocationQuotientMismatches);
    }

    [Fact]
    public void Hyphenated_sectors_are_ranked_among_the_other_sectors()
    {
        var ranked = Rank();

        // Sectors 62 (131,000) and 31-33 (54,000); 332 and 5415 are ranked among their own levels.
        Assert.Equal((1, 2, 0), SectorSelectionView.Standing(ranked, ranked.Single(c => c.IndustryCode == "62")));
        Assert.Equal((2, 2, 0), SectorSelectionView.Standing(ranked, ranked.Single(c => c.IndustryCode == "31-33")));
        Assert.Equal((1, 1, 1), SectorSelectionView.Standing(ranked, ranked.Single(c => c.IndustryCode == "332")));
    }

    [Theory]
    [InlineData("31")]
    [InlineData("32")]
    [InlineData("33")]
    [InlineData("31-33")]
    public void A_partnership_targeting_any_code_of_manufacturing_finds_the_published_31_33(string naics)
    {
        Assert.Equal("31-33", SectorSelectionView.Find(Rank(), naics)?.IndustryCode);
    }

    [Fact]
    public void A_file_giving_manufacturing_as_31_is_found_by_a_partnership_targeting_31_33()
    {
        var rows = new[] { Total("39049", 70, 10_000), Row("39049", "31", 74, 2_000, 0) };

        Assert.Equal("31", SectorSelectionView.Find(SectorSelection.Rank(rows, ["39049"], 2024, Ownership.Private), "31-33")?.IndustryCode);
    }

    [Theory]
    [InlineData("US000", AreaKind.Nation)]
    [InlineData("39000", AreaKind.State)]
    [InlineData("39049", AreaKind.County)]
    [InlineData("39999", AreaKind.UnknownWithinState)]
    [InlineData("C1814", AreaKind.MetropolitanArea)]
    [InlineData("CS198", AreaKind.CombinedStatisticalArea)]
    [InlineData("USMSA", AreaKind.Other)]
    public void The_area_code_decides_what_an_area_is(string code, AreaKind kind)
    {
        Assert.Equal(kind, QcewArea.KindOf(code));
    }

    [Theory]
    [InlineData(AreaKind.County, 74, IndustryDetail.Sector)]
    [InlineData(AreaKind.County, 75, IndustryDetail.ThreeDigit)]
    [InlineData(AreaKind.County, 78, IndustryDetail.SixDigit)]
    [InlineData(AreaKind.County, 72, IndustryDetail.Domain)]
    [InlineData(AreaKind.County, 73, IndustryDetail.Supersector)]
    [InlineData(AreaKind.Nation, 15, IndustryDetail.ThreeDigit)]
    [InlineData(AreaKind.State, 56, IndustryDetail.FourDigit)]
    [InlineData(AreaKind.MetropolitanArea, 44, IndustryDetail.Sector)]
    [InlineData(AreaKind.MetropolitanArea, 40, IndustryDetail.Total)]
    public void The_aggregation_level_says_what_a_row_adds_up_within_its_kind_of_area(AreaKind area, int level, IndustryDetail detail)
    {
        Assert.Equal(detail, QcewArea.DetailOf(area, level));
    }

    [Fact]
    public void The_sample_file_tags_each_industry_with_the_level_of_its_NAICS_depth()
    {
        static IndustryDetail Expected(string code) => code.Contains('-') || code.Length == 2 ? IndustryDetail.Sector : (IndustryDetail)(code.Length + 2);

        var industries = Sample().Where(r => r.Detail >= IndustryDetail.Sector).ToList();

        Assert.All(industries, r => Assert.Equal(Expected(r.IndustryCode), r.Detail));
        Assert.Equal(["102", "1025", "102", "1025"], Sample().Where(r => r.Detail is IndustryDetail.Domain or IndustryDetail.Supersector).Select(r => r.IndustryCode));
    }

    [Fact]
    public void The_unknown_within_the_state_area_is_never_counted_as_a_county_of_a_region()
    {
        // 39999 publishes 1,200 health care jobs of 9,000; Franklin alone: 120,000 / 800,000 ÷ 0.14 = 1.07.
        var health = Rank(["39049", "39999"]).Single(c => c.IndustryCode == "62");

        Assert.Equal((120_000L, 1.07m), (health.Employment, health.LocationQuotient));
    }

    [Fact]
    public void A_metropolitan_region_is_ranked_from_the_areas_own_rows()
    {
        // Columbus MSA: 155,000 / 1,100,000 ÷ 0.14 = 1.01; growth 3,400 / 151,600 = +2.2 %.
        var health = Rank(["C1814"]).Single(c => c.IndustryCode == "62");

        Assert.Equal((155_000L, 1.01m, 2.2m), (health.Employment, health.LocationQuotient!.Value, health.EmploymentChangePercent!.Value));
    }

    [Fact]
    public void The_citation_says_at_least_and_why_there_is_no_location_quotient()
    {
        var ranked = Rank();
        var metals = ranked.Single(c => c.IndustryCode == "332");
        var (rank, of, lowerBounds) = SectorSelectionView.Standing(ranked, metals);

        var citation = SectorSelectionView.Citation(metals, 2024, rank, of, lowerBounds, CentralOhio);

        Assert.StartsWith("BLS QCEW 2024 annual averages, 2 counties: NAICS 332 employs at least 6,000; largest 1 of 1 industries at its NAICS level " +
            "by published employment, 1 of them only a lower bound. Employment is at least 6,000", citation);
        Assert.DoesNotContain("location quotient 0", citation);
    }
}
