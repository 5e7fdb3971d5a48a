using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Radzen;
using SectorMesh.ServiceDefaults;
using SectorMesh.Web.Components;
using SectorMesh.Web.Sessions;
using StackExchange.Redis;

namespace SectorMesh.Web;

public static class StaffWeb
{
    /// <summary>Interactive Server pages, prerendered; sessions and the Data Protection key ring in Redis; the API through the gateway.</summary>
    public static void AddStaffWeb(this WebApplicationBuilder builder)
    {
        // Run from its build output (the AppHost, the tests) in any environment, the application serves the component
        // library's files from where the build left them; a published image has them in wwwroot and no such manifest.
        builder.WebHost.UseStaticWebAssets();
        builder.AddServiceDefaults();
        builder.AddSectorMeshRedis();
        builder.Services.AddDataProtection().SetApplicationName("sectormesh-web");
        // Every replica reads and writes one key ring, through the platform's one Redis connection.
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(keys =>
            keys.XmlRepository = new RedisXmlRepository(() => services.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), "sectormesh:web:data-protection")));
        builder.AddStaffSignIn();
        builder.Services.AddGatewayClients();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // The gateway in front says which scheme and host the browser used, so redirects (sign-in) go back there. Only the
            // gateway reaches this application (loopback locally, the network policy in Kubernetes), so its address is not listed.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });
    }

    public static void MapStaffWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapDefaultEndpoints();
        app.MapStaticAssets();
        app.MapStaffSignIn();
        app.MapExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
