using System.Reflection;
using System.Text.Json;
using Scalar.AspNetCore;

namespace SectorMesh.Gateway;

/// <summary>
/// The OpenAPI document of the JSON API at /openapi/v1.json and a reference page at /reference that reads it and
/// can try calls with a bearer token. Open to anyone in Development; elsewhere both need a signed-in caller.
/// The page is Scalar's, served from the gateway, with every offer of Scalar's own services turned off: a caller's
/// token and the document stay between the browser and the gateway.
/// </summary>
public static class ApiReference
{
    public const string PagePath = "/reference";

    /// <summary>The contracts' version, as packed: 0.1.0, without the build's source revision.</summary>
    public static string Version { get; } =
        (typeof(Contracts.ApiCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    private static readonly Lazy<string> Document = new(() => OpenApiContract.Document(Version).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public static void MapApiReference(this WebApplication app)
    {
        var document = app.MapGet(OpenApiContract.Path, () => Results.Text(Document.Value, "application/json"));
        var page = app.MapScalarApiReference(PagePath, options => options
            .WithTitle("SectorMesh API reference")
            .WithOpenApiRoutePattern(OpenApiContract.Path)
            .AddPreferredSecuritySchemes("bearer")
            // The toolbar's Share, Configure, Generate SDK and Deploy .NET (to Scalar's platform), and its promotions.
            .HideDeveloperTools()
            // Ask AI: Agent Scalar, a chat on Scalar's servers, which are sent the document.
            .DisableAgent()
            // Generate / Connect MCP.
            .DisableMcp()
            // Open API Client: the document opened on client.scalar.com.
            .HideClientButton()
            // Scalar's count of requests sent from the page.
            .DisableTelemetry()
            // Inter and JetBrains Mono from fonts.scalar.com; the page uses the browser's fonts.
            .DisableDefaultFonts());
        // Try it (Test Request) stays: the page sends the call from the browser straight to the gateway. No ProxyUrl is
        // set, and without one Scalar's reference sends nothing through proxy.scalar.com.
        if (app.Environment.IsDevelopment())
        {
            document.AllowAnonymous();
            page.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization();
            page.RequireAuthorization();
        }
    }
}
