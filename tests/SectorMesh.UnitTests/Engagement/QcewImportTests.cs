using SectorMesh.ServiceDefaults;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.UnitTests.Engagement;

public class QcewImportTests
{
    private static (List<QcewRecord> Records, ImportReport Report) Import(TextReader text)
    {
        var report = new ImportReport();
        return (QcewCsvReader.ReadAsync(text, report).ToBlockingEnumerable().ToList(), report);
    }

    private const string Header = "\"area_fips\",\"own_code\",\"industry_code\",\"agglvl_code\",\"size_code\",\"year\",\"qtr\",\"disclosure_code\",\"annual_avg_estabs\",\"annual_avg_emplvl\",\"total_annual_wages\",\"avg_annual_pay\"";

    [Fact]
    public void The_sample_file_is_read_whole()
    {
        using var file = SampleFiles.Qcew();

        var (records, report) = Import(file);

        Assert.Equal((47, 47L, 0L), (records.Count, report.RowsKept, report.RejectedCount));
    }

    [Fact]
    public void A_suppressed_cell_is_unknown_not_zero()
    {
        using var file = SampleFiles.Qcew();

        var suppressed = Import(file).Records.Single(r => r.AreaFips == "39041" && r.IndustryCode == "332");

        Assert.True(suppressed.Suppressed);
        Assert.Null(suppressed.Employment);
        Assert.Null(suppressed.AverageAnnualPay);
    }

    private const string FullHeader = "\"area_fips\",\"own_code\",\"industry_code\",\"agglvl_code\",\"size_code\",\"year\",\"qtr\",\"disclosure_code\"," +
        "\"annual_avg_estabs\",\"annual_avg_emplvl\",\"total_annual_wages\",\"avg_annual_pay\",\"lq_disclosure_code\",\"lq_annual_avg_emplvl\"," +
        "\"oty_disclosure_code\",\"oty_annual_avg_emplvl_chg\",\"oty_annual_avg_emplvl_pct_chg\"";

    [Fact]
    public void The_over_the_year_change_in_jobs_is_read_with_the_row()
    {
        var (records, _) = Import(new StringReader(string.Join('\n', FullHeader,
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000,\"\",1.07,\"\",2353,2.0")));

        Assert.Equal((2_353L, false, 1.07m), (Assert.Single(records).EmploymentChange!.Value, records[0].ChangeSuppressed, records[0].PublishedLocationQuotient!.Value));
    }

    [Fact]
    public void A_suppressed_over_the_year_change_is_unknown_though_the_rows_employment_is_published()
    {
        var (records, _) = Import(new StringReader(string.Join('\n', FullHeader,
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000,\"\",1.07,\"N\",0,0")));

        var row = Assert.Single(records);
        Assert.Equal((120_000L, true, (long?)null, (decimal?)null), (row.Employment!.Value, row.ChangeSuppressed, row.EmploymentChange, row.EmploymentChangePercent));
    }

    [Fact]
    public void A_suppressed_published_location_quotient_is_unknown()
    {
        var (records, _) = Import(new StringReader(string.Join('\n', FullHeader,
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000,\"N\",0,\"\",2353,2.0")));

        Assert.Equal((true, (decimal?)null), (Assert.Single(records).LocationQuotientSuppressed, records[0].PublishedLocationQuotient));
    }

