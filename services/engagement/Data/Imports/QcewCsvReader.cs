using SectorMesh.ServiceDefaults;
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

/// <summary>Reads a BLS QCEW annual CSV file row by row; columns are found by their header names.</summary>
public static class QcewCsvReader
{
    private static readonly string[] Required =
    [
        "area_fips", "own_code", "industry_code", "agglvl_code", "year", "qtr", "disclosure_code",
        "annual_avg_estabs", "annual_avg_emplvl", "total_annual_wages", "avg_annual_pay",
    ];

    private static readonly FileLayout Layout = new("a QCEW annual CSV", ',', Required, StringComparer.Ordinal);

    public static IAsyncEnumerable<QcewRecord> ReadAsync(TextReader text, ImportReport report, CancellationToken cancellationToken = default) =>
        DataFile.ReadAsync(text, report, Layout, Parse, cancellationToken);

    private static QcewRecord Parse(Row row)
    {
        var suppressed = row.Cell("disclosure_code") == "N";
        var area = row.Cell("area_fips");
        if (area.Length == 0)
        {
            throw new FormatException("area_fips is empty.");
        }
        decimal? Optional(string column) => !suppressed && row.Optional(column) is { Length: > 0 } value ? Number(value, column) : null;
        // The over-the-year change and the location quotient have disclosure codes of their own:
        // N there means the change or the quotient is unknown, even where the row's own figures are published.
        var lqSuppressed = suppressed || row.Optional("lq_disclosure_code") == "N";
        var changeSuppressed = suppressed || row.Optional("oty_disclosure_code") == "N";
        // BLS writes 0 where it publishes no location quotient.
        var publishedLq = !lqSuppressed && Optional("lq_annual_avg_emplvl") is { } q and not 0 ? q : (decimal?)null;
        var change = !changeSuppressed && row.Optional("oty_annual_avg_emplvl_chg") is { Length: > 0 } chg ? Integer(chg, "oty_annual_avg_emplvl_chg") : (long?)null;
        var own = Integer(row.Cell("own_code"), "own_code");
        if (!Enum.IsDefined(typeof(Ownership), (int)own))
        {
            throw new FormatException($"own_code {own} is not 0, 1, 2, 3 or 5.");
        }
        return new QcewRecord(
            area, (Ownership)own, row.Cell("industry_code"), (int)Integer(row.Cell("agglvl_code"), "agglvl_code"),
            (int)Integer(row.Cell("year"), "year"), row.Cell("qtr"), suppressed,
            // Suppressed cells are published as zeros: unknown, not zero.
            suppressed ? null : Integer(row.Cell("annual_avg_estabs"), "annual_avg_estabs"),
            suppressed ? null : Integer(row.Cell("annual_avg_emplvl"), "annual_avg_emplvl"),
            suppressed ? null : Number(row.Cell("total_annual_wages"), "total_annual_wages"),
            suppressed ? null : Number(row.Cell("avg_annual_pay"), "avg_annual_pay"),
            publishedLq,
            changeSuppressed ? null : Optional("oty_annual_avg_emplvl_pct_chg"),
            change, changeSuppressed, lqSuppressed);
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
