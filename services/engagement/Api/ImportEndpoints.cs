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

    public static void MapImports(this WebApplication app) =>
        app.MapPost("/v1/tenants/{tenant}/lmi/{kind}:import", (HttpContext http, string tenant, string kind, int? year, LmiStore store) =>
            HttpErrors.HandleAsync(http, async () =>
            {
                var caller = Caller.From(http.User);
                caller.EnsureTenant(tenant, $"tenants/{tenant}");
                caller.Ensure(caller.CanImportData(tenant), "import labor market or skills data");
                var format = kind switch
                {
                    "qcew" => LmiFormat.QcewCsv,
                    "oews" => LmiFormat.OewsCsv,
                    "onet" => LmiFormat.OnetText,
                    _ => throw new ResourceNotFound($"tenants/{tenant}/lmi/{kind}"),
                };
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxFileBytes;
                }
                var report = new ImportReport();
                using var file = new StreamReader(http.Request.Body);
                await store.ImportAsync(tenant, format, year, file, report, _ => Task.CompletedTask, http.RequestAborted);
                var answer = report.ToProto();
                answer.Done = true;
                return (IMessage)answer;
            })).RequireAuthorization();
}
