using System.Text;

namespace SectorMesh.FaultTests;

/// <summary>What one fault did to the steady writes, and which of the suite's musts it broke.</summary>
public sealed record ScenarioReport(
    string Scenario,
    int Sent,
    int Accepted,
    int AcceptedAfterRetry,
    int AlreadyExisted,
    IReadOnlyDictionary<string, int> Errors,
    IReadOnlyList<string> ErrorDetails,
    int EventsExpected,
    int EventsConsumed,
    AppliedTwice Twice,
    long InErrorQueues,
    IReadOnlyList<string> ErrorQueues,
    TimeSpan? Recovery,
    TimeSpan Duration,
    IReadOnlyList<string> Unconsumed)
{
    /// <summary>The musts: nothing applied twice, nothing parked in an error queue, every accepted write's event consumed, no HTTP 500.</summary>
    public IReadOnlyList<string> Broken
    {
        get
        {
            var broken = new List<string>();
            if (Twice.Total > 0)
            {
                broken.Add($"{Twice.Total} effects applied twice (published {Twice.Published}, consumed {Twice.Consumed}, meetings {Twice.Meetings})");
            }
            if (InErrorQueues > 0)
            {
                broken.Add($"{InErrorQueues} messages parked in {string.Join(", ", ErrorQueues)}");
            }
            if (EventsConsumed < EventsExpected)
            {
                broken.Add($"{EventsExpected - EventsConsumed} accepted writes' events never consumed (first: {string.Join(", ", Unconsumed.Take(5))})");
            }
            if (Errors.TryGetValue("500", out var internalErrors))
            {
                broken.Add($"{internalErrors} responses were HTTP 500");
            }
            return broken;
        }
    }

    public static string Table(IEnumerable<ScenarioReport> reports)
    {
        var table = new StringBuilder()
            .AppendLine("| Scenario | Sent | Accepted (after a retry / already there) | Errors by status | Events consumed | Applied twice | In _error | Recovery | Took | Musts |")
            .AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in reports.OrderBy(r => r.Scenario, StringComparer.Ordinal))
        {
            var errors = r.Errors.Count == 0 ? "none" : string.Join(", ", r.Errors.Select(e => $"{e.Key}×{e.Value}"));
            var recovery = r.Recovery is { } t ? $"{t.TotalSeconds:F1} s" : "not within 90 s";
            var musts = r.Broken.Count == 0 ? "pass" : "FAIL: " + string.Join("; ", r.Broken);
            table.AppendLine($"| {r.Scenario} | {r.Sent} | {r.Accepted} ({r.AcceptedAfterRetry} / {r.AlreadyExisted}) | {errors} | {r.EventsConsumed}/{r.EventsExpected} | {r.Twice.Total} ({r.Twice.EventsLookedAt} events, {r.Twice.ConsumptionsLookedAt} consumed) | {r.InErrorQueues} | {recovery} | {r.Duration.TotalSeconds:F0} s | {musts} |");
        }
        return table.ToString();
    }
}
