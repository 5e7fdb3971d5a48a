using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using SectorMesh.Benchmarks;
using SectorMesh.Contracts.Events.Partnerships;
using V1 = SectorMesh.Contracts.Partnerships.V1;

// Run against a platform started with: eng/run.sh --SampleData=false --Gateway:PermitsPerWindow=100000000
// (the raised limit keeps the gateway's per-tenant rate limit from throttling the benchmark).
var settings = args.Select(a => a.Split('=', 2)).Where(a => a.Length == 2).ToDictionary(a => a[0].TrimStart('-'), a => a[1]);
string Setting(string key, string fallback) => settings.TryGetValue(key, out var value) ? value : fallback;
var serviceUrl = new Uri(Setting("service", "http://127.0.0.1:5101"));
var gatewayGrpc = new Uri(Setting("gateway-grpc", "http://127.0.0.1:8081"));
var gatewayJson = new Uri(Setting("gateway-json", "http://127.0.0.1:8080"));
var rabbit = new Uri(Setting("rabbitmq", "amqp://guest:guest@127.0.0.1:15672"));
var duration = TimeSpan.FromSeconds(int.Parse(Setting("seconds", "10")));
var concurrency = int.Parse(Setting("concurrency", "16"));

// Long enough for the largest import measured.
using var json = new HttpClient { BaseAddress = gatewayJson, Timeout = TimeSpan.FromMinutes(15) };
async Task<string> Token(string tenant, string role)
{
    var response = await json.PostAsJsonAsync("/dev/token", new { tenant, roles = new[] { role }, subject = "benchmark" });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["access_token"].ToString()!;
}

const string Tenant = "benchmark";
var tenantName = $"tenants/{Tenant}";
using var direct = GrpcChannel.ForAddress(serviceUrl);
using var gateway = GrpcChannel.ForAddress(gatewayGrpc);
var admin = new Metadata { { "authorization", $"Bearer {await Token("", "platform-admin")}" } };
var boardToken = await Token(Tenant, "board-admin");
var board = new Metadata { { "authorization", $"Bearer {boardToken}" } };

async Task IgnoreExisting(Func<Task> create)
{
    try
    {
        await create();
    }
    catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
    {
    }
}
var tenants = new V1.Tenants.TenantsClient(gateway);
await IgnoreExisting(() => tenants.CreateTenantAsync(new V1.CreateTenantRequest { TenantId = Tenant, Tenant = new V1.Tenant { DisplayName = "Benchmark Board" } }, admin).ResponseAsync);
await IgnoreExisting(() => tenants.CreateRegionAsync(new V1.CreateRegionRequest
{
    Parent = tenantName, RegionId = "central", Region = new V1.Region { DisplayName = "Central", CountyFips = { "39049" } },
}, board).ResponseAsync);
V1.Partnership NewPartnership() => new()
{
    DisplayName = "Benchmark Healthcare Partnership", Region = $"{tenantName}/regions/central",
    TargetSector = new V1.TargetSector { NaicsCode = "62", Title = "Health Care and Social Assistance" },
    Vision = "A measured vision", Mission = "A measured mission",
};
var viaGateway = new V1.Partnerships.PartnershipsClient(gateway);
await IgnoreExisting(() => viaGateway.CreatePartnershipAsync(new V1.CreatePartnershipRequest { Parent = tenantName, PartnershipId = "read-target", Partnership = NewPartnership() }, board).ResponseAsync);

var readName = $"{tenantName}/partnerships/read-target";
var viaService = new V1.Partnerships.PartnershipsClient(direct);
json.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", boardToken);

// --only=metrics: a PIRL import into a fresh tenant, its projection into Metrics and the statewide indicators over it.
if (Setting("only", "") == "metrics")
{
    await MetricsBenchmark.RunAsync(json, gateway, Token, int.Parse(Setting("pirl-rows", "1000000")), int.Parse(Setting("writes", "50")));
    return;
}

// --only=qcew-import measures the import alone, on a machine quiet otherwise.
if (Setting("only", "") == "qcew-import")
{
    // The second import of the same year replaces the first: the cost of deleting the year's rows is in its figure.
    for (var run = 0; run < int.Parse(Setting("imports", "1")); run++)
    {
        await ImportQcewAsync(int.Parse(Setting("qcew-rows", "3500000")));
    }
    return;
}

