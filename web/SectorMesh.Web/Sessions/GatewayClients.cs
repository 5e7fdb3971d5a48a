using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Components.Authorization;

namespace SectorMesh.Web.Sessions;

/// <summary>
/// The platform's API as the pages call it: the typed clients of SectorMesh.Contracts, through the gateway (found by service
/// discovery, as every service finds another), each call carrying the signed-in user's own token, so the services decide what
/// the user may see and do, and audit it under the user's name.
/// </summary>
public static class GatewayClients
{
    /// <summary>The gateway's JSON endpoint, for what only it answers (the Development token).</summary>
    public const string Json = "gateway-json";

    /// <summary>The gateway's JSON endpoint for file imports: a large file takes longer than the resilience defaults allow, and is sent once.</summary>
    public const string Upload = "gateway-upload";

    public static void AddGatewayClients(this IServiceCollection services)
    {
        services.AddHttpClient(Json, http => http.BaseAddress = new Uri("http://gateway"));
        // A streamed body cannot be retried, and an import outlasts the resilience handler's total timeout; the API is
        // still an evaluation one in this release of Microsoft.Extensions.Http.Resilience.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(Upload, http => (http.BaseAddress, http.Timeout) = (new Uri("http://gateway"), TimeSpan.FromMinutes(30)))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        Add<Contracts.Partnerships.V1.Partnerships.PartnershipsClient>(services);
        Add<Contracts.Partnerships.V1.Tenants.TenantsClient>(services);
        Add<Contracts.Metrics.V1.Metrics.MetricsClient>(services);
        Add<Contracts.Pathways.V1.Pathways.PathwaysClient>(services);
    }

    private static void Add<TClient>(IServiceCollection services) where TClient : ClientBase<TClient> =>
        services.AddGrpcClient<TClient>(options => options.Address = new Uri("http://_grpc.gateway"))
            // Inside the cluster the gateway's gRPC port is plain HTTP/2; the token still goes on every call.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true)
            .AddCallCredentials(async (context, metadata, provider) =>
            {
                var user = (await provider.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
                var token = await provider.GetRequiredService<SessionTokens>().AccessTokenAsync(user, context.CancellationToken);
                metadata.Add("authorization", $"Bearer {token}");
            });
}
