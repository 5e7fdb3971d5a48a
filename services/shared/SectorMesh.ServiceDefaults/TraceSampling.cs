using System.Diagnostics;
using OpenTelemetry.Trace;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// A trace starts where a request reaches a service (a server span) and takes in everything that joins it, across the
/// broker too. Work no request is behind (a message published with no trace, as an import's million snapshots or an
/// operator's republish are, a background service's queries) starts none: it is measured by the metrics, and a bulk of
/// events does not become as many traces for the collector and the dashboard to take in on the service's own cores.
/// </summary>
public sealed class RequestTraces : Sampler
{
    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        parameters.ParentContext.TraceId != default
            ? parameters.ParentContext.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? Sampled : Dropped
            : parameters.Kind == ActivityKind.Server ? Sampled : Dropped;
}
