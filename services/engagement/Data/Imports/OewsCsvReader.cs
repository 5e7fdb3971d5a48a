using System.Runtime.CompilerServices;
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
    private static readonly string[] Required = ["area", "area_title", "naics", "occ_code", "occ_title", "tot_emp", "a_mean", "a_median"];

    public static async IAsyncEnumerable<OewsRecord> ReadAsync(TextReader text, int year, ImportReport report,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await text.ReadLineAsync(cancellationToken) ?? throw new ImportRefused("The file is empty; an OEWS CSV starts with its header row.");
        report.LinesRead = 1;
        var columns = Csv.Split(header).Select((name, index) => (name: name.Trim().ToLowerInvariant(), index))
            .GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().index);
        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefused($"Not an OEWS CSV: the header lacks {string.Join(", ", missing).ToUpperInvariant()}.");
        }

        while (await text.ReadLineAsync(cancellationToken) is { } line)
        {
            var number = ++report.LinesRead;
            if (line.Length == 0)
            {
                continue;
            }
            OewsRecord? record = null;
            try
            {
                record = Parse(Csv.Split(line), columns, year);
            }
            catch (FormatException e)
            {
                report.Reject(number, e.Message);
            }
            if (record is not null)
            {
                report.RowsKept++;
                yield return record;
            }
        }
    }

    private static OewsRecord Parse(string[] cells, IReadOnlyDictionary<string, int> columns, int year)
    {
        if (cells.Length < columns.Count)
        {
            throw new FormatException($"has {cells.Length} columns where the header names {columns.Count}.");
        }
        string Cell(string name) => columns.TryGetValue(name, out var i) ? cells[i].Trim() : "";
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

    [GeneratedRegex(@"^\d{2}-\d{4}$")]
    private static partial Regex SocPattern();
}
