using System.Globalization;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.Engagement.Data.Imports;

/// <summary>
/// Reads the O*NET Skills or Knowledge text file (tab-separated, with its header row) row by row.
/// Only the IM and LV scales are kept; a row that cannot be read is reported by its line.
/// </summary>
public static partial class OnetReader
{
    private static readonly string[] Required = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress", "Not Relevant"];

    private static readonly FileLayout Layout = new("an O*NET Skills or Knowledge file", '\t', Required, StringComparer.Ordinal);

    public static IAsyncEnumerable<OnetRating> ReadAsync(TextReader text, ImportReport report, CancellationToken cancellationToken = default) =>
        DataFile.ReadAsync(text, report, Layout, Parse, cancellationToken);

    /// <summary>A rating on the IM or LV scale; other scales are not used here and pass unreported.</summary>
    private static OnetRating? Parse(Row row)
    {
        SkillScale? scale = row.Cell("Scale ID") switch { "IM" => SkillScale.Importance, "LV" => SkillScale.Level, _ => null };
        if (scale is null)
        {
            return null;
        }
        if (!OnetSocCode().IsMatch(row.Cell("O*NET-SOC Code")))
        {
            throw new FormatException($"O*NET-SOC Code '{row.Cell("O*NET-SOC Code")}' is not of the form 29-1141.00.");
        }
        if (!decimal.TryParse(row.Cell("Data Value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"Data Value '{row.Cell("Data Value")}' is not a number.");
        }
        return new OnetRating(row.Cell("O*NET-SOC Code"), row.Cell("Element ID"), row.Cell("Element Name"), scale.Value, value,
            row.Cell("Recommend Suppress") == "Y", row.Cell("Not Relevant") == "Y");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{2}-\d{4}\.\d{2}\z")]
    private static partial System.Text.RegularExpressions.Regex OnetSocCode();
}
