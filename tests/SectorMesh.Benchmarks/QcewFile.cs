using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SectorMesh.Benchmarks;

/// <summary>
/// A QCEW annual single file of the real shape: BLS's 38 annual columns, text quoted and numbers not,
/// for the nation, the states, their counties and "unknown" pseudo-counties, and metropolitan areas;
/// for each area its totals under every ownership code (8 and 9 included, which the importer skips)
/// and private industries at every NAICS level. Written zipped, as BLS publishes it.
/// </summary>
public static class QcewFile
{
    private const string Header =
        "\"area_fips\",\"own_code\",\"industry_code\",\"agglvl_code\",\"size_code\",\"year\",\"qtr\",\"disclosure_code\",\"annual_avg_estabs\"," +
        "\"annual_avg_emplvl\",\"total_annual_wages\",\"taxable_annual_wages\",\"annual_contributions\",\"annual_avg_wkly_wage\",\"avg_annual_pay\"," +
        "\"lq_disclosure_code\",\"lq_annual_avg_estabs\",\"lq_annual_avg_emplvl\",\"lq_total_annual_wages\",\"lq_taxable_annual_wages\"," +
        "\"lq_annual_contributions\",\"lq_annual_avg_wkly_wage\",\"lq_avg_annual_pay\",\"oty_disclosure_code\",\"oty_annual_avg_estabs_chg\"," +
        "\"oty_annual_avg_estabs_pct_chg\",\"oty_annual_avg_emplvl_chg\",\"oty_annual_avg_emplvl_pct_chg\",\"oty_total_annual_wages_chg\"," +
        "\"oty_total_annual_wages_pct_chg\",\"oty_taxable_annual_wages_chg\",\"oty_taxable_annual_wages_pct_chg\",\"oty_annual_contributions_chg\"," +
        "\"oty_annual_contributions_pct_chg\",\"oty_annual_avg_wkly_wage_chg\",\"oty_annual_avg_wkly_wage_pct_chg\",\"oty_avg_annual_pay_chg\"," +
        "\"oty_avg_annual_pay_pct_chg\"";

    /// <summary>The ownerships of an area's totals: 0 to 3, then 5 (which the industries follow), then the aggregates 8 and 9.</summary>
    private static readonly string[] TotalOwnerships = ["0", "1", "2", "3", "5", "8", "9"];

    /// <summary>Writes the file zipped to <paramref name="path"/>, at most <paramref name="rows"/> rows (all areas make 3,484,385); answers how many it holds.</summary>
    public static long WriteZip(string path, int rows)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        using var entry = new StreamWriter(zip.CreateEntry("2024.annual.singlefile.csv", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 20);
        entry.Write(Header);
        entry.Write('\n');
        long written = 0;
        var industries = Industries().OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var n = 0;
        // BLS sorts the file by area, ownership and industry; so is this one.
        foreach (var (area, level) in Areas().OrderBy(a => a.Fips, StringComparer.Ordinal))
        {
            var rowsOfArea = TotalOwnerships[..4].Select(own => (Own: own, Code: "10", Detail: 0))
                .Concat(industries.Select(i => (Own: "5", i.Code, Detail: i.Level)).Prepend(("5", "10", 0)))
                .Concat(TotalOwnerships[5..].Select(own => (Own: own, Code: "10", Detail: 0)));
            foreach (var (own, industry, detail) in rowsOfArea)
            {
                if (written == rows)
                {
                    return written;
                }
                var suppressed = n % 11 == 0 && detail > 0;
                var employment = 10 + n % 9000;
                var wages = employment * 61_000L;
                entry.Write(string.Create(CultureInfo.InvariantCulture,
                    $"\"{area}\",\"{own}\",\"{industry}\",\"{level + detail}\",\"0\",\"2024\",\"A\",\"{(suppressed ? "N" : "")}\"," +
                    $"{(suppressed ? 0 : 1 + n % 400)},{(suppressed ? 0 : employment)},{(suppressed ? 0 : wages)},{(suppressed ? 0 : wages / 5)},{(suppressed ? 0 : wages / 200)}," +
                    $"{(suppressed ? 0 : 1173)},{(suppressed ? 0 : 61000)},\"\",1.02,{(suppressed ? 0 : 0.97)},0.99,1.01,1.03,0.98,0.98,\"\",3,0.8,{n % 200 - 100},{(n % 200 - 100) / 10.0:0.0},1200000,2.1,500000,1.9,4000,1.2,25,2.2,1300,2.2"));
                entry.Write('\n');
                written++;
                n++;
            }
        }
        return written;
    }

    /// <summary>Each area with the aggregation level of its totals (its industries add 4 to 8 to it, by NAICS detail).</summary>
    private static IEnumerable<(string Fips, int Level)> Areas()
    {
        yield return ("US000", 10);
        for (var state = 1; state <= 56; state++)
        {
            yield return ($"{state:00}000", 50);
            yield return ($"{state:00}999", 70);
            for (var county = 1; county <= 57; county++)
            {
                yield return ($"{state:00}{2 * county - 1:000}", 70);
            }
        }
        for (var msa = 0; msa < 390; msa++)
        {
            yield return ($"C{10180 + 10 * msa:0000}"[..5], 40);
        }
    }

    /// <summary>Private industries: the sectors as BLS writes them (31-33 hyphenated), a 3- and a 4-digit industry, then 6-digit ones.</summary>
    private static IEnumerable<(string Code, int Level)> Industries()
    {
        foreach (var sector in new[] { "11", "21", "22", "23", "31-33", "42", "44-45", "48-49", "51", "52", "53", "54", "55", "56", "61", "62", "71", "72", "81" })
        {
            yield return (sector, 4);
        }
        yield return ("332", 5);
        yield return ("5415", 6);
        for (var i = 0; i < 915; i++)
        {
            yield return ((111110 + 7 * i).ToString(CultureInfo.InvariantCulture), 8);
        }
    }
}
