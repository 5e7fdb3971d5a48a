namespace SectorMesh.Engagement.Domain;

/// <summary>QCEW ownership codes: 0 total covered, 1 federal, 2 state, 3 local government, 5 private.</summary>
public enum Ownership { TotalCovered = 0, Federal = 1, State = 2, Local = 3, Private = 5 }

/// <summary>What a QCEW area code names; the code alone decides it, never the row's aggregation level.</summary>
public enum AreaKind { Other, Nation, State, County, UnknownWithinState, MetropolitanArea, CombinedStatisticalArea }

/// <summary>What a QCEW row adds up, from its aggregation level: a total, a total by ownership, or one industry at a NAICS depth.</summary>
public enum IndustryDetail { Total, ByOwnership, Domain, Supersector, Sector, ThreeDigit, FourDigit, FiveDigit, SixDigit }

public static class QcewArea
{
    /// <summary>QCEW's area code for the whole United States.</summary>
    public const string Nation = "US000";

    /// <summary>
    /// US000 the nation, SS000 a state, SSCCC a county, SS999 what the state could not place in a
    /// county (so never a county), C + 4 digits a metropolitan or micropolitan area, CS + 3 digits a
    /// combined statistical area; anything else (USMSA, for one) is none of these.
    /// </summary>
    public static AreaKind KindOf(string code) => code switch
    {
        Nation => AreaKind.Nation,
        { Length: 5 } when code.All(char.IsAsciiDigit) && code[..2] != "00" => code[2..] switch
        {
            "000" => AreaKind.State,
            "999" => AreaKind.UnknownWithinState,
            _ => AreaKind.County,
        },
        { Length: 5 } when code[0] == 'C' && code[1..].All(char.IsAsciiDigit) => AreaKind.MetropolitanArea,
        { Length: 5 } when code.StartsWith("CS", StringComparison.Ordinal) && code[2..].All(char.IsAsciiDigit) => AreaKind.CombinedStatisticalArea,
        _ => AreaKind.Other,
    };

    /// <summary>
    /// BLS numbers each kind of area's levels from its own base, in the same order: the nation 10-18,
    /// metropolitan areas 40-48, states 50-58, counties (and SS999) 70-78; base + 0 is the total,
    /// + 4 the NAICS sector, + 5 to + 8 the 3- to 6-digit industries. Other areas use other levels,
    /// which are not read here.
    /// </summary>
    public static IndustryDetail? DetailOf(AreaKind area, int aggregationLevel)
    {
        int? first = area switch
        {
            AreaKind.Nation => 10,
            AreaKind.MetropolitanArea => 40,
            AreaKind.State => 50,
            AreaKind.County or AreaKind.UnknownWithinState => 70,
            _ => null,
        };
        return first is { } level && aggregationLevel - level is var offset and >= 0 and <= 8 ? (IndustryDetail)offset : null;
    }
}

/// <summary>
/// One row of a BLS QCEW annual file. A suppressed row (disclosure code N) has its values
/// published as zeros; here they are unknown (null), never zero. The over-the-year change and the
/// published location quotient have disclosure codes of their own (oty_ and lq_disclosure_code).
/// </summary>
public sealed record QcewRecord(
    string AreaFips, Ownership Ownership, string IndustryCode, int AggregationLevel, int Year, string Quarter,
    bool Suppressed, long? Establishments, long? Employment, decimal? TotalWages, decimal? AverageAnnualPay,
    decimal? PublishedLocationQuotient, decimal? EmploymentChangePercent,
    long? EmploymentChange, bool ChangeSuppressed, bool LocationQuotientSuppressed)
{
    public AreaKind Area => QcewArea.KindOf(AreaFips);

    /// <summary>What the row adds up; null for a level this area kind does not use.</summary>
    public IndustryDetail? Detail => QcewArea.DetailOf(Area, AggregationLevel);

    /// <summary>An industry (sector to 6-digit), not a total, a domain or a supersector.</summary>
    public bool IsIndustry => Detail >= IndustryDetail.Sector;
}

