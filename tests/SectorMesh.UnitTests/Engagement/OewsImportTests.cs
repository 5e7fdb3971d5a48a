using SectorMesh.ServiceDefaults;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.UnitTests.Engagement;

public class OewsImportTests
{
    private static (List<OewsRecord> Records, ImportReport Report) Import(TextReader text, int year = 2024)
    {
        var report = new ImportReport();
        return (OewsCsvReader.ReadAsync(text, year, report).ToBlockingEnumerable().ToList(), report);
    }

    private const string Header = "AREA,AREA_TITLE,AREA_TYPE,NAICS,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,LOC_QUOTIENT,A_MEAN,A_MEDIAN";

    [Fact]
    public void The_sample_file_is_read_whole_with_the_year_it_is_given()
    {
        using var file = new StreamReader(SampleFiles.Path("oews-2024-ohio-healthcare.csv"));

        var (records, report) = Import(file);

        Assert.Equal((8, 0L), (records.Count, report.RejectedCount));
        Assert.All(records, r => Assert.Equal(2024, r.Year));
        var nurses = records.Single(r => r.AreaCode == "18140" && r.OccupationCode == "29-1141");
        Assert.Equal((27_110L, 87_570m, 86_030m, 1.10m), (nurses.Employment, nurses.AnnualMeanWage, nurses.AnnualMedianWage, nurses.LocationQuotient));
    }

    [Fact]
    public void Figures_BLS_does_not_publish_are_unknown_and_top_coded_wages_are_flagged()
    {
        var (records, _) = Import(new StringReader(Header + "\n"
            + "18140,\"Columbus, OH\",4,000000,1235,31-1131,Nursing Assistants,detailed,**,,\"38,350\",*\n"
            + "39,Ohio,2,000000,1235,29-1228,\"Physicians, All Other\",detailed,\"12,930\",1.01,#,#\n"));

        Assert.Equal((null, 38_350m, null, false), (records[0].Employment, records[0].AnnualMeanWage, records[0].AnnualMedianWage, records[0].WageTopCoded));
        Assert.Equal((12_930L, null, true), (records[1].Employment, records[1].AnnualMeanWage, records[1].WageTopCoded));
    }

    [Fact]
    public void Bad_rows_are_rejected_by_line_and_the_rest_kept()
    {
        var (records, report) = Import(new StringReader(Header + "\n"
            + "39,Ohio,2,000000,1235,29-1141,Registered Nurses,detailed,139870,1.13,85320,83680\n"
            + "39,Ohio,2,000000,1235,nurses,Registered Nurses,detailed,139870,1.13,85320,83680\n"
            + "39,Ohio,2,000000,1235,31-9092,Medical Assistants,detailed,many,0.86,40830,40410\n"
            + "39,Ohio,2,000000,1235,29-2061,Licensed Practical Nurses,detailed,36210,1.47,60220,60300\n"));

        Assert.Equal(["29-1141", "29-2061"], records.Select(r => r.OccupationCode));
        Assert.Equal([3L, 4L], report.Rejected.Select(r => r.Line));
        Assert.Contains("TOT_EMP 'many'", report.Rejected[1].Reason);
    }

    [Fact]
    public void A_file_without_the_OEWS_columns_is_refused()
    {
        var error = Assert.Throws<ImportRefused>(() => Import(new StringReader("area,occupation,jobs\n39,29-1141,100\n")));

        Assert.Contains("OCC_CODE", error.Message);
    }

    [Fact]
    public void Lower_case_headers_of_the_text_releases_are_read_too()
    {
        var (records, _) = Import(new StringReader(Header.ToLowerInvariant() + "\n39,Ohio,2,000000,1235,29-1141,Registered Nurses,detailed,139870,1.13,85320,83680\n"));

        Assert.Equal(139_870L, Assert.Single(records).Employment);
    }
}
