using System.Diagnostics;

namespace SectorMesh.Benchmarks;

/// <summary>Latencies of one scenario, run by several concurrent callers for a fixed time.</summary>
public sealed record Measurement(string Name, int Requests, int Errors, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];

    public override string ToString() =>
        $"{Name,-40} {RequestsPerSecond,10:F0} req/s   p50 {P50,7:F2} ms   p99 {P99,7:F2} ms   ({Requests} ok, {Errors} errors)";

    /// <summary>Warms up, then runs <paramref name="call"/> from <paramref name="concurrency"/> callers for <paramref name="duration"/>.</summary>
    public static async Task<Measurement> RunAsync(string name, int concurrency, TimeSpan duration, Func<Task> call)
    {
        var warmUntil = DateTime.UtcNow.AddSeconds(2);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (DateTime.UtcNow < warmUntil)
            {
                await call();
            }
        }));

        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(name, all.Length, errors, elapsed, all);
    }
}