    [Fact]
    public void Bad_rows_are_rejected_with_their_line_numbers_and_good_rows_kept()
    {
        var text = new StringReader(string.Join('\n', Header,
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000",
            "\"39049\",\"7\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000",
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,lots,7440000000,62000",
            "\"39049\",\"5\",\"62\"",
            "\"39041\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",420,11000,638000000,58000"));

        var (records, report) = Import(text);

        Assert.Equal(2, records.Count);
        Assert.Equal([3L, 4L, 5L], report.Rejected.Select(r => r.Line));
        Assert.Contains("own_code 7", report.Rejected[0].Reason);
        Assert.Contains("annual_avg_emplvl 'lots'", report.Rejected[1].Reason);
    }

    private const string QuarterlyHeader = "\"area_fips\",\"own_code\",\"industry_code\",\"agglvl_code\",\"size_code\",\"year\",\"qtr\",\"disclosure_code\"," +
        "\"area_title\",\"own_title\",\"industry_title\",\"agglvl_title\",\"size_title\",\"qtrly_estabs\",\"month1_emplvl\",\"month2_emplvl\"," +
        "\"month3_emplvl\",\"total_qtrly_wages\",\"taxable_qtrly_wages\",\"qtrly_contributions\",\"avg_wkly_wage\"";

    [Fact]
    public void A_quarterly_file_is_read_by_its_header_with_the_quarters_employment_the_average_of_its_three_months()
    {
        var text = new StringReader(string.Join('\n', QuarterlyHeader,
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"2\",\"\",\"Franklin County, Ohio\",\"Private\",\"NAICS 62\",\"County, NAICS Sector\",\"All\",3900,119000,120000,121003,1860000000,0,0,1190"));

        var record = Import(text).Records.Single();

        // (119,000 + 120,000 + 121,003) / 3 = 120,001
        Assert.Equal(("2", 120_001L, 3900L, 1_860_000_000m), (record.Quarter, record.Employment, record.Establishments, record.TotalWages));
        Assert.Null(record.AverageAnnualPay);
    }

    [Fact]
    public void A_quarterly_file_without_its_monthly_columns_is_refused_naming_them()
    {
        var error = Assert.Throws<ImportRefused>(() => Import(new StringReader(QuarterlyHeader.Replace("\"month3_emplvl\",", "") + "\n")));

        Assert.Equal("Not a QCEW quarterly CSV: the header lacks month3_emplvl.", error.Message);
    }

    [Fact]
    public void Ownership_codes_8_and_9_are_skipped_and_counted_by_reason_not_rejected()
    {
        var text = new StringReader(string.Join('\n', Header,
            "\"39049\",\"8\",\"10\",\"71\",\"0\",\"2024\",\"A\",\"\",900,90000,7000000000,70000",
            "\"39049\",\"9\",\"10\",\"71\",\"0\",\"2024\",\"A\",\"\",41000,760000,50000000000,66000",
            "\"39041\",\"9\",\"10\",\"71\",\"0\",\"2024\",\"A\",\"\",5000,90000,6000000000,66000",
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000"));

        var (records, report) = Import(text);

        Assert.Equal((1, 0L, 3L), (records.Count, report.RejectedCount, report.SkippedCount));
        Assert.Equal([1L, 2L], report.Skipped.OrderBy(s => s.Key).Select(s => s.Value));
        Assert.StartsWith("own_code 8", report.Skipped.Keys.Order().First());
    }

    [Fact]
    public void The_pseudo_county_999_unknown_within_the_state_is_imported_but_never_a_county()
    {
        var text = new StringReader(string.Join('\n', Header,
            "\"39999\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",12,150,9000000,60000"));

        var record = Import(text).Records.Single();

        Assert.Equal(("39999", 150L), (record.AreaFips, record.Employment));
        Assert.Equal(AreaKind.UnknownWithinState, record.Area);
    }

    [Fact]
    public void A_platform_import_keeps_the_nations_rows_and_counts_the_rest_as_skipped()
    {
        var text = new StringReader(string.Join('\n', Header,
            "\"US000\",\"5\",\"62\",\"14\",\"0\",\"2024\",\"A\",\"\",900000,21000000,1300000000000,62000",
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000"));
        var report = new ImportReport();

        var records = QcewCsvReader.ReadAsync(text, report, nationalOnly: true).ToBlockingEnumerable().ToList();

        Assert.Equal("US000", records.Single().AreaFips);
        Assert.Equal(1L, report.Skipped[QcewCsvReader.NotNational]);
    }

    [Fact]
    public void A_row_of_another_year_than_the_files_first_is_rejected_because_a_file_replaces_one_year()
    {
        var text = new StringReader(string.Join('\n', Header,
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000",
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2023\",\"A\",\"\",3800,118000,7000000000,60000"));

        var (_, report) = Import(text);

        Assert.StartsWith("year 2023 in a file of 2024", report.Rejected.Single().Reason);
    }

    [Fact]
    public void A_quoted_cell_with_a_doubled_quote_and_a_comma_is_read_whole()
    {
        var text = new StringReader(string.Join('\n', Header + ",\"area_title\"",
            "\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",3900,120000,7440000000,62000,\"Franklin \"\"Columbus\"\", Ohio\""));

        var (records, report) = Import(text);

        Assert.Equal((1, 0L), (records.Count, report.RejectedCount));
    }

    [Fact]
    public void A_file_with_the_wrong_header_is_refused_naming_the_missing_columns()
    {
        var error = Assert.Throws<ImportRefused>(() => Import(new StringReader("\"area\",\"own_code\"\n\"39049\",\"5\"")));

        Assert.Contains("area_fips", error.Message);
        Assert.Contains("annual_avg_emplvl", error.Message);
    }

    [Fact]
    public void A_large_county_file_is_read_in_flat_memory()
    {
        // 300,000 rows (about 25 MB of CSV) are generated as they are read and never held at once.
        // Memory is measured from the 50,000th row on: what the first rows allocate once (buffers, code) is not growth.
        using var text = new GeneratedQcew(300_000);
        var report = new ImportReport();
        long? retainedAfterFirstRows = null;
        long employment = 0;
        var peak = 0L;

        foreach (var record in QcewCsvReader.ReadAsync(text, report).ToBlockingEnumerable())
        {
            employment += record.Employment ?? 0;
            if (report.LinesRead % 50_000 == 0)
            {
                var retained = GC.GetTotalMemory(forceFullCollection: true);
                retainedAfterFirstRows ??= retained;
                peak = Math.Max(peak, retained - retainedAfterFirstRows.Value);
            }
        }

        Assert.Equal(300_000L, report.RowsKept);
        Assert.Equal(300_000L * 10, employment);
        Assert.True(peak < 4 * 1024 * 1024, $"Memory grew by {peak / 1024} KiB over 250,000 rows.");
    }

    /// <summary>A QCEW file produced line by line on demand.</summary>
    private sealed class GeneratedQcew(int rows) : TextReader
    {
        private int _line = -1;
        private string _pending = "";
        private int _at;

        public override string? ReadLine() => ++_line switch
        {
            0 => Header,
            var n when n <= rows => $"\"{39001 + n % 88 * 2:00000}\",\"5\",\"{n % 900 + 100}\",\"78\",\"0\",\"2024\",\"A\",\"\",1,10,100,10",
            _ => null,
        };

        /// <summary>The same lines as characters, one line at a time, for readers that read blocks.</summary>
        public override int Read(char[] buffer, int index, int count)
        {
            if (_at == _pending.Length)
            {
                if (ReadLine() is not { } line)
                {
                    return 0;
                }
                (_pending, _at) = (line + "\n", 0);
            }
            var taken = Math.Min(count, _pending.Length - _at);
            _pending.CopyTo(_at, buffer, index, taken);
            _at += taken;
            return taken;
        }
    }
}
