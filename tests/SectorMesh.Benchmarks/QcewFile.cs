namespace SectorMesh.Benchmarks;

/// <summary>A QCEW annual file of any length, written as it is read, so the benchmark itself stays small.</summary>
public static class QcewFile
{
    private const string Header =
        "\"area_fips\",\"own_code\",\"industry_code\",\"agglvl_code\",\"size_code\",\"year\",\"qtr\",\"disclosure_code\",\"annual_avg_estabs\"," +
        "\"annual_avg_emplvl\",\"total_annual_wages\",\"taxable_annual_wages\",\"annual_contributions\",\"annual_avg_wkly_wage\",\"avg_annual_pay\"," +
        "\"lq_disclosure_code\",\"lq_annual_avg_estabs\",\"lq_annual_avg_emplvl\",\"oty_disclosure_code\",\"oty_annual_avg_emplvl_pct_chg\"";

    public static Stream Generate(int rows) => new LineStream(Lines(rows).GetEnumerator());

    private static IEnumerable<string> Lines(int rows)
    {
        yield return Header;
        // Totals and three industries for one county and the nation, so the sector selection has something to rank.
        yield return "\"US000\",\"0\",\"10\",\"10\",\"0\",\"2024\",\"A\",\"\",11800000,150000000,10800000000000,0,0,1385,72000,\"\",0,0,\"\",1.2";
        yield return "\"39049\",\"0\",\"10\",\"70\",\"0\",\"2024\",\"A\",\"\",42000,800000,56000000000,0,0,1346,70000,\"\",0,0,\"\",1.8";
        foreach (var (industry, national, local) in new[] { ("62", 21_000_000, 120_000), ("332", 1_500_000, 6_000), ("5415", 2_700_000, 24_000) })
        {
            yield return $"\"US000\",\"5\",\"{industry}\",\"14\",\"0\",\"2024\",\"A\",\"\",1000,{national},1000000,0,0,1000,60000,\"\",0,0,\"\",1.0";
            yield return $"\"39049\",\"5\",\"{industry}\",\"74\",\"0\",\"2024\",\"A\",\"\",100,{local},1000000,0,0,1000,60000,\"\",0,0,\"\",2.0";
        }
        for (var i = 0; i < rows - 8; i++)
        {
            // Six-digit industries of earlier years in many counties: the bulk of a real statewide file.
            yield return $"\"{39001 + 2 * (i % 88):00000}\",\"5\",\"{111110 + i / 88 % 900000}\",\"78\",\"0\",\"{2000 + i / 79200}\",\"A\",\"\",{i % 50 + 1},{i % 5000 + 10},{(i % 5000 + 10) * 52000L},0,0,1000,52000,\"\",0,0,\"\",0.5";
        }
    }
}
