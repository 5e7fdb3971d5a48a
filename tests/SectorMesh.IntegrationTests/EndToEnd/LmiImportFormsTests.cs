using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SectorMesh.Contracts.Engagement.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// The files boards really download, through the gateway: quarterly as well as annual QCEW, zipped or
/// gzipped, with ownership codes and areas the importer does not use; and the national rows and O*NET
/// files a platform administrator imports once for every tenant.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LmiImportFormsTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;

    private static readonly string Header = System.IO.File.ReadLines(SampleFiles.Path(SampleFile)).First();

    public async Task InitializeAsync() => _tenant = await TenantScenario.CreateAsync(platform);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An annual row in the sample file's 38 columns.</summary>
    private static string Annual(string area, int own, string industry, int year, long employment) =>
        $"\"{area}\",\"{own}\",\"{industry}\",\"{(area == "US000" ? 10 : 70) + (industry == "10" ? 0 : 4)}\",\"0\",\"{year}\",\"A\",\"\",100,{employment},{employment * 60_000},0,0,1150,60000,\"\",0,0,0,0,0,0,0,\"\",0,0,0,1.0,0,0,0,0,0,0,0,0,0,0";

    private static string QcewFile(params string[] rows) => string.Join('\n', rows.Prepend(Header)) + "\n";

    /// <summary>The nation's rows of a year: 21,000,000 of 150,000,000 jobs in health care.</summary>
    private static string Nation(int year) => QcewFile(Annual("US000", 0, "10", year, 150_000_000), Annual("US000", 5, "62", year, 21_000_000));

    /// <summary>Franklin and Delaware counties: 131,000 of 900,000 jobs in health care.</summary>
    private static string[] Counties(int year) =>
    [
        Annual("39049", 0, "10", year, 800_000), Annual("39041", 0, "10", year, 100_000),
        Annual("39049", 5, "62", year, 120_000), Annual("39041", 5, "62", year, 11_000),
    ];

    private async Task<HttpResponseMessage> Import(string path, HttpContent body, string token)
    {
        using var http = platform.Json(token);
        return await http.PostAsync(path, body);
    }

    private Task<HttpResponseMessage> ImportForTenant(TenantScenario tenant, HttpContent body) =>
        Import($"/v1/{tenant.Tenant}/lmi/qcew:import", body, tenant.BoardToken);

    private async Task<HttpResponseMessage> ImportForPlatform(string kind, string body) =>
        await Import($"/v1/platform/lmi/{kind}:import", new StringContent(body, Encoding.UTF8, "text/csv"), await platform.TokenAsync("", "platform-admin"));

    private static async Task<JsonElement> Body(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>A count of the import report; protobuf JSON leaves out zeros and writes 64-bit numbers as strings.</summary>
    private static long Count(JsonElement report, string name) =>
        report.TryGetProperty(name, out var value) ? long.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()) : 0;

    private const string SampleFile = "qcew-2024-annual-central-ohio.csv";

    /// <summary>Every row of the sample file: each form that carries it keeps them all.</summary>
    private static long SampleRows => System.IO.File.ReadLines(SampleFiles.Path(SampleFile)).Skip(1).LongCount(line => line.Length > 0);

    private static ByteArrayContent Bytes(byte[] bytes, string type) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(type) } };

    private async Task<SectorSelection> Selection(TenantScenario tenant, int year) =>
        await platform.EngagementThroughGateway.GetSectorSelectionAsync(new GetSectorSelectionRequest { Name = $"{tenant.Region}/sectorSelection", Year = year }, tenant.Board);

    [Fact]
    public async Task The_csv_inside_the_zip_file_BLS_publishes_is_imported_as_it_streams()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("2024.annual.singlefile.csv").Open();
            entry.Write(System.IO.File.ReadAllBytes(SampleFiles.Path(SampleFile)));
        }

        var report = await Body(await ImportForTenant(_tenant, Bytes(zip.ToArray(), "application/zip")));

        Assert.Equal((SampleRows, 0L), (Count(report, "rowsKept"), Count(report, "rowsRejected")));
    }

    [Fact]
    public async Task A_gzipped_file_is_imported_as_it_streams()
    {
        var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(System.IO.File.ReadAllBytes(SampleFiles.Path(SampleFile)));
        }

        var report = await Body(await ImportForTenant(_tenant, Bytes(gzipped.ToArray(), "application/gzip")));

        Assert.Equal((SampleRows, 0L), (Count(report, "rowsKept"), Count(report, "rowsRejected")));
    }

    [Fact]
    public async Task A_quarterly_file_is_imported_by_its_header()
    {
        const string header = "\"area_fips\",\"own_code\",\"industry_code\",\"agglvl_code\",\"size_code\",\"year\",\"qtr\",\"disclosure_code\",\"qtrly_estabs\"," +
            "\"month1_emplvl\",\"month2_emplvl\",\"month3_emplvl\",\"total_qtrly_wages\",\"taxable_qtrly_wages\",\"qtrly_contributions\",\"avg_wkly_wage\"";
        var rows = Enumerable.Range(1, 4).Select(q => $"\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"{q}\",\"\",3900,119000,120000,121000,1860000000,0,0,1190");

        var report = await Body(await ImportForTenant(_tenant, new StringContent(string.Join('\n', rows.Prepend(header)), Encoding.UTF8, "text/csv")));

        Assert.Equal((4L, 0L), (Count(report, "rowsKept"), Count(report, "rowsRejected")));
    }

    [Fact]
    public async Task Ownership_codes_8_and_9_are_skipped_and_counted_in_the_report_not_rejected()
    {
        var file = QcewFile(Annual("39049", 8, "10", 2024, 90_000), Annual("39049", 9, "10", 2024, 760_000), Annual("39049", 5, "62", 2024, 120_000));

        var report = await Body(await ImportForTenant(_tenant, new StringContent(file, Encoding.UTF8, "text/csv")));

        Assert.Equal((1L, 2L, 0L), (Count(report, "rowsKept"), Count(report, "rowsSkipped"), Count(report, "rowsRejected")));
        Assert.Equal(2, report.GetProperty("skipped").GetArrayLength());
    }

    [Fact]
    public async Task The_pseudo_county_999_imports_but_never_counts_as_a_county_of_the_region()
    {
        // 39999 is "unknown within Ohio": its 50,000 health care jobs are in no county of the region.
        var file = QcewFile([.. Counties(2013), Annual("39999", 5, "62", 2013, 50_000), .. Nation(2013).Split('\n').Skip(1).Where(l => l.Length > 0)]);

        var report = await Body(await ImportForTenant(_tenant, new StringContent(file, Encoding.UTF8, "text/csv")));
        var healthCare = (await Selection(_tenant, 2013)).Sectors.Single(s => s.IndustryCode == "62");

        Assert.Equal(7L, Count(report, "rowsKept"));
        Assert.Equal(131_000L, healthCare.Employment);
    }

    [Fact]
    public async Task National_rows_imported_once_by_a_platform_administrator_are_read_by_every_tenant()
    {
        // A year no other test uses: the platform's rows are every tenant's.
        const int year = 2011;
        var platformReport = await Body(await ImportForPlatform("qcew", Nation(year) + Annual("39049", 5, "62", year, 1) + "\n"));
        var other = await TenantScenario.CreateAsync(platform);
        foreach (var tenant in new[] { _tenant, other })
        {
            Assert.Equal(HttpStatusCode.OK, (await ImportForTenant(tenant, new StringContent(QcewFile(Counties(year)), Encoding.UTF8, "text/csv"))).StatusCode);
        }

        // (131,000 / 900,000) / (21,000,000 / 150,000,000) = 1.04, for each tenant from the one national import.
        Assert.Equal((2L, 1L), (Count(platformReport, "rowsKept"), Count(platformReport, "rowsSkipped")));
        Assert.Equal(1.04, (await Selection(_tenant, year)).Sectors.Single(s => s.IndustryCode == "62").LocationQuotient);
        Assert.Equal(1.04, (await Selection(other, year)).Sectors.Single(s => s.IndustryCode == "62").LocationQuotient);
    }

    [Fact]
    public async Task A_tenants_own_national_rows_win_over_the_platforms()
    {
        const int year = 2012;
        await ImportForPlatform("qcew", Nation(year));
        // This board's own national figures: 42,000,000 of 150,000,000 in health care, twice the platform's.
        var own = QcewFile([.. Counties(year), Annual("US000", 0, "10", year, 150_000_000), Annual("US000", 5, "62", year, 42_000_000)]);
        await ImportForTenant(_tenant, new StringContent(own, Encoding.UTF8, "text/csv"));

        // (131,000 / 900,000) / (42,000,000 / 150,000,000) = 0.52
        Assert.Equal(0.52, (await Selection(_tenant, year)).Sectors.Single(s => s.IndustryCode == "62").LocationQuotient);
    }

    [Fact]
    public async Task A_tenants_file_is_not_seen_by_another_tenant()
    {
        const int year = 2014;
        await ImportForTenant(_tenant, new StringContent(QcewFile([.. Counties(year), .. Nation(year).Split('\n').Skip(1).Where(l => l.Length > 0)]), Encoding.UTF8, "text/csv"));
        var other = await TenantScenario.CreateAsync(platform);

        Assert.NotEmpty((await Selection(_tenant, year)).Sectors);
        Assert.Empty((await Selection(other, year)).Sectors);
    }

    [Fact]
    public async Task A_board_administrator_is_refused_a_platform_import()
    {
        var response = await Import("/v1/platform/lmi/qcew:import", new StringContent(Nation(2015), Encoding.UTF8, "text/csv"), _tenant.BoardToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((int)Grpc.Core.StatusCode.PermissionDenied, (await Body(response)).GetProperty("code").GetInt32());
    }
}
