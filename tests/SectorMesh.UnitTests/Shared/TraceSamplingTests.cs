using System.Diagnostics;
using OpenTelemetry.Trace;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

public class TraceSamplingTests
{
    private static SamplingDecision Decide(ActivityKind kind, ActivityContext parent = default) =>
        new RequestTraces().ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "span", kind)).Decision;

    private static ActivityContext Parent(ActivityTraceFlags flags) => new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), flags, isRemote: true);

    [Fact]
    public void A_request_reaching_a_service_starts_a_trace()
    {
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(ActivityKind.Server));
    }

    [Theory]
    [InlineData(ActivityKind.Consumer)]
    [InlineData(ActivityKind.Producer)]
    [InlineData(ActivityKind.Client)]
    [InlineData(ActivityKind.Internal)]
    public void Work_no_request_is_behind_starts_none(ActivityKind kind)
    {
        Assert.Equal(SamplingDecision.Drop, Decide(kind));
    }

    [Fact]
    public void A_message_carrying_a_recorded_trace_joins_it()
    {
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(ActivityKind.Consumer, Parent(ActivityTraceFlags.Recorded)));
    }

    [Fact]
    public void A_span_under_a_parent_that_was_not_recorded_is_not_either()
    {
        Assert.Equal(SamplingDecision.Drop, Decide(ActivityKind.Client, Parent(ActivityTraceFlags.None)));
    }
}
