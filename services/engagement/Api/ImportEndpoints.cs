using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Engagement.Api;

/// <summary>
/// File imports as streamed HTTP uploads (POST the file as the body): gRPC JSON transcoding cannot
/// stream a request, and these files run to hundreds of megabytes. Rows are stored as they are
/// read; the answer is the import report.
/// </summary>
public static class ImportEndpoints
{
    /// <summary>A statewide QCEW annual file is a few hundred megabytes.</summary>
    public const long MaxFileBytes = 1L << 30;

    public static void MapImports(this WebApplication app)
    {
        app.MapPost("/v1/tenants/{tenant}/lmi/qcew:import", (HttpContext http, string tenant, LmiStore store) =>
            Import(http, tenant, (file, report) => store.ImportQcewAsync(tenant, file, report, http.RequestAborted))).RequireAuthorization();

        app.MapPost("/v1/tenants/{tenant}/lmi/oews:import", (HttpContext http, string tenant, int? year, LmiStore store) =>
            Import(http, tenant, (file, report) =>
            {
                new Violations().Require(year is >= 1997 and <= 2100, "year", "is required: the OEWS survey year the file holds, for example ?year=2024.").ThrowIfAny();
                return store.ImportOewsAsync(tenant, year!.Value, file, report, http.RequestAborted);
            })).RequireAuthorization();

        app.MapPost("/v1/tenants/{tenant}/lmi/onet:import", (HttpContext http, string tenant, LmiStore store) =>
            Import(http, tenant, (file, report) => store.ImportOnetAsync(tenant, file, report, http.RequestAborted))).RequireAuthorization();
    }

    private static Task Import(HttpContext http, string tenant, Func<TextReader, ImportReport, Task> import) =>
        HttpErrors.HandleAsync(http, async () =>
        {
            var caller = Caller.From(http.User);
            caller.EnsureTenant(tenant, $"tenants/{tenant}");
            caller.Ensure(caller.CanImportData(tenant), "import labor market or skills data");
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxFileBytes;
            }
            var report = new ImportReport();
            using var file = new StreamReader(http.Request.Body);
            try
            {
                await import(file, report);
            }
            catch (ImportRefused e)
            {
                throw new InvalidInput("file", e.Message);
            }
            return (IMessage)report.ToProto();
        });
}
