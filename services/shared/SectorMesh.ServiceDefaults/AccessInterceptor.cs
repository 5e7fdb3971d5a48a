using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using SectorMesh.Contracts;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Decides every call to a SectorMesh method before its handler runs: the permission the method
/// declares in its .proto (sectormesh.access), the caller's token, and the tenant and partnership
/// of the resource the request names. An allowed call's queries are then bound to that tenant. A
/// method that declares no permission is refused. Calls to other services (gRPC health) pass.
/// </summary>
public sealed class AccessInterceptor(TenantScope tenants, ILogger<AccessInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Decide(request, context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Decide(request, context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new DecidedOnFirstMessage<TRequest>(requestStream, first => Decide(first, context)), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new DecidedOnFirstMessage<TRequest>(requestStream, first => Decide(first, context)), responseStream, context);

    private void Decide(object request, ServerCallContext context)
    {
        if (!ApiCatalog.Methods.TryGetValue(context.Method, out var method))
        {
            return;
        }
        if (method.Permission == Permission.Unspecified)
        {
            logger.LogError("{Method} declares no permission in its .proto and is refused to every caller", context.Method);
        }
        var resourceName = method.ResourceField is { } field ? method.ResourceOf((IMessage)request) : "";
        var resource = method.ResourceField is { } resourceField ? ResourceScope.Of(resourceName, resourceField, method.Permission) : null;
        context.Caller().Decide(method.Permission, resource).Enforce(method.Permission, resourceName);
        if (resource is not null)
        {
            tenants.Enter(resource.Tenant);
        }
    }

    /// <summary>A request stream whose first message (the one naming the resource) is decided before the handler sees it.</summary>
    private sealed class DecidedOnFirstMessage<T>(IAsyncStreamReader<T> inner, Action<T> decide) : IAsyncStreamReader<T>
    {
        private bool _decided;

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var moved = await inner.MoveNext(cancellationToken);
            if (moved && !_decided)
            {
                decide(inner.Current);
                _decided = true;
            }
            return moved;
        }
    }
}
