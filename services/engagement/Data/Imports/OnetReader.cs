using System.Runtime.CompilerServices;
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

    public static async IAsyncEnumerable<OnetRating> ReadAsync(TextReader text, ImportReport report,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await text.ReadLineAsync(cancellationToken) ?? throw new ImportRefused("The file is empty; an O*NET file starts with its header row.");
        report.LinesRead = 1;
        var columns = header.Split('\t').Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefused($"Not an O*NET Skills or Knowledge file: the header lacks {string.Join(", ", missing)}.");
        }
        while (await text.ReadLineAsync(cancellationToken) is { } line)
        {
            var number = ++report.LinesRead;
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split('\t');
            if (cells.Length < columns.Count)
            {
                report.Reject(number, $"has {cells.Length} columns where the header names {columns.Count}.");
                continue;
            }
            string Cell(string name) => cells[columns[name]];
            SkillScale? scale = Cell("Scale ID") switch { "IM" => SkillScale.Importance, "LV" => SkillScale.Level, _ => null };
            if (scale is null)
            {
                continue;
            }
            if (!OnetSocCode().IsMatch(Cell("O*NET-SOC Code")))
            {
                report.Reject(number, $"O*NET-SOC Code '{Cell("O*NET-SOC Code")}' is not of the form 29-1141.00.");
                continue;
            }
            if (!decimal.TryParse(Cell("Data Value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                report.Reject(number, $"Data Value '{Cell("Data Value")}' is not a number.");
                continue;
            }
            report.RowsKept++;
            yield return new OnetRating(Cell("O*NET-SOC Code"), Cell("Element ID"), Cell("Element Name"), scale.Value, value,
                Cell("Recommend Suppress") == "Y", Cell("Not Relevant") == "Y");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{2}-\d{4}\.\d{2}$")]
    private static partial System.Text.RegularExpressions.Regex OnetSocCode();
}
