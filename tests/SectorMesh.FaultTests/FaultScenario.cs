using Npgsql;
using SectorMesh.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace SectorMesh.FaultTests;

/// <summary>
/// One fault under steady writes: 5 s of writes, the fault, 10 s more writes once it has healed, retries of
/// refused writes for up to 30 s more, then a wait of at most 90 s from the fault's end for every accepted
/// write's event to reach Engagement's copy.
/// </summary>
public sealed class FaultScenario(FaultPlatform fixture, ITestOutputHelper output)
{
    public const double WritesPerSecond = 30;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WritesAfterFault = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConsumeWithin = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(15);

    public async Task<ScenarioReport> RunAsync(string scenario, string prefix, Func<Task> inject, TimeSpan hold, Func<Task> heal)
    {
        var started = DateTime.UtcNow;
        var servers = fixture.Servers;
        var errorQueuesBefore = await servers.ErrorQueuesAsync();
        using var gateway = WriteLoad.Client(fixture.Platform, fixture.Tenant.BoardToken);
        var load = new WriteLoad(gateway, fixture.Tenant, prefix, WritesPerSecond);
        var effects = new Effects(fixture.Platform.Database, fixture.Platform.EngagementDatabase, fixture.Tenant.TenantId, prefix);

        load.Start();
        DateTime faultEnd;
        Task<(TimeSpan? Recovery, HashSet<(WriteKind, string)> Copied)> watch;
        try
        {
            await Task.Delay(WarmUp);
            try
            {
                await inject();
                await Task.Delay(hold);
            }
            finally
            {
                await heal();
                faultEnd = DateTime.UtcNow;
            }
            watch = WatchAsync(load, effects, faultEnd, async () => ParkedSince(errorQueuesBefore, await servers.ErrorQueuesAsync()).Count > 0);
            await Task.Delay(WritesAfterFault);
        }
        finally
        {
            await load.CompleteAsync(DateTime.UtcNow + RetryFor);
        }
        var (recovery, copied) = await watch;
        var writes = load.Writes;
        var withEvents = writes.Where(w => w.Accepted && w.HasEvent).ToList();
        var unconsumed = withEvents.Where(w => !copied.Contains((w.Kind, w.Partnership)))
            .Select(w => w.Kind == WriteKind.AddEmployer ? $"{w.Partnership} employer" : w.Partnership).ToList();

        if (unconsumed.Count == 0)
        {
            await NothingLeftToDeliverAsync(effects);
        }
        var twice = await effects.AppliedTwiceAsync();
        var parked = ParkedSince(errorQueuesBefore, await servers.ErrorQueuesAsync());

        var report = new ScenarioReport(scenario, writes.Count, writes.Count(w => w.Accepted), writes.Count(w => w.Accepted && w.Attempts > 1),
            writes.Count(w => w.AcceptedOnRetry), load.Errors, load.ErrorDetails,
            withEvents.Count, withEvents.Count - unconsumed.Count, twice, parked.Values.Sum(), [.. parked.Keys], recovery,
            DateTime.UtcNow - started, unconsumed);
        fixture.Reports.Add(report);
        var table = ScenarioReport.Table([report]) + string.Join(Environment.NewLine, report.ErrorDetails);
        output.WriteLine(table);
        Console.WriteLine(table);
        return report;
    }

    /// <summary>
    /// Waits, instead of pausing for a redelivery that would apply an effect a second time, until none can come: every
    /// event Partnerships and Engagement wrote has been confirmed by the broker (an outbox publishes a row again only while
    /// it is unconfirmed), and no queue a consumer reads holds a message, waiting or delivered and not acknowledged (a
    /// message acknowledged is never delivered again). A sentinel would prove nothing here: Engagement handles its queues
    /// several messages at a time and retries a failing one in place, so a later message handled says nothing of an
    /// earlier one. Once everything is consumed this takes moments; a message that never leaves its queue fails the scenario.
    /// </summary>
    private Task NothingLeftToDeliverAsync(Effects effects) => Eventually.ValueAsync(
        async () =>
        {
            // The outboxes first: what they had confirmed is in its queues by then, so the queues read after hold it if unconsumed.
            var (partnerships, engagement) = await effects.UnsentAsync();
            var left = new Dictionary<string, long>(await fixture.Servers.UnfinishedDeliveriesAsync());
            if (partnerships > 0)
            {
                left["unsent in the Partnerships outbox"] = partnerships;
            }
            if (engagement > 0)
            {
                left["unsent in the Engagement outbox"] = engagement;
            }
            return left;
        },
        left => left.Count == 0, "every event confirmed by the broker and every queue a consumer reads empty", TimeSpan.FromSeconds(60));

    /// <summary>
    /// Polls Engagement's copy from the fault's end. Recovery is when every write sent before the fault ended
    /// has its answer and, if accepted, its event consumed. Stops when every accepted write's event is consumed,
    /// at the 90 s bound, or early when nothing more arrives for 15 s while messages sit in an error queue,
    /// where nothing will consume them.
    /// </summary>
    private static async Task<(TimeSpan? Recovery, HashSet<(WriteKind, string)> Copied)> WatchAsync(
        WriteLoad load, Effects effects, DateTime faultEnd, Func<Task<bool>> parked)
    {
        TimeSpan? recovery = null;
        var copied = new HashSet<(WriteKind, string)>();
        var lastProgress = DateTime.UtcNow;
        var lastParkedCheck = DateTime.MinValue;
        while (true)
        {
            try
            {
                var now = await effects.CopiedAsync();
                if (now.Count != copied.Count)
                {
                    lastProgress = DateTime.UtcNow;
                }
                copied = now;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The copy's database may still be coming back; ask again.
            }
            var writes = load.Writes;
            bool Consumed(Write w) => !w.Accepted || !w.HasEvent || copied.Contains((w.Kind, w.Partnership));
            if (recovery is null && writes.Where(w => w.FirstSentAt < faultEnd).All(w => w.Final && Consumed(w)))
            {
                recovery = DateTime.UtcNow - faultEnd;
            }
            if (recovery is not null && load.Completed && writes.All(Consumed))
            {
                return (recovery, copied);
            }
            if (DateTime.UtcNow - faultEnd > ConsumeWithin)
            {
                return (recovery, copied);
            }
            if (load.Completed && DateTime.UtcNow - lastProgress > NoProgress && DateTime.UtcNow - lastParkedCheck > TimeSpan.FromSeconds(5))
            {
                lastParkedCheck = DateTime.UtcNow;
                if (await parked())
                {
                    return (recovery, copied);
                }
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Messages that arrived in error queues since <paramref name="before"/>, by queue.</summary>
    private static Dictionary<string, long> ParkedSince(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Select(q => (q.Key, Count: q.Value - before.GetValueOrDefault(q.Key)))
            .Where(q => q.Count > 0)
            .ToDictionary(q => q.Key, q => q.Count);
}