/// <summary>NAICS codes as QCEW publishes them.</summary>
public static class Naics
{
    /// <summary>The sectors QCEW publishes hyphenated, by each of their two-digit codes.</summary>
    private static readonly Dictionary<string, string> Hyphenated = new(StringComparer.Ordinal)
    {
        ["31"] = "31-33", ["32"] = "31-33", ["33"] = "31-33",
        ["44"] = "44-45", ["45"] = "44-45",
        ["48"] = "48-49", ["49"] = "48-49",
    };

    /// <summary>
    /// Whether two codes name the same industry: 31, 32, 33 and 31-33 all name manufacturing (and so
    /// for retail 44-45 and transportation 48-49), whichever side is written which way.
    /// </summary>
    public static bool SameIndustry(string a, string b) =>
        string.Equals(Hyphenated.GetValueOrDefault(a, a), Hyphenated.GetValueOrDefault(b, b), StringComparison.Ordinal);
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

/// <summary>
/// One industry in a region, as the sector selection view ranks it. With any part of the region
/// suppressed, <see cref="Employment"/> is only a lower bound and there is no location quotient
/// or growth; <see cref="Explanation"/> says in a sentence why a figure is a bound or missing.
/// </summary>
public sealed record SectorCandidate(
    string IndustryCode, IndustryDetail Detail, long Employment, bool EmploymentIsLowerBound, decimal? LocationQuotient,
    decimal? EmploymentChangePercent, int SuppressedAreas, IReadOnlyList<string> LocationQuotientMismatches, string Explanation);

/// <summary>
/// The sector selection view of a region: industries ranked by size, concentration and growth,
/// from the QCEW rows of the region's areas (its counties, or one metropolitan area) and the
/// national rows of the same year and ownership.
/// </summary>
public static class SectorSelection
{
    /// <summary>How far the computed LQ may stray from the file's own before it is reported.</summary>
    public const decimal LocationQuotientTolerance = 0.02m;

