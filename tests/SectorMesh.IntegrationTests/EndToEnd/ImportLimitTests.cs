using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using SectorMesh.Contracts.Engagement.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>An upload cannot be turned against the platform: its size, its lines and how many run at once are bounded.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ImportLimitTests(Platform platform) : IAsyncLifetime
{
    private const string QcewHeader = "area_fips,own_code,industry_code,agglvl_code,size_code,year,qtr,disclosure_code,annual_avg_estabs,annual_avg_emplvl,total_annual_wages,annual_avg_wkly_wage,avg_annual_pay,lq_annual_avg_emplvl,oty_annual_avg_emplvl_pct_chg";
    private TenantScenario _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantScenario.CreateAsync(platform);

    public Task DisposeAsync() => Task.CompletedTask;

    private static ImportChunk Chunk(string text) => new() { Data = Google.Protobuf.ByteString.CopyFromUtf8(text) };

    [Fact]
    public async Task A_file_with_a_line_longer_than_64_KiB_is_refused_naming_the_line()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsync($"/v1/{_tenant.Tenant}/lmi/qcew:import",
            new StringContent($"{QcewHeader}\n\"39049\",\"5\"\n\"{new string('9', 70_000)}\"\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Line 3 is longer than 65536 characters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_past_the_services_own_limit_is_refused_over_HTTP_and_gRPC_alike()
    {
        var limited = await platform.StartReplicaAsync("engagement", new Dictionary<string, string> { ["Imports__MaxBytes"] = "4096" });
        var file = $"{QcewHeader}\n" + string.Concat(Enumerable.Repeat("\"39049\",\"5\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",1,10,1,1,1,1,1\n", 200));
        using var http = new HttpClient { BaseAddress = limited, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tenant.BoardToken);

        var overHttp = await http.PostAsync($"/v1/{_tenant.Tenant}/lmi/qcew:import", new StringContent(file, Encoding.UTF8));
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(limited);
        using var call = new Engagement.EngagementClient(channel).ImportLaborMarketData(_tenant.Board);
        var overGrpc = await StatusOfAsync(call, [Chunk(file[..2000]).WithHeader(_tenant.Tenant), Chunk(file[2000..])]);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, StatusCode.ResourceExhausted), (overHttp.StatusCode, overGrpc));
    }

    [Fact]
    public async Task A_third_import_of_one_tenant_at_once_must_wait_for_one_to_end()
    {
        var client = platform.EngagementThroughGateway;
        var batch = string.Join('\n', SampleFiles.QcewRows(5_000, 2021).Prepend(SampleFiles.QcewHeader)) + "\n";
        using var first = client.ImportLaborMarketData(_tenant.Board);
        using var second = client.ImportLaborMarketData(_tenant.Board);
        foreach (var running in new[] { first, second })
        {
            // A first batch staged (its progress report read back) shows the import holds its slot.
            await running.RequestStream.WriteAsync(Chunk(batch).WithHeader(_tenant.Tenant));
            Assert.True(await running.ResponseStream.MoveNext(CancellationToken.None));
        }

        using var call = client.ImportLaborMarketData(_tenant.Board);
        var third = await StatusOfAsync(call, [Chunk(batch).WithHeader(_tenant.Tenant)]);
        using var http = platform.Json(_tenant.BoardToken);
        using var thirdOverHttp = await http.PostAsync($"/v1/{_tenant.Tenant}/lmi/qcew:import", new StringContent(batch));
        foreach (var running in new[] { first, second })
        {
            await running.RequestStream.CompleteAsync();
        }
        var ended = await Task.WhenAll(new[] { first, second }.Select(async c => (await c.ResponseStream.ReadAllAsync().LastAsync()).Done));

        Assert.Equal((StatusCode.ResourceExhausted, HttpStatusCode.TooManyRequests, true), (third, thirdOverHttp.StatusCode, thirdOverHttp.Headers.RetryAfter is not null));
        Assert.Equal([true, true], ended);
    }

    private static async Task<StatusCode> StatusOfAsync(AsyncDuplexStreamingCall<ImportChunk, ImportReport> call, IEnumerable<ImportChunk> chunks)
    {
        try
        {
            foreach (var chunk in chunks)
            {
                await call.RequestStream.WriteAsync(chunk);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The service answered before the upload ended; its answer is read below.
        }
        try
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}

internal static class ImportChunkExtensions
{
    /// <summary>The first chunk of an import names the tenant and the format.</summary>
    public static ImportChunk WithHeader(this ImportChunk chunk, string tenant)
    {
        (chunk.Parent, chunk.Format) = (tenant, ImportFormat.QcewCsv);
        return chunk;
    }
}
