using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Data.Imports;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>The PIRL participant file, uploaded over plain HTTP (the file is the body), declared in pathways.proto.</summary>
public static class ImportEndpoints
{
    private const string ParticipantsRoute = "/v1/tenants/{tenant}/partnerships/{partnership}/participants:import";

    /// <summary>1,000,000 participants take 100 to 200 MB, as much as the gateway lets an upload send; the file streams through, never held whole.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    public static void MapImports(this WebApplication app) =>
        app.MapPost(ParticipantsRoute, (HttpContext http, string tenant, string partnership, ParticipantImport import, PartnershipDirectory directory) =>
            HttpErrors.HandleAsync(http, async () =>
            {
                await http.AuthorizeAsync(Permission.WritePartnership, Names.Partnership.Format(tenant, partnership), $"POST {ParticipantsRoute}");
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxBytes;
                }
                await directory.EnsurePartnershipAsync(tenant, partnership, http.RequestAborted);
                using var file = new StreamReader(http.Request.Body);
                ParticipantImportReport report;
                try
                {
                    report = await import.ImportAsync(tenant, partnership, Caller.From(http.User).Subject, file, http.RequestAborted);
                }
                catch (ImportRefused e)
                {
                    throw new InvalidInput("file", e.Message);
                }
                return (IMessage)new V1.ParticipantImportReport
                {
                    ParticipantsEnrolled = report.Enrolled, ParticipantsUpdated = report.Updated, ParticipantsUnchanged = report.Unchanged,
                    PeriodsOfParticipation = report.Periods, IgnoredElements = { report.IgnoredElements },
                };
            })).RequireAuthorization();
}
