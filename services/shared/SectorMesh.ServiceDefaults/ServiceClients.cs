using System.Reflection;
using Google.Protobuf;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SectorMesh.Contracts;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// The one way a service calls another (docs/decisions/0001-knowing-another-services-data.md): a typed client of
/// SectorMesh.Contracts, addressed by the deployment its .proto package names, that sends the caller's own token (so the
/// other service answers only what this caller may see), bounds every call by a deadline, and answers the other side's
/// NOT_FOUND as this service's and its being down or slow as UNAVAILABLE, never as INTERNAL or a guess.
/// </summary>
public static class ServiceClients
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services) where TClient : ClientBase<TClient>
    {
        services.AddHttpContextAccessor();
        services.TryAddTransient<ServiceCallInterceptor>();
        var deployment = ApiCatalog.DeploymentOf(ServiceOf(typeof(TClient)));
        return services.AddGrpcClient<TClient>(options => options.Address = new Uri($"http://{deployment}"))
            .AddInterceptor<ServiceCallInterceptor>();
    }

    /// <summary>The service a generated client calls: its enclosing class holds the service's descriptor.</summary>
    private static ServiceDescriptor ServiceOf(Type client) =>
        client.DeclaringType?.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ServiceDescriptor
        ?? throw new InvalidOperationException($"{client.Name} is not a client generated from a SectorMesh .proto.");
}

public sealed class ServiceCallInterceptor(IHttpContextAccessor http) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers ?? [];
        if (headers.Get("authorization") is null && http.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            headers.Add("authorization", authorization);
        }
        var options = context.Options.WithHeaders(headers).WithDeadline(context.Options.Deadline ?? DateTime.UtcNow.Add(ServiceClients.Deadline));
        var call = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
        return new AsyncUnaryCall<TResponse>(Answered(call.ResponseAsync, request, context.Method), call.ResponseHeadersAsync, call.GetStatus,
            call.GetTrailers, call.Dispose);
    }

    private static async Task<TResponse> Answered<TRequest, TResponse>(Task<TResponse> response, TRequest request, IMethod method)
    {
        try
        {
            return await response;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            var name = ApiCatalog.Methods.TryGetValue(method.FullName, out var access) && request is IMessage message ? access.ResourceOf(message) : "";
            throw new ResourceNotFound(name);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new DependencyUnavailable(
                $"The {method.ServiceName.Split('.')[^1]} service, which this call asks what it needs to know, is not answering; nothing was changed. Try again shortly.");
        }
    }
}
