using SectorMesh.ServiceDefaults;
using System.Globalization;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.Engagement.Data.Imports;

/// <summary>A row the importer refused, by its line in the file, so the rest can still be kept.</summary>
public sealed record RejectedRow(long Line, string Reason);

/// <summary>What an import read: the rows kept, the rows refused, the rows left out as not used, and how far it has got.</summary>
public sealed class ImportReport
{
    private readonly List<RejectedRow> _rejected = [];
    private readonly Dictionary<string, long> _skipped = new(StringComparer.Ordinal);

    public long LinesRead { get; internal set; }
    public long RowsKept { get; internal set; }
    public IReadOnlyList<RejectedRow> Rejected => _rejected;

    /// <summary>At most this many refusals are kept in full; the count goes on.</summary>
    public const int MaxRejectedKept = 1000;
    public long RejectedCount { get; private set; }

    /// <summary>Rows the file may rightly hold that this service does not use, counted by why.</summary>
    public IReadOnlyDictionary<string, long> Skipped => _skipped;
    public long SkippedCount { get; private set; }

    internal void Reject(long line, string reason)
    {
        RejectedCount++;
        if (_rejected.Count < MaxRejectedKept)
        {
            _rejected.Add(new RejectedRow(line, reason));
        }
    }

    /// <summary>The reasons are a few fixed sentences, so counting by reason takes constant memory.</summary>
    internal void Skip(string reason)
    {
        SkippedCount++;
        _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
    }
}

/// <summary>
/// Reads a BLS QCEW CSV file row by row, annual or quarterly, as the header says: an annual file has
/// the annual_* columns, a quarterly one qtrly_estabs and month1-3_emplvl. Columns are found by their
/// header names, and cells are parsed where they lie in the line.
/// </summary>
public static class QcewCsvReader
{
    private static readonly string[] Common = ["area_fips", "own_code", "industry_code", "agglvl_code", "year", "qtr", "disclosure_code"];

    private static readonly string[] Annual = ["annual_avg_estabs", "annual_avg_emplvl", "total_annual_wages", "avg_annual_pay"];

    private static readonly string[] Quarterly = ["qtrly_estabs", "month1_emplvl", "month2_emplvl", "month3_emplvl", "total_qtrly_wages", "avg_wkly_wage"];

    private static readonly FileLayout Layout = new("a QCEW CSV", ',', [], StringComparer.Ordinal);

    /// <summary>Ownership codes BLS publishes as aggregates of others: rows a file rightly holds that nothing here uses.</summary>
    private static readonly IReadOnlyDictionary<long, string> Unused = new Dictionary<long, string>
    {
        [4] = "own_code 4 (international government): not used here",
        [8] = "own_code 8 (total government, an aggregate of 1, 2 and 3): not used here",
        [9] = "own_code 9 (total covered excluding federal, an aggregate): not used here",
    };

    /// <summary>The platform's rows: only the nation's, the same for every board; the rest of a file is each board's own.</summary>
    public const string NotNational = "area_fips is not US000: the platform keeps only the nation's rows; each board imports its own areas";

    /// <param name="nationalOnly">Keep only the nation's rows (US000) and count the others as skipped: a platform import.</param>
    public static IAsyncEnumerable<QcewRecord> ReadAsync(TextReader text, ImportReport report, bool nationalOnly = false, CancellationToken cancellationToken = default) =>
        DataFile.ReadByHeaderAsync(text, report, Layout, columns => ParserFor(columns, nationalOnly), cancellationToken);

