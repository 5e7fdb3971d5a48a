using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace SectorMesh.SampleClient;

/// <summary>A channel to the gateway's gRPC port that signs every call with a bearer token and retries UNAVAILABLE.</summary>
public static class GatewayChannel
{
    /// <summary>
    /// UNAVAILABLE means the call did not reach a service that could answer (one restarting, the gateway between
    /// backends): worth a few tries with backoff, within the call's deadline. Writes stay safe to repeat because
    /// they carry an etag or a caller-chosen id. Every other status is the answer.
    /// </summary>
    private static readonly ServiceConfig RetryUnavailable = new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 4,
                    InitialBackoff = TimeSpan.FromMilliseconds(200),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };

    public static (GrpcChannel Channel, CallInvoker Invoker) Open(Uri gateway, string token)
    {
        var channel = GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { ServiceConfig = RetryUnavailable });
        // A header rather than CallCredentials: those are sent only over TLS, and the local gateway's gRPC port is h2c.
        var invoker = channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return metadata;
        });
        return (channel, invoker);
    }
}
