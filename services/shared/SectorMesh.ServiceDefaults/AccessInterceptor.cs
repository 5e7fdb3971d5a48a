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
/// method that declares no permission is refused. Refusals, and the changes of allowed calls, are
/// entered in the tenant's audit trail. Calls to other services (gRPC health) pass.
/// </summary>
public sealed class AccessInterceptor(AccessGate gate, ILogger<AccessInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var call = await DecideAsync(request, context);
        return await AuditedAsync(call, context, () => continuation(request, context));
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = await DecideAsync(request, context);
        await AuditedAsync(call, context, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var reader = new DecidedOnFirstMessage<TRequest>(requestStream, first => DecideAsync(first, context));
        return AuditedAsync(reader, context, () => continuation(reader, context));
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var reader = new DecidedOnFirstMessage<TRequest>(requestStream, first => DecideAsync(first, context));
        return AuditedAsync(reader, context, async () =>
        {
            await continuation(reader, responseStream, context);
            return true;
        });
    }

    /// <summary>Decides the call; what the audit trail needs of it, or null for a call outside SectorMesh's methods.</summary>
    private async Task<AuditedCall?> DecideAsync(object request, ServerCallContext context)
    {
        if (!ApiCatalog.Methods.TryGetValue(context.Method, out var method))
        {
            return null;
        }
        if (method.Permission == Permission.Unspecified)
        {
            logger.LogError("{Method} declares no permission in its .proto and is refused to every caller", context.Method);
        }
        var message = (IMessage)request;
        var resourceName = method.ResourceField is null ? "" : method.ResourceOf(message);
        var resource = method.ResourceField is { } field ? ResourceScope.Of(resourceName, field, method.Permission) : null;
        var call = new AuditedCall($"{method.Method.Service.FullName}/{method.Method.Name}", context.Caller(), resource, resourceName, message)
        {
            Created = method.CreatedNameOf(message),
            ServiceChoosesId = method.ServiceChoosesId(message),
        };
        // A change is entered once stored; a read of personal data whenever it happens.
        await gate.AdmitAsync(context.GetHttpContext(), call, method.Permission, method.Writes || method.Permission == Permission.ReadPersonalData);
        return call;
    }

    private Task<TResponse> AuditedAsync<TRequest, TResponse>(DecidedOnFirstMessage<TRequest> reader, ServerCallContext context, Func<Task<TResponse>> handler) =>
        AuditedAsync(() => reader.Call, context, handler);

    private Task<TResponse> AuditedAsync<TResponse>(AuditedCall? call, ServerCallContext context, Func<Task<TResponse>> handler) =>
        AuditedAsync(() => call, context, handler);

    /// <summary>
    /// Runs the handler, then enters what the outbox did not: a change stored without going through it, or a
    /// refusal the handler made itself (a partner member acting for another organization).
    /// </summary>
    private async Task<TResponse> AuditedAsync<TResponse>(Func<AuditedCall?> call, ServerCallContext context, Func<Task<TResponse>> handler)
    {
        TResponse response;
        try
        {
            response = await handler();
        }
        catch (AccessDenied) when (call() is { } refused)
        {
            await gate.RefusedAsync(context.GetHttpContext(), refused);
            throw;
        }
        await gate.CompleteAsync(context.GetHttpContext());
        return response;
    }

    /// <summary>A request stream whose first message (the one naming the resource) is decided before the handler sees it.</summary>
    private sealed class DecidedOnFirstMessage<T>(IAsyncStreamReader<T> inner, Func<T, Task<AuditedCall?>> decide) : IAsyncStreamReader<T>
    {
        private bool _decided;

        public AuditedCall? Call { get; private set; }

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var moved = await inner.MoveNext(cancellationToken);
            if (moved && !_decided)
            {
                _decided = true;
                Call = await decide(inner.Current);
            }
            return moved;
        }
    }
}
