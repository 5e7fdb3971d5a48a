namespace SectorMesh.Engagement.Domain;

/// <summary>QCEW ownership codes: 0 total covered, 1 federal, 2 state, 3 local government, 5 private.</summary>
public enum Ownership { TotalCovered = 0, Federal = 1, State = 2, Local = 3, Private = 5 }

/// <summary>
/// One row of a BLS QCEW annual file. A suppressed row (disclosure code N) has its values
/// published as zeros; here they are unknown (null), never zero.
/// </summary>
public sealed record QcewRecord(
    string AreaFips, Ownership Ownership, string IndustryCode, int AggregationLevel, int Year, string Quarter,
    bool Suppressed, long? Establishments, long? Employment, decimal? TotalWages, decimal? AverageAnnualPay,
    decimal? PublishedLocationQuotient, decimal? EmploymentChangePercent)
{
    /// <summary>A county (SSCCC with a real county code), not a state total, an MSA or "unknown within the state".</summary>
    public bool IsCounty => AreaFips.Length == 5 && AreaFips.All(char.IsDigit) && AreaFips[2..] is not ("000" or "999");
}

public static class LocationQuotient
{
    /// <summary>
    /// LQ = (local industry employment / local total employment) ÷ (national industry employment /
    /// national total employment): above 1, the region is more concentrated in the industry than the nation.
    /// </summary>
    public static decimal? Compute(long localIndustry, long localTotal, long nationalIndustry, long nationalTotal) =>
        localTotal <= 0 || nationalIndustry <= 0 || nationalTotal <= 0
            ? null
            : decimal.Round((decimal)localIndustry / localTotal / ((decimal)nationalIndustry / nationalTotal), 2);
}

/// <summary>One industry in a region, as the sector selection view ranks it.</summary>
public sealed record SectorCandidate(
    string IndustryCode, long Employment, decimal? LocationQuotient, decimal? EmploymentChangePercent,
    int SuppressedCounties, IReadOnlyList<string> LocationQuotientMismatches);

/// <summary>
/// The sector selection view of a region: industries ranked by size, concentration and growth,
/// from county QCEW rows and the national rows of the same year and ownership.
/// </summary>
public static class SectorSelection
{
    /// <summary>How far the computed LQ may stray from the file's own before it is reported.</summary>
    public const decimal LocationQuotientTolerance = 0.02m;

