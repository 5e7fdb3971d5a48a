using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using SectorMesh.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.UnitTests.Shared;

/// <summary>A call to another service, as every service makes it: on the caller's behalf, bounded, and answered in this service's terms.</summary>
public class ServiceClientTests
{
    private static readonly Method<V1.GetPartnershipRequest, V1.Partnership> GetPartnership = new(MethodType.Unary,
        "sectormesh.partnerships.v1.Partnerships", "GetPartnership",
        Marshallers.Create(r => r.ToByteArray(), V1.GetPartnershipRequest.Parser.ParseFrom),
        Marshallers.Create(r => r.ToByteArray(), V1.Partnership.Parser.ParseFrom));

    private static readonly V1.GetPartnershipRequest Request = new() { Name = "tenants/ohio/partnerships/healthcare" };

    private static (Task<V1.Partnership> Response, CallOptions Sent) Call(Func<Task<V1.Partnership>> answer, string? callerToken = "Bearer caller")
    {
        var http = callerToken is null ? null : new DefaultHttpContext { Request = { Headers = { Authorization = callerToken } } };
        var interceptor = new ServiceCallInterceptor(new HttpContextAccessor { HttpContext = http });
        CallOptions sent = default;
        var call = interceptor.AsyncUnaryCall(Request, new ClientInterceptorContext<V1.GetPartnershipRequest, V1.Partnership>(GetPartnership, null, new CallOptions()),
            (request, context) =>
            {
                sent = context.Options;
                return new AsyncUnaryCall<V1.Partnership>(answer(), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
            });
        return (call.ResponseAsync, sent);
    }

    [Fact]
    public async Task The_callers_own_token_is_sent_with_a_deadline()
    {
        var (response, sent) = Call(() => Task.FromResult(new V1.Partnership()));
        await response;

        Assert.Equal("Bearer caller", sent.Headers!.GetValue("authorization"));
        Assert.NotNull(sent.Deadline);
    }

    [Fact]
    public async Task The_other_services_not_found_is_this_services_for_the_name_asked_for()
    {
        var (response, _) = Call(() => Task.FromException<V1.Partnership>(new RpcException(new Status(StatusCode.NotFound, "gone"))));

        var error = await Assert.ThrowsAsync<ResourceNotFound>(() => response);
        Assert.Equal(Request.Name, error.ResourceName);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Internal)]
    public async Task The_other_service_down_or_slow_is_unavailable_naming_it(StatusCode code)
    {
        var (response, _) = Call(() => Task.FromException<V1.Partnership>(new RpcException(new Status(code, "down"))));

        var error = await Assert.ThrowsAsync<DependencyUnavailable>(() => response);
        Assert.Contains("Partnerships service", error.Message);
    }

    [Fact]
    public async Task Work_outside_a_call_sends_no_token_of_its_own()
    {
        var (response, sent) = Call(() => Task.FromResult(new V1.Partnership()), callerToken: null);
        await response;

        Assert.Null(sent.Headers!.Get("authorization"));
    }
}