    private static Func<Row, QcewRecord?> ParserFor(Columns columns, bool nationalOnly)
    {
        var quarterly = !columns.Has("annual_avg_emplvl") && columns.Has("month1_emplvl");
        var missing = Common.Concat(quarterly ? Quarterly : Annual).Where(c => !columns.Has(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefused($"Not a QCEW {(quarterly ? "quarterly" : "annual")} CSV: the header lacks {string.Join(", ", missing)}.");
        }
        var cells = new Cells(columns, nationalOnly);
        return quarterly ? row => ParseQuarterly(row, cells) : row => ParseAnnual(row, cells);
    }

    /// <summary>The header's columns, looked up once per file rather than once per cell.</summary>
    private sealed class Cells(Columns columns, bool nationalOnly)
    {
        public readonly bool NationalOnly = nationalOnly;

        /// <summary>The year of the file's first row: a file holds one year, which its import replaces.</summary>
        public int? FileYear;

        public readonly int Area = columns["area_fips"], Own = columns["own_code"], Industry = columns["industry_code"],
            Level = columns["agglvl_code"], Year = columns["year"], Quarter = columns["qtr"], Disclosure = columns["disclosure_code"];
        public readonly int AnnualEstablishments = columns.Find("annual_avg_estabs") ?? -1, AnnualEmployment = columns.Find("annual_avg_emplvl") ?? -1,
            AnnualWages = columns.Find("total_annual_wages") ?? -1, AnnualPay = columns.Find("avg_annual_pay") ?? -1,
            AnnualLocationQuotient = columns.Find("lq_annual_avg_emplvl") ?? -1, AnnualChange = columns.Find("oty_annual_avg_emplvl_pct_chg") ?? -1,
            AnnualChangeCount = columns.Find("oty_annual_avg_emplvl_chg") ?? -1,
            LocationQuotientDisclosure = columns.Find("lq_disclosure_code") ?? -1, ChangeDisclosure = columns.Find("oty_disclosure_code") ?? -1;
        public readonly int QuarterEstablishments = columns.Find("qtrly_estabs") ?? -1, Month1 = columns.Find("month1_emplvl") ?? -1,
            Month2 = columns.Find("month2_emplvl") ?? -1, Month3 = columns.Find("month3_emplvl") ?? -1, QuarterWages = columns.Find("total_qtrly_wages") ?? -1;
    }

    private static QcewRecord? ParseAnnual(Row row, Cells cells)
    {
        if (Identify(row, cells, annual: true) is not { } id)
        {
            return null;
        }
        var suppressed = id.Suppressed;
        // The over-the-year change and the location quotient have disclosure codes of their own:
        // N there means the change or the quotient is unknown, even where the row's own figures are published.
        var lqSuppressed = suppressed || IsN(row, cells.LocationQuotientDisclosure);
        var changeSuppressed = suppressed || IsN(row, cells.ChangeDisclosure);
        // BLS writes 0 where it publishes no location quotient.
        var publishedLq = Optional(row, cells.AnnualLocationQuotient, "lq_annual_avg_emplvl", lqSuppressed) is { } q and not 0 ? q : (decimal?)null;
        long? change = changeSuppressed || cells.AnnualChangeCount < 0 || row.Span(cells.AnnualChangeCount).IsEmpty
            ? null
            : Integer(row, cells.AnnualChangeCount, "oty_annual_avg_emplvl_chg");
        return new QcewRecord(
            id.Area, id.Ownership, id.Industry, id.Level, id.Year, id.Quarter, suppressed,
            // Suppressed cells are published as zeros: unknown, not zero.
            suppressed ? null : Integer(row, cells.AnnualEstablishments, "annual_avg_estabs"),
            suppressed ? null : Integer(row, cells.AnnualEmployment, "annual_avg_emplvl"),
            suppressed ? null : Number(row, cells.AnnualWages, "total_annual_wages"),
            suppressed ? null : Number(row, cells.AnnualPay, "avg_annual_pay"),
            publishedLq,
            Optional(row, cells.AnnualChange, "oty_annual_avg_emplvl_pct_chg", changeSuppressed),
            change, changeSuppressed, lqSuppressed);
    }

    /// <summary>
    /// A quarter's employment is the average of its three monthly levels, so it compares with an
    /// annual average; a quarter publishes no annual pay, and its location quotients and changes are
    /// by month, so those stay unknown rather than be taken for the quarter's.
    /// </summary>
    private static QcewRecord? ParseQuarterly(Row row, Cells cells)
    {
        if (Identify(row, cells, annual: false) is not { } id)
        {
            return null;
        }
        long? employment = id.Suppressed
            ? null
            : (long)Math.Round((Integer(row, cells.Month1, "month1_emplvl") + Integer(row, cells.Month2, "month2_emplvl")
                + Integer(row, cells.Month3, "month3_emplvl")) / 3m, MidpointRounding.AwayFromZero);
        return new QcewRecord(
            id.Area, id.Ownership, id.Industry, id.Level, id.Year, id.Quarter, id.Suppressed,
            id.Suppressed ? null : Integer(row, cells.QuarterEstablishments, "qtrly_estabs"),
            employment,
            id.Suppressed ? null : Number(row, cells.QuarterWages, "total_qtrly_wages"),
            null, null, null, null, ChangeSuppressed: false, LocationQuotientSuppressed: false);
    }

    private sealed record Identity(string Area, Ownership Ownership, string Industry, int Level, int Year, string Quarter, bool Suppressed);

    /// <summary>The cells that say what a row is; null for a row of an ownership this service does not use, which is counted.</summary>
    private static Identity? Identify(Row row, Cells cells, bool annual)
    {
        var own = Integer(row, cells.Own, "own_code");
        if (Unused.TryGetValue(own, out var reason))
        {
            return row.Skip<Identity>(reason);
        }
        if (!Enum.IsDefined(typeof(Ownership), (int)own))
        {
            throw new FormatException($"own_code {own} is not one BLS publishes (0, 1, 2, 3, 4, 5, 8, 9).");
        }
        var area = row.Span(cells.Area);
        if (area.IsEmpty)
        {
            throw new FormatException("area_fips is empty.");
        }
        if (cells.NationalOnly && area is not QcewArea.Nation)
        {
            return row.Skip<Identity>(NotNational);
        }
        var quarter = row.Span(cells.Quarter) switch
        {
            "A" when annual => SectorSelectionView.Annual,
            "1" when !annual => "1",
            "2" when !annual => "2",
            "3" when !annual => "3",
            "4" when !annual => "4",
            var other => throw new FormatException(annual
                ? $"qtr '{other}' in an annual file: its rows are annual averages, qtr A."
                : $"qtr '{other}' in a quarterly file: its rows are quarters 1 to 4."),
        };
        var year = (int)Integer(row, cells.Year, "year");
        cells.FileYear ??= year;
        if (year != cells.FileYear)
        {
            throw new FormatException($"year {year} in a file of {cells.FileYear}: a QCEW file holds one year, and its import replaces that year.");
        }
        return new Identity(area.ToString(), (Ownership)own, row.Cell(cells.Industry), (int)Integer(row, cells.Level, "agglvl_code"),
            year, quarter, row.Span(cells.Disclosure) is "N");
    }

    private static bool IsN(Row row, int index) => index >= 0 && row.Span(index) is "N";

    private static decimal? Optional(Row row, int index, string column, bool suppressed) =>
        index < 0 || suppressed || row.Span(index).IsEmpty ? null : Number(row, index, column);

    private static long Integer(Row row, int index, string column) =>
        long.TryParse(row.Span(index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"{column} '{row.Span(index)}' is not a whole number.");

    private static decimal Number(Row row, int index, string column) =>
        decimal.TryParse(row.Span(index), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException($"{column} '{row.Span(index)}' is not a number.");
}
