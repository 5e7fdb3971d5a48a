using System.Runtime.CompilerServices;
using System.Globalization;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.Engagement.Data.Imports;

/// <summary>A row the importer refused, by its line in the file, so the rest can still be kept.</summary>
public sealed record RejectedRow(long Line, string Reason);

/// <summary>What an import read: the rows kept, the rows refused, and how far it has got.</summary>
public sealed class ImportReport
{
    private readonly List<RejectedRow> _rejected = [];

    public long LinesRead { get; internal set; }
    public long RowsKept { get; internal set; }
    public IReadOnlyList<RejectedRow> Rejected => _rejected;

    /// <summary>At most this many refusals are kept in full; the count goes on.</summary>
    public const int MaxRejectedKept = 1000;
    public long RejectedCount { get; private set; }

    internal void Reject(long line, string reason)
    {
        RejectedCount++;
        if (_rejected.Count < MaxRejectedKept)
        {
            _rejected.Add(new RejectedRow(line, reason));
        }
    }
}

/// <summary>The file cannot be read as the format it claims to be; nothing was imported.</summary>
public sealed class ImportRefused(string message) : Exception(message);

/// <summary>
/// Reads a BLS QCEW annual CSV file row by row, so a file of any size is read in constant memory.
/// Columns are found by their header names; a row that cannot be read is reported with its line
/// number and the import goes on.
/// </summary>
public static class QcewCsvReader
{
    private static readonly string[] Required =
    [
        "area_fips", "own_code", "industry_code", "agglvl_code", "year", "qtr", "disclosure_code",
        "annual_avg_estabs", "annual_avg_emplvl", "total_annual_wages", "avg_annual_pay",
    ];

    public static async IAsyncEnumerable<QcewRecord> ReadAsync(TextReader text, ImportReport report, Action<ImportReport>? progress = null,
        int progressEvery = 10_000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await text.ReadLineAsync(cancellationToken) ?? throw new ImportRefused("The file is empty; a QCEW CSV starts with its header row.");
        report.LinesRead = 1;
        var columns = Csv.Split(header).Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefused($"Not a QCEW annual CSV: the header lacks {string.Join(", ", missing)}.");
        }
        int? Optional(string name) => columns.TryGetValue(name, out var index) ? index : null;
        var lq = Optional("lq_annual_avg_emplvl");
        var change = Optional("oty_annual_avg_emplvl_pct_chg");

        while (await text.ReadLineAsync(cancellationToken) is { } line)
        {
            var number = ++report.LinesRead;
            if (line.Length == 0)
            {
                continue;
            }
            QcewRecord? record = null;
            try
            {
                record = Parse(Csv.Split(line), columns, lq, change);
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
            if (number % progressEvery == 0)
            {
                progress?.Invoke(report);
            }
        }
        progress?.Invoke(report);
    }

    private static QcewRecord Parse(string[] cells, IReadOnlyDictionary<string, int> columns, int? lq, int? change)
    {
        if (cells.Length < columns.Count)
        {
            throw new FormatException($"has {cells.Length} columns where the header names {columns.Count}.");
        }
        string Cell(string name) => cells[columns[name]];
        var suppressed = Cell("disclosure_code") == "N";
        var area = Cell("area_fips");
        if (area.Length == 0)
        {
            throw new FormatException("area_fips is empty.");
        }
        decimal? Optional(int? index, string name) => !suppressed && index is { } i && cells[i].Length > 0 ? Number(cells[i], name) : null;
        // BLS writes 0 where it publishes no location quotient.
        var publishedLq = Optional(lq, "lq_annual_avg_emplvl") is { } q and not 0 ? q : (decimal?)null;
        var own = Integer(Cell("own_code"), "own_code");
        if (!Enum.IsDefined(typeof(Ownership), (int)own))
        {
            throw new FormatException($"own_code {own} is not 0, 1, 2, 3 or 5.");
        }
        return new QcewRecord(
            area, (Ownership)own, Cell("industry_code"), (int)Integer(Cell("agglvl_code"), "agglvl_code"),
            (int)Integer(Cell("year"), "year"), Cell("qtr"), suppressed,
            // Suppressed cells are published as zeros: unknown, not zero.
            suppressed ? null : Integer(Cell("annual_avg_estabs"), "annual_avg_estabs"),
            suppressed ? null : Integer(Cell("annual_avg_emplvl"), "annual_avg_emplvl"),
            suppressed ? null : Number(Cell("total_annual_wages"), "total_annual_wages"),
            suppressed ? null : Number(Cell("avg_annual_pay"), "avg_annual_pay"),
            publishedLq,
            Optional(change, "oty_annual_avg_emplvl_pct_chg"));
    }

    private static long Integer(string value, string column) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"{column} '{value}' is not a whole number.");

    private static decimal Number(string value, string column) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"{column} '{value}' is not a number.");
}

/// <summary>Splits one CSV line: fields separated by commas, text fields in double quotes with "" for a quote.</summary>
internal static class Csv
{
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
