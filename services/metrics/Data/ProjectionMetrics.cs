using System.Diagnostics.Metrics;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Metrics.Data;

/// <summary>How far the projections trail their sources: the time from a change in another service to its being applied here.</summary>
public sealed class ProjectionMetrics(TimeProvider clock)
{
    private static readonly Meter Meter = new(Telemetry.SectorMeshSource);

    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("sectormesh.metrics.projection_lag", unit: "s",
        description: "Now minus the time of the change, when a projection applies an event");

    public void Applied(string source, DateTimeOffset occurredAt) =>
        Lag.Record((clock.GetUtcNow() - occurredAt).TotalSeconds, new KeyValuePair<string, object?>("source", source));
}
