using System.Globalization;
using System.Text.RegularExpressions;
using SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Web;

/// <summary>The API's codes as people read them.</summary>
public static partial class Labels
{
    public static string Stage(PartnershipStage stage) => Enum(stage.ToString());

    /// <summary>A generated enum member (RepresentsWorkerOrLabor) or an API key (ethnicityAndRace) as words: "Represents worker or labor".</summary>
    public static string Enum(string code)
    {
        var words = Words().Replace(code.Replace('_', ' '), " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? "" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Date(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? "" : new DateOnly(date.Year, date.Month, date.Day).ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>The WIOA program year today falls in: July 1 to June 30, named by the year it starts.</summary>
    public static int CurrentProgramYear() => DateTime.UtcNow.Month >= 7 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
