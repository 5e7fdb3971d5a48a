using System.Globalization;

namespace SectorMesh.Pathways.Domain;

/// <summary>OEWS employment and median annual wage of an occupation in one area, across industries.</summary>
public sealed record OccupationArea(string AreaCode, string AreaTitle, long? Employment, decimal? AnnualMedianWage, bool WageTopCoded)
{
    /// <summary>BLS relates OEWS annual and hourly wages by 2,080 hours: 52 weeks of 40.</summary>
    public const int HoursPerYear = 2080;

    public decimal? HourlyMedianWage => AnnualMedianWage is { } annual ? Math.Round(annual / HoursPerYear, 2) : null;

    /// <summary>OEWS names a state by its two-digit FIPS code (the nation is 99; metropolitan areas have five or more digits).</summary>
    public bool IsState => AreaCode.Length == 2 && AreaCode != "99";
}

/// <summary>An occupation by SOC code, as the latest year of a tenant's OEWS figures describes it: the state first, then areas by employment.</summary>
public sealed record Occupation(string SocCode, string Title, int Year, IReadOnlyList<OccupationArea> Areas)
{
    /// <summary>The latest year's areas of the rows given, or null when there are none.</summary>
    public static Occupation? Latest(string socCode, IEnumerable<(int Year, string Title, OccupationArea Area)> rows)
    {
        var latest = rows.GroupBy(r => r.Year).MaxBy(year => year.Key);
        if (latest is null)
        {
            return null;
        }
        var areas = latest.Select(r => r.Area).OrderByDescending(a => a.IsState).ThenByDescending(a => a.Employment ?? -1).ThenBy(a => a.AreaCode, StringComparer.Ordinal);
        return new Occupation(socCode, latest.First().Title, latest.Key, [.. areas]);
    }

    /// <summary>The state's hourly median wage and a sentence naming where it comes from; null when the state's wage is not published.</summary>
    public (decimal Wage, string Source)? StateWage() =>
        Areas.FirstOrDefault(a => a.IsState) is { HourlyMedianWage: { } hourly, AnnualMedianWage: { } annual } state
            ? (hourly, string.Create(CultureInfo.InvariantCulture,
                $"OEWS {Year}, {state.AreaTitle}: median {annual:$#,##0} a year over {OccupationArea.HoursPerYear:#,##0} hours{(state.WageTopCoded ? " (at or above the top published wage)" : "")}."))
            : null;
}
