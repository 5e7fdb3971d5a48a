using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = SectorMesh.Contracts.Partnerships.V1;
using Pathways = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Benchmarks;

/// <summary>
/// `--only=metrics`: a PIRL import of many participants into a tenant of its own, the time until Metrics has projected every
/// period, the statewide indicators over them (the first answer computes, the next come from the cache), and the time
/// from a write in Career Pathways to its projection in Metrics at rising rates of exits (1, 5, 20 and 50 a second).
/// </summary>
public static class MetricsBenchmark
{
    public static async Task RunAsync(HttpClient json, GrpcChannel gateway, Func<string, string, Task<string>> token, int rows, int writes)
    {
        var tenantId = $"m{DateTime.UtcNow:MMddHHmmss}";
        var tenant = $"tenants/{tenantId}";
        var admin = new Metadata { { "authorization", $"Bearer {await token("", "platform-admin")}" } };
        var boardToken = await token(tenantId, "board-admin");
        var board = new Metadata { { "authorization", $"Bearer {boardToken}" } };
        json.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", boardToken);
        var tenants = new V1.Tenants.TenantsClient(gateway);
        await tenants.CreateTenantAsync(new V1.CreateTenantRequest { TenantId = tenantId, Tenant = new V1.Tenant { DisplayName = "Metrics benchmark" } }, admin);
        await tenants.CreateRegionAsync(new V1.CreateRegionRequest
        {
            Parent = tenant, RegionId = "central", Region = new V1.Region { DisplayName = "Central", CountyFips = { "39049" } },
        }, board);
        var partnerships = new V1.Partnerships.PartnershipsClient(gateway);
        async Task<string> PartnershipAsync(string id) => (await partnerships.CreatePartnershipAsync(new V1.CreatePartnershipRequest
        {
            Parent = tenant, PartnershipId = id,
            Partnership = new V1.Partnership
            {
                DisplayName = id, Region = $"{tenant}/regions/central", TargetSector = new V1.TargetSector { NaicsCode = "62", Title = "Health Care" },
            },
        }, board)).Name;
        var imported = await PartnershipAsync("imported");

        Console.WriteLine($"SectorMesh Metrics benchmark: {rows:N0} PIRL participants into {tenant}, {Environment.ProcessorCount} cores");
        var pathways = Process.GetProcessesByName("SectorMesh.Pathways").FirstOrDefault();
        var before = pathways?.WorkingSet64 ?? 0;
        var clock = Stopwatch.StartNew();
        using (var upload = new StreamContent(PirlSample.Generate(rows, "p")))
        {
            using var response = await json.PostAsync($"/v1/{imported}/participants:import", upload);
            Console.WriteLine($"pirl import: {rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s), status {(int)response.StatusCode}");
        }
        if (pathways is not null)
        {
            pathways.Refresh();
            Console.WriteLine($"pathways working set: {before / 1_048_576} MiB before, {pathways.WorkingSet64 / 1_048_576} MiB after, peak {pathways.PeakWorkingSet64 / 1_048_576} MiB");
        }

        // The sample's exits fall in program year 2024's second-quarter cohort (July 2024 to June 2025).
        var statewide = $"/v1/{tenant}/performanceIndicators?programYear=2025";
        clock.Restart();
        long counted;
        while ((counted = Counted(await json.GetFromJsonAsync<JsonElement>(statewide))) < rows)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(60))
            {
                Console.WriteLine($"projection: {counted:N0} of {rows:N0} periods after an hour; stopped waiting");
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        Console.WriteLine($"projection: all {rows:N0} periods in Metrics {clock.Elapsed.TotalSeconds:F1} s after the import answered ({rows / clock.Elapsed.TotalSeconds:N0} a second)");

        // A query not asked before is computed; asked again, it comes from the cache until the next change is applied.
        async Task<double> TimedAsync(string query)
        {
            clock.Restart();
            (await json.GetAsync(query)).EnsureSuccessStatusCode();
            return clock.Elapsed.TotalMilliseconds;
        }
        var windows = Enumerable.Range(25, 6)
            .Select(day => $"/v1/{tenant}/performanceIndicators?exitStart=2024-07-01&exitEnd=2025-06-{day}&programYear=2025").ToList();
        var computed = new List<double>();
        foreach (var window in windows)
        {
            computed.Add(await TimedAsync(window));
        }
        var cached = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            cached.Add(await TimedAsync(windows[^1]));
        }
        Console.WriteLine($"statewide indicators over {rows:N0} periods, computed for {computed.Count} exit windows: " +
            $"{string.Join(", ", computed.Select(t => $"{t:N0}"))} ms; then {cached.Average():N1} ms from the cache");