Console.WriteLine($"SectorMesh benchmark: {concurrency} concurrent callers, {duration.TotalSeconds:F0} s per scenario, {Environment.ProcessorCount} cores");
var directRead = await Measurement.RunAsync("read: gRPC direct to the service", concurrency, duration,
    () => viaService.GetPartnershipAsync(new V1.GetPartnershipRequest { Name = readName }, board).ResponseAsync);
Console.WriteLine(directRead);
var gatewayRead = await Measurement.RunAsync("read: gRPC through the gateway", concurrency, duration,
    () => viaGateway.GetPartnershipAsync(new V1.GetPartnershipRequest { Name = readName }, board).ResponseAsync);
Console.WriteLine(gatewayRead);
var jsonRead = await Measurement.RunAsync("read: JSON through the gateway", concurrency, duration, async () =>
{
    using var response = await json.GetAsync($"/v1/{readName}");
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
});
Console.WriteLine(jsonRead);

// The Resources service: its report (three queries and the figures) and recording a funding source.
var resources = new SectorMesh.Contracts.Resources.V1.Resources.ResourcesClient(gateway);
var money = new Google.Type.Money { CurrencyCode = "USD", Units = 250_000 };
var year = new SectorMesh.Contracts.Resources.V1.Period
{
    StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 },
    EndDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 31 },
};
SectorMesh.Contracts.Resources.V1.CreateFundingSourceRequest NewFunding() => new()
{
    Parent = readName,
    FundingSource = new SectorMesh.Contracts.Resources.V1.FundingSource
    {
        DisplayName = "Benchmark grant", Kind = SectorMesh.Contracts.Resources.V1.FundingKind.WioaTitleI, Amount = money, Period = year,
        Status = SectorMesh.Contracts.Resources.V1.FundingStatus.Awarded,
    },
};
for (var i = 0; i < 20; i++)
{
    await resources.CreateFundingSourceAsync(NewFunding(), board);
}
var resourcesRead = await Measurement.RunAsync("resources read: report via gateway", concurrency, duration,
    () => resources.GetResourceReportAsync(new SectorMesh.Contracts.Resources.V1.GetResourceReportRequest { Name = $"{readName}/resourceReport" }, board).ResponseAsync);
Console.WriteLine(resourcesRead);
var resourcesWrite = await Measurement.RunAsync("resources write: funding via gateway", concurrency / 4, duration,
    () => resources.CreateFundingSourceAsync(NewFunding(), board).ResponseAsync);
Console.WriteLine(resourcesWrite);

// The Engagement service: importing a full QCEW annual single file, the region's sector selection, and recording a meeting.
var engagement = new SectorMesh.Contracts.Engagement.V1.Engagement.EngagementClient(gateway);
await ImportQcewAsync(int.Parse(Setting("qcew-rows", "3500000")));
var engagementRead = await Measurement.RunAsync("engagement read: sector selection via gateway", concurrency, duration,
    () => engagement.GetSectorSelectionAsync(new SectorMesh.Contracts.Engagement.V1.GetSectorSelectionRequest { Name = $"{tenantName}/regions/central/sectorSelection", Year = 2024 }, board).ResponseAsync);
Console.WriteLine(engagementRead);
SectorMesh.Contracts.Engagement.V1.CreateMeetingRequest NewMeeting() => new()
{
    Parent = readName,
    Meeting = new SectorMesh.Contracts.Engagement.V1.Meeting
    {
        Date = new Google.Type.Date { Year = 2026, Month = 9, Day = 10 }, Agenda = { "Apprenticeship pilot" }, Attendees = { "hospital", "board" },
        ActionItems = { new SectorMesh.Contracts.Engagement.V1.ActionItem { Description = "Draft the budget", Owner = "Board", DueDate = new Google.Type.Date { Year = 2026, Month = 10, Day = 1 } } },
    },
};
var engagementWrite = await Measurement.RunAsync("engagement write: meeting via gateway", concurrency / 4, duration,
    () => engagement.CreateMeetingAsync(NewMeeting(), board).ResponseAsync);