    public static IReadOnlyList<SectorCandidate> Rank(IEnumerable<QcewRecord> records, IReadOnlySet<string> regionCounties, int year, Ownership ownership)
    {
        var ofYear = records.Where(r => r.Year == year && (r.AreaFips == "US000" || (r.IsCounty && regionCounties.Contains(r.AreaFips)))).ToList();
        // BLS divides by all-ownership totals (own_code 0, industry 10), whatever the ownership of the industry rows.
        var totals = ofYear.Where(r => r.Ownership == Ownership.TotalCovered && r.IndustryCode == "10").ToList();
        var industries = ofYear.Where(r => r.Ownership == ownership && r.IndustryCode != "10").ToList();
        var nationalTotal = totals.FirstOrDefault(r => r.AreaFips == "US000")?.Employment ?? 0;
        var national = industries.Where(r => r.AreaFips == "US000" && r.Employment is not null).ToDictionary(r => r.IndustryCode, r => r.Employment!.Value);
        var countyTotals = totals.Where(r => r.AreaFips != "US000").ToList();
        long? regionTotal = countyTotals.Count == regionCounties.Count && countyTotals.All(t => !t.Suppressed && t.Employment is not null)
            ? countyTotals.Sum(t => t.Employment!.Value)
            : null;

        return industries.Where(r => r.AreaFips != "US000").GroupBy(r => r.IndustryCode)
            .Select(industry =>
            {
                var known = industry.Where(r => !r.Suppressed && r.Employment is not null).ToList();
                var employment = known.Sum(r => r.Employment!.Value);
                var lq = regionTotal is { } total && national.TryGetValue(industry.Key, out var nationalIndustry)
                    ? LocationQuotient.Compute(employment, total, nationalIndustry, nationalTotal)
                    : null;
                return new SectorCandidate(industry.Key, employment, lq, WeightedChange(known), industry.Count(r => r.Suppressed),
                    Mismatches(known, countyTotals, national, nationalTotal));
            })
            .OrderByDescending(c => c.Employment).ThenByDescending(c => c.LocationQuotient ?? 0).ThenBy(c => c.IndustryCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Over-the-year employment change of the region: each county's change weighted by its employment.</summary>
    private static decimal? WeightedChange(IReadOnlyList<QcewRecord> known)
    {
        var withChange = known.Where(r => r.EmploymentChangePercent is not null && r.Employment > 0).ToList();
        var weight = withChange.Sum(r => r.Employment!.Value);
        return weight == 0 ? null : decimal.Round(withChange.Sum(r => r.EmploymentChangePercent!.Value * r.Employment!.Value) / weight, 1);
    }

    /// <summary>Counties whose published lq_annual_avg_emplvl differs from the LQ computed from the same file.</summary>
    private static IReadOnlyList<string> Mismatches(IReadOnlyList<QcewRecord> known, IReadOnlyList<QcewRecord> countyTotals,
        IReadOnlyDictionary<string, long> national, long nationalTotal) =>
        known.Where(r => r.PublishedLocationQuotient is not null)
            .Select(r =>
            {
                var countyTotal = countyTotals.FirstOrDefault(t => t.AreaFips == r.AreaFips && !t.Suppressed)?.Employment;
                var computed = countyTotal is { } total && national.TryGetValue(r.IndustryCode, out var nationalIndustry)
                    ? LocationQuotient.Compute(r.Employment!.Value, total, nationalIndustry, nationalTotal)
                    : null;
                return (r.AreaFips, computed, published: r.PublishedLocationQuotient!.Value);
            })
            .Where(x => x.computed is { } c && Math.Abs(c - x.published) > LocationQuotientTolerance)
            .Select(x => $"{x.AreaFips}: computed {x.computed:0.00}, published {x.published:0.00}")
            .ToList();
}

/// <summary>
/// One row of a BLS OEWS file: employment and wages of an occupation in an area (and industry).
/// Figures BLS does not publish (** for employment, * for wages) are unknown (null); a wage at or
/// above BLS's top published value (#) is unknown and flagged top-coded.
/// </summary>
public sealed record OewsRecord(
    int Year, string AreaCode, string AreaTitle, int AreaType, string IndustryCode, string OwnershipCode,
    string OccupationCode, string OccupationTitle, string OccupationGroup,
    long? Employment, decimal? LocationQuotient, decimal? AnnualMeanWage, decimal? AnnualMedianWage, bool WageTopCoded);

public static class SectorSelectionView
{
    /// <summary>Where an industry stands among the region's industries at its own NAICS level (same code length).</summary>
    public static (int Rank, int Of) Standing(IReadOnlyList<SectorCandidate> ranked, string industryCode)
    {
        var peers = ranked.Where(c => c.IndustryCode.Length == industryCode.Length).ToList();
        return (peers.FindIndex(c => c.IndustryCode == industryCode) + 1, peers.Count);
    }

    public static string Citation(SectorCandidate sector, int year, int rank, int of, int counties) =>
        $"BLS QCEW {year} annual averages, {counties} counties: NAICS {sector.IndustryCode} employs {sector.Employment:N0}" +
        (sector.LocationQuotient is { } lq ? $", location quotient {lq:0.00}" : "") +
        (sector.EmploymentChangePercent is { } change ? $", over-the-year employment change {change:+0.0;-0.0;0.0}%" : "") +
        $"; largest {rank} of {of} industries at its NAICS level" +
        (sector.SuppressedCounties > 0 ? $" ({sector.SuppressedCounties} counties suppressed and not counted)." : ".");

    /// <summary>QCEW's area code for the whole United States.</summary>
    public const string Nation = "US000";

    /// <summary>QCEW's quarter code of annual averages.</summary>
    public const string Annual = "A";

    public static string Explanation(int rowsUsed) =>
        $"From {rowsUsed} imported QCEW annual rows of the region's counties and the nation. Employment sums the counties whose figures " +
        "are published; suppressed counties (disclosure code N) are counted apart, not as zero. Location quotient = (region's industry " +
        "employment ÷ region's all-industry employment) ÷ (the same ratio for the nation), with all-ownership totals as BLS uses; " +
        "above 1 the region is more concentrated in the industry than the nation. Growth is the over-the-year employment change, " +
        "weighted by county employment. Ranked by employment, then location quotient.";
}