    /// <summary>The region's own areas: counties or a metropolitan area; a code of any other kind names no part of a region.</summary>
    public static IReadOnlySet<string> Parts(IEnumerable<string> regionAreas) =>
        regionAreas.Where(a => QcewArea.KindOf(a) is AreaKind.County or AreaKind.MetropolitanArea).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<SectorCandidate> Rank(IEnumerable<QcewRecord> records, IEnumerable<string> regionAreas, int year, Ownership ownership)
    {
        var parts = Parts(regionAreas);
        var ofYear = records.Where(r => r.Year == year && r.Quarter == SectorSelectionView.Annual
            && (r.AreaFips == QcewArea.Nation || parts.Contains(r.AreaFips))).ToList();
        // BLS divides by all-ownership totals (own_code 0, the area's total level), whatever the ownership of the industry rows.
        var totals = ofYear.Where(r => r.Ownership == Ownership.TotalCovered && r.Detail == IndustryDetail.Total).ToList();
        var industries = ofYear.Where(r => r.Ownership == ownership && r.IsIndustry).ToList();
        var nationalTotal = totals.FirstOrDefault(r => r.AreaFips == QcewArea.Nation)?.Employment;
        var national = industries.Where(r => r.AreaFips == QcewArea.Nation && r.Employment is not null)
            .GroupBy(r => (r.Detail, r.IndustryCode)).ToDictionary(g => g.Key, g => g.First().Employment!.Value);
        var areaTotals = totals.Where(r => r.AreaFips != QcewArea.Nation && r.Employment is not null)
            .GroupBy(r => r.AreaFips).ToDictionary(g => g.Key, g => g.First().Employment!.Value);
        var totalsMissing = parts.Where(p => !areaTotals.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        long? regionTotal = parts.Count > 0 && totalsMissing.Count == 0 ? areaTotals.Values.Sum() : null;

        return industries.Where(r => r.AreaFips != QcewArea.Nation).GroupBy(r => (r.Detail, r.IndustryCode))
            .Select(industry =>
            {
                var rows = industry.ToList();
                var suppressed = rows.Where(r => r.Employment is null).Select(r => r.AreaFips).Order(StringComparer.Ordinal).ToList();
                var employment = rows.Sum(r => r.Employment ?? 0);
                var (lq, noLq) = suppressed.Count > 0 ? (null, null) : Concentration(employment, regionTotal, totalsMissing,
                    national.TryGetValue(industry.Key, out var n) ? n : null, nationalTotal, industry.Key.IndustryCode);
                var (growth, noGrowth) = suppressed.Count > 0 ? (null, null) : Growth(rows);
                var explanation = suppressed.Count > 0
                    ? Suppressed(suppressed, parts, employment)
                    : string.Join(" ", new[] { noLq, noGrowth }.OfType<string>());
                return new SectorCandidate(industry.Key.IndustryCode, industry.Key.Detail!.Value, employment, suppressed.Count > 0, lq, growth,
                    suppressed.Count, Mismatches(rows, areaTotals, national, nationalTotal), explanation);
            })
            .OrderByDescending(c => c.Employment).ThenByDescending(c => c.LocationQuotient ?? 0).ThenBy(c => c.IndustryCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The region's location quotient in the industry, or why there is none.</summary>
    private static (decimal? Quotient, string? WhyUnknown) Concentration(long employment, long? regionTotal, IReadOnlyList<string> totalsMissing,
        long? nationalIndustry, long? nationalTotal, string industryCode)
    {
        if (regionTotal is not { } total)
        {
            return (null, $"No location quotient: the all-industry total (own_code 0) of {string.Join(", ", totalsMissing)} is suppressed or not imported.");
        }
        if (nationalIndustry is not { } industry || nationalTotal is not { } nation)
        {
            return (null, $"No location quotient: the nation's row of NAICS {industryCode} for this ownership, or the nation's all-industry total, is not imported.");
        }
        return LocationQuotient.Compute(employment, total, industry, nation) is { } lq
            ? (lq, null)
            : (null, "No location quotient: the region's or the nation's employment to divide by is zero.");
    }

    private static string Suppressed(IReadOnlyList<string> suppressed, IReadOnlySet<string> parts, long employment) =>
        $"Employment is at least {employment:N0}: BLS suppressed the figures of {string.Join(", ", suppressed)} " +
        $"({suppressed.Count} of the region's {parts.Count} {(parts.Count == 1 ? "area" : "areas")}, disclosure code N), so they are not in the sum; " +
        "without them the region's employment in the industry is not known, so no location quotient or growth is given.";

    /// <summary>
    /// Over-the-year employment change of the region: Σ change ÷ Σ prior-year employment, where each
    /// area's prior year is its employment less its change (oty_annual_avg_emplvl_chg). Unknown, with
    /// the reason, when any area's change is suppressed or missing, or the industry had no jobs the year before.
    /// </summary>
    private static (decimal? Percent, string? WhyUnknown) Growth(IReadOnlyList<QcewRecord> rows)
    {
        var withheld = rows.Where(r => r.ChangeSuppressed).Select(r => r.AreaFips).Order(StringComparer.Ordinal).ToList();
        if (withheld.Count > 0)
        {
            return (null, $"No growth: BLS suppressed the over-the-year change of {string.Join(", ", withheld)} (oty_disclosure_code N).");
        }
        var missing = rows.Where(r => r.EmploymentChange is null).Select(r => r.AreaFips).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return (null, $"No growth: the imported rows of {string.Join(", ", missing)} have no over-the-year employment change (oty_annual_avg_emplvl_chg).");
        }
        var change = rows.Sum(r => r.EmploymentChange!.Value);
        var prior = rows.Sum(r => r.Employment!.Value - r.EmploymentChange!.Value);
        return prior <= 0
            ? (null, "No growth: the region had no employment in the industry the year before.")
            : (decimal.Round(100m * change / prior, 1), null);
    }

    /// <summary>Areas whose published lq_annual_avg_emplvl differs from the LQ computed from the same file.</summary>
    private static IReadOnlyList<string> Mismatches(IReadOnlyList<QcewRecord> rows, IReadOnlyDictionary<string, long> areaTotals,
        IReadOnlyDictionary<(IndustryDetail?, string), long> national, long? nationalTotal) =>
        rows.Where(r => r.Employment is not null && r.PublishedLocationQuotient is not null)
            .Select(r =>
            {
                var computed = areaTotals.TryGetValue(r.AreaFips, out var total) && national.TryGetValue((r.Detail, r.IndustryCode), out var nationalIndustry)
                    && nationalTotal is { } nt
                    ? LocationQuotient.Compute(r.Employment!.Value, total, nationalIndustry, nt)
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
    /// <summary>The region's industry a partnership's NAICS code names, the hyphenated sectors matched by any of their codes.</summary>
    public static SectorCandidate? Find(IReadOnlyList<SectorCandidate> ranked, string naicsCode) =>
        ranked.FirstOrDefault(c => Naics.SameIndustry(c.IndustryCode, naicsCode));

    /// <summary>
    /// Where an industry stands among the region's industries of the same detail (sectors among
    /// sectors, 4-digit among 4-digit), as the aggregation level says, and how many of those peers'
    /// employment is only a lower bound, which makes the place uncertain.
    /// </summary>
    public static (int Rank, int Of, int LowerBounds) Standing(IReadOnlyList<SectorCandidate> ranked, SectorCandidate sector)
    {
        var peers = ranked.Where(c => c.Detail == sector.Detail).ToList();
        return (peers.IndexOf(sector) + 1, peers.Count, peers.Count(c => c.EmploymentIsLowerBound));
    }

    /// <summary>The region's areas as a citation names them.</summary>
    public static string Areas(IReadOnlySet<string> parts) =>
        parts.Count == 1 && QcewArea.KindOf(parts.Single()) == AreaKind.MetropolitanArea ? $"metropolitan area {parts.Single()}"
        : parts.Count == 1 ? "1 county"
        : $"{parts.Count} counties";

    public static string Citation(SectorCandidate sector, int year, int rank, int of, int lowerBounds, IReadOnlySet<string> parts) =>
        $"BLS QCEW {year} annual averages, {Areas(parts)}: NAICS {sector.IndustryCode} employs {(sector.EmploymentIsLowerBound ? "at least " : "")}{sector.Employment:N0}" +
        (sector.LocationQuotient is { } lq ? $", location quotient {lq:0.00}" : "") +
        (sector.EmploymentChangePercent is { } change ? $", over-the-year employment change {change:+0.0;-0.0;0.0}%" : "") +
        $"; largest {rank} of {of} industries at its NAICS level" +
        (lowerBounds > 0 ? $" by published employment, {lowerBounds} of them only a lower bound." : ".") +
        (sector.Explanation.Length > 0 ? $" {sector.Explanation}" : "");

    /// <summary>QCEW's quarter code of annual averages.</summary>
    public const string Annual = "A";

    public static string Explanation(int rowsUsed) =>
        $"From {rowsUsed} imported QCEW annual rows of the region's areas (its counties, or its metropolitan area) and the nation. " +
        "Industries are compared with their peers as BLS's aggregation level says (sectors with sectors, 3-digit with 3-digit); " +
        "totals, domains and supersectors are not industries and are not ranked. Where BLS suppressed an area's figures (disclosure " +
        "code N), the employment is the sum of the rest and only a lower bound, and neither the location quotient nor growth is " +
        "given. Location quotient = (region's industry employment ÷ region's all-industry employment) ÷ (the same ratio for the " +
        "nation), with all-ownership totals as BLS uses; above 1 the region is more concentrated in the industry than the nation. " +
        "Growth = the sum of the areas' over-the-year employment changes ÷ the sum of their employment the year before; unknown " +
        "when any area's change is suppressed. Ranked by employment, then location quotient.";
}
