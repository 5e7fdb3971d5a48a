using System.Text.RegularExpressions;

namespace SectorMesh.Partnerships.Domain;

/// <summary>
/// A North American Industry Classification System code of 2 to 6 digits whose first two digits
/// name one of the published NAICS sectors (31-33, 44-45 and 48-49 span several two-digit codes).
/// </summary>
public static partial class NaicsCode
{
    private static readonly HashSet<string> Sectors =
    [
        "11", "21", "22", "23", "31", "32", "33", "42", "44", "45", "48", "49", "51", "52", "53",
        "54", "55", "56", "61", "62", "71", "72", "81", "92",
    ];

    public static bool IsValid(string? code) =>
        code is not null && Digits().IsMatch(code) && Sectors.Contains(code[..2]);

    public const string Rule = "must be a NAICS code of 2 to 6 digits starting with a NAICS sector (for example 62 or 3363).";

    [GeneratedRegex(@"^[0-9]{2,6}\z")]
    private static partial Regex Digits();
}

/// <summary>The industry a partnership serves.</summary>
public sealed record TargetSector(string NaicsCode, string Title);

/// <summary>The evidence that the sector matters in the region, and where it came from.</summary>
public sealed record RegionalSignificance(
    long Employment, double LocationQuotient, double EmploymentGrowthPercent, string Source, string Period);