Console.WriteLine(engagementWrite);

// The Career Pathways service: a 100,000-participant PIRL file into a partnership of its own, and a participant's next steps.
var pathways = new SectorMesh.Contracts.Pathways.V1.Pathways.PathwaysClient(gateway);
const int PirlParticipants = 100_000;
var pirlPartnership = $"pirl-{Guid.NewGuid():N}"[..16];
await viaGateway.CreatePartnershipAsync(new V1.CreatePartnershipRequest { Parent = tenantName, PartnershipId = pirlPartnership, Partnership = NewPartnership() }, board);
var pathwaysProcess = System.Diagnostics.Process.GetProcessesByName("SectorMesh.Pathways").FirstOrDefault();
var pathwaysMemoryBefore = pathwaysProcess?.WorkingSet64 ?? 0;
var importClock = System.Diagnostics.Stopwatch.StartNew();
using (var upload = new StreamContent(PirlSample.Generate(PirlParticipants, "p")))
{
    var imported = await json.PostAsync($"/v1/{tenantName}/partnerships/{pirlPartnership}/participants:import", upload);
    Console.WriteLine($"pathways import: {PirlParticipants:N0} PIRL participants through the gateway in {importClock.Elapsed.TotalSeconds:F1} s " +
        $"({PirlParticipants / importClock.Elapsed.TotalSeconds:N0} rows/s), status {(int)imported.StatusCode}");
}
if (pathwaysProcess is not null)
{
    pathwaysProcess.Refresh();
    Console.WriteLine($"pathways service working set: {pathwaysMemoryBefore / 1_048_576} MiB before the import, {pathwaysProcess.WorkingSet64 / 1_048_576} MiB after, " +
        $"peak {pathwaysProcess.PeakWorkingSet64 / 1_048_576} MiB");
}
SectorMesh.Contracts.Pathways.V1.PathwayStep Step(string id, string soc, string title, double wage, bool entry = false) =>
    new() { StepId = id, Occupation = soc, Title = title, TypicalHourlyWage = wage, Entry = entry };
SectorMesh.Contracts.Pathways.V1.Bridge Bridge(string from, string to, int months) =>
    new() { FromStep = from, ToStep = to, Kind = SectorMesh.Contracts.Pathways.V1.BridgeKind.Credential, Description = "License", Months = months };
await IgnoreExisting(() => pathways.CreateCareerPathwayAsync(new SectorMesh.Contracts.Pathways.V1.CreateCareerPathwayRequest
{
    Parent = readName, CareerPathwayId = "nursing",
    CareerPathway = new SectorMesh.Contracts.Pathways.V1.CareerPathway
    {
        DisplayName = "Nursing",
        Steps = { Step("cna", "31-1131", "Nursing Assistant", 18.4, entry: true), Step("ma", "31-9092", "Medical Assistant", 19.9, entry: true),
            Step("lpn", "29-2061", "Practical Nurse", 28.1), Step("rn", "29-1141", "Registered Nurse", 41.2) },
        Bridges = { Bridge("cna", "lpn", 12), Bridge("ma", "lpn", 12), Bridge("cna", "rn", 24), Bridge("lpn", "rn", 12) },
    },
}, board).ResponseAsync);
await IgnoreExisting(() => pathways.CreateParticipantAsync(new SectorMesh.Contracts.Pathways.V1.CreateParticipantRequest
{
    Parent = readName, ParticipantId = "next-steps",
    Participant = new SectorMesh.Contracts.Pathways.V1.Participant
    {
        EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 }, CareerPathway = $"{readName}/careerPathways/nursing", CurrentStep = "cna",
    },
}, board).ResponseAsync);
var nextSteps = await Measurement.RunAsync("pathways read: next steps via gateway", concurrency, duration,
    () => pathways.GetNextStepsAsync(new SectorMesh.Contracts.Pathways.V1.GetNextStepsRequest { Name = $"{readName}/participants/next-steps", TargetOccupation = "29-1141" }, board).ResponseAsync);
Console.WriteLine(nextSteps);

