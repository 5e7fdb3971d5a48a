using System.Globalization;
using System.Text.RegularExpressions;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.Engagement.Data.Imports;

/// <summary>
/// Reads a BLS OEWS file saved as CSV, row by row. Columns are found by header name in either case
/// (BLS spells them in capitals in the spreadsheets and in lower case in some text releases); the
/// file carries no year, so the importer is told it.
/// </summary>
public static partial class OewsCsvReader
{
    private static readonly FileLayout Layout = new("an OEWS CSV", ',',
        ["AREA", "AREA_TITLE", "NAICS", "OCC_CODE", "OCC_TITLE", "TOT_EMP", "A_MEAN", "A_MEDIAN"], StringComparer.OrdinalIgnoreCase);

    public static IAsyncEnumerable<OewsRecord> ReadAsync(TextReader text, int year, ImportReport report, CancellationToken cancellationToken = default) =>
        DataFile.ReadAsync(text, report, Layout, row => Parse(row, year), cancellationToken);

    private static OewsRecord Parse(Row row, int year)
    {
        string Cell(string column) => row.Optional(column)?.Trim() ?? "";
        var occupation = Cell("occ_code");
        if (!SocPattern().IsMatch(occupation))
        {
            throw new FormatException($"OCC_CODE '{occupation}' is not a SOC code such as 29-1141.");
        }
        var area = Cell("area");
        if (area.Length == 0)
        {
            throw new FormatException("AREA is empty.");
        }
        var meanTopCoded = Cell("a_mean") == "#";
        var medianTopCoded = Cell("a_median") == "#";
        var employment = Number(Cell("tot_emp"), "TOT_EMP");
        return new OewsRecord(
            year, area, Cell("area_title"), (int)(Number(Cell("area_type"), "AREA_TYPE") ?? 0), Cell("naics"), Cell("own_code"),
            occupation, Cell("occ_title"), Cell("o_group"),
            employment is null ? null : (long)employment.Value,
            Number(Cell("loc_quotient"), "LOC_QUOTIENT"),
            Number(Cell("a_mean"), "A_MEAN"), Number(Cell("a_median"), "A_MEDIAN"),
            meanTopCoded || medianTopCoded);
    }

    /// <summary>A published figure, or null where BLS marks it not available (*, **, #, ~) or leaves it empty.</summary>
    private static decimal? Number(string value, string column)
    {
        if (value is "" or "*" or "**" or "#" or "~")
        {
            return null;
        }
        return decimal.TryParse(value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"{column} '{value}' is not a number.");
    }

    [GeneratedRegex(@"^\d{2}-\d{4}\z")]
    private static partial Regex SocPattern();
}