        var client = new Pathways.Pathways.PathwaysClient(gateway);
        foreach (var rate in writes > 0 ? [1, 5, 20, 50] : Array.Empty<int>())
        {
            await ExitsToProjectionAsync(json, client, board, await PartnershipAsync($"written-{rate}"), rate, writes);
        }
    }

    /// <summary>
    /// Exits at a steady rate, each of a participant enrolled just before, and the time from each exit's answer until Metrics
    /// counts it. The partnership's count is polled every 20 ms; the k-th exit to be answered is taken as projected when
    /// the count reaches k (the projection applies events about in the order they were made).
    /// </summary>
    private static async Task ExitsToProjectionAsync(HttpClient json, Pathways.Pathways.PathwaysClient client, Metadata board, string partnership,
        int perSecond, int writes)
    {
        var clock = Stopwatch.StartNew();
        var answered = new System.Collections.Concurrent.ConcurrentBag<double>();
        var projected = new List<double>();
        var polling = Task.Run(async () =>
        {
            while (projected.Count < writes && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                var counted = Counted(await json.GetFromJsonAsync<JsonElement>($"/v1/{partnership}/performanceIndicators?programYear=2025"));
                while (projected.Count < Math.Min(counted, answered.Count))
                {
                    projected.Add(clock.Elapsed.TotalMilliseconds);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        });
        var exits = new List<Task>();
        for (var i = 1; i <= writes; i++)
        {
            var id = $"w-{i:D4}";
            exits.Add(Task.Run(async () =>
            {
                var participant = await client.CreateParticipantAsync(new Pathways.CreateParticipantRequest
                {
                    Parent = partnership, ParticipantId = id,
                    Participant = new Pathways.Participant { EntryDate = new Google.Type.Date { Year = 2025, Month = 1, Day = 5 } },
                }, board);
                await client.ExitParticipantAsync(new Pathways.ExitParticipantRequest
                {
                    Name = participant.Name, ExitDate = new Google.Type.Date { Year = 2025, Month = 3, Day = 1 },
                }, board);
                answered.Add(clock.Elapsed.TotalMilliseconds);
            }));
            await Task.Delay(TimeSpan.FromSeconds(1.0 / perSecond));
        }
        await Task.WhenAll(exits);
        await polling;
        var latencies = answered.Order().Zip(projected, (exit, seen) => Math.Max(0, seen - exit)).Order().ToList();
        Console.WriteLine($"exit to projection at {perSecond} exits a second, {latencies.Count} of {writes} exits: p50 {latencies[latencies.Count / 2]:N0} ms, " +
            $"p99 {latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(latencies.Count * 0.99) - 1)]:N0} ms, max {latencies[^1]:N0} ms (20 ms polling)");
    }

    /// <summary>Every period the second-quarter employment rate accounts for: counted, not yet available, or excluded.</summary>
    private static long Counted(JsonElement figures)
    {
        var q2 = figures.GetProperty("employmentRateQ2");
        long Count(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
        return Count(q2, "denominator") + Count(q2, "notYetAvailable")
            + (q2.TryGetProperty("excluded", out var excluded) ? excluded.EnumerateArray().Sum(e => Count(e, "count")) : 0);
    }
}