// A write is done when another service has consumed its event.
var waiting = new ConcurrentDictionary<string, TaskCompletionSource>();
var queue = $"benchmark-{Guid.NewGuid():N}";
var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
{
    cfg.Host(rabbit);
    cfg.ReceiveEndpoint(queue, endpoint =>
    {
        endpoint.AutoDelete = true;
        endpoint.Durable = false;
        endpoint.Handler<PartnershipCreated>(context =>
        {
            if (waiting.TryRemove(context.Message.PartnershipId, out var done))
            {
                done.TrySetResult();
            }
            return Task.CompletedTask;
        });
    });
});
await bus.StartAsync();
var writeConcurrency = Math.Max(1, concurrency / 4);
var write = await Measurement.RunAsync("write: gRPC via gateway until consumed", writeConcurrency, duration, async () =>
{
    var id = $"w{Guid.NewGuid():N}"[..20];
    var consumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    waiting[id] = consumed;
    await viaGateway.CreatePartnershipAsync(new V1.CreatePartnershipRequest { Parent = tenantName, PartnershipId = id, Partnership = NewPartnership() }, board);
    await consumed.Task.WaitAsync(TimeSpan.FromSeconds(30));
});
Console.WriteLine(write);
await bus.StopAsync();

Console.WriteLine();
Console.WriteLine($"gateway/direct (gRPC): throughput {gatewayRead.RequestsPerSecond / directRead.RequestsPerSecond:F2}x, p50 {gatewayRead.P50 / directRead.P50:F2}x, p99 {gatewayRead.P99 / directRead.P99:F2}x");
Console.WriteLine($"gateway JSON/direct gRPC: throughput {jsonRead.RequestsPerSecond / directRead.RequestsPerSecond:F2}x, p50 {jsonRead.P50 / directRead.P50:F2}x, p99 {jsonRead.P99 / directRead.P99:F2}x");

/// <summary>
/// Posts a generated QCEW annual single file, zipped as BLS publishes it, through the gateway, and
/// reports rows per second (timed from the first byte sent to the final report) and the growth of the
/// Engagement service's working set, sampled every 50 ms while the import runs.
/// </summary>
async Task ImportQcewAsync(int rows)
{
    var path = Path.Combine(Path.GetTempPath(), $"qcew-benchmark-{rows}.zip");
    var generated = System.Diagnostics.Stopwatch.StartNew();
    var written = QcewFile.WriteZip(path, rows);
    Console.WriteLine($"engagement import: generated {written:N0} QCEW rows ({new FileInfo(path).Length / 1_048_576} MiB zipped) in {generated.Elapsed.TotalSeconds:F1} s");
    var service = System.Diagnostics.Process.GetProcessesByName("SectorMesh.Engagement").FirstOrDefault();
    var before = service?.WorkingSet64 ?? 0;
    var peak = before;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (service is not null && !sampling.IsCancellationRequested)
        {
            service.Refresh();
            peak = Math.Max(peak, service.WorkingSet64);
            await Task.Delay(50);
        }
    });
    var clock = System.Diagnostics.Stopwatch.StartNew();
    await using var file = File.OpenRead(path);
    using var upload = new StreamContent(file, 1 << 16);
    upload.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
    using var imported = await json.PostAsync($"/v1/{tenantName}/lmi/qcew:import", upload);
    var answer = await imported.Content.ReadAsStringAsync();
    var elapsed = clock.Elapsed;
    await sampling.CancelAsync();
    await sampler;
    var report = System.Text.Json.JsonDocument.Parse(answer).RootElement;
    long Count(string field) => report.TryGetProperty(field, out var value) ? long.Parse(value.ToString(), CultureInfo.InvariantCulture) : 0;
    Console.WriteLine($"engagement import: {written:N0} rows through the gateway in {elapsed.TotalSeconds:F1} s ({written / elapsed.TotalSeconds:N0} rows/s), " +
        $"status {(int)imported.StatusCode}, {Count("rowsKept"):N0} kept, {Count("rowsSkipped"):N0} skipped, {Count("rowsRejected"):N0} rejected");
    if (service is not null)
    {
        Console.WriteLine($"engagement service working set: {before / 1_048_576} MiB before, peak {peak / 1_048_576} MiB during the import " +
            $"(growth {(peak - before) / 1_048_576} MiB)");
    }
    File.Delete(path);
}
