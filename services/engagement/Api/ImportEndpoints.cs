using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Engagement.Api;

/// <summary>
/// File uploads over plain HTTP (the file is the request body), because gRPC JSON transcoding cannot
/// stream a request and labor market files run to hundreds of megabytes: their rows are stored as
/// they are read and the answer is the import report. A cohort's assessed skills come the same way.
/// Each is declared in engagement.proto as an upload of the Engagement service, which is how the gateway routes it.
/// </summary>
public static class ImportEndpoints
{
    private const string CohortSkillsRoute = "/v1/tenants/{tenant}/partnerships/{partnership}/cohorts/{cohort}:importSkills";
    private const string LaborMarketRoute = "/v1/tenants/{tenant}/lmi/{kind}:import";
    private const string PlatformLaborMarketRoute = "/v1/platform/lmi/{kind}:import";

    public static void MapImports(this WebApplication app)
    {
        app.MapPost(CohortSkillsRoute, ImportCohortSkills).RequireAuthorization();
        app.MapPost(LaborMarketRoute, (HttpContext http, string tenant, string kind, int? year, LmiStore store, ImportOptions options) =>
            HttpErrors.HandleAsync(http, async () =>
            {
                await http.AuthorizeAsync(Permission.WriteTenant, Names.Tenant.Format(tenant), $"POST {LaborMarketRoute}");
                return await ImportLaborMarketFile(http, tenant, $"tenants/{tenant}/lmi/{kind}", kind, year, store, options);
            })).RequireAuthorization();
        app.MapPost(PlatformLaborMarketRoute, (HttpContext http, string kind, int? year, LmiStore store, ImportOptions options) =>
            HttpErrors.HandleAsync(http, async () =>
            {
                await http.AuthorizeAsync(Permission.AdministerPlatform, "", $"POST {PlatformLaborMarketRoute}");
                return await ImportLaborMarketFile(http, LmiTables.Platform, $"platform/lmi/{kind}", kind, year, store, options);
            })).RequireAuthorization();
    }

    private static async Task<IMessage> ImportLaborMarketFile(HttpContext http, string owner, string resource, string kind, int? year,
        LmiStore store, ImportOptions options)
    {
        var format = kind switch
        {
            "qcew" => LmiFormat.QcewCsv,
            "oews" => LmiFormat.OewsCsv,
            "onet" => LmiFormat.OnetText,
            _ => throw new ResourceNotFound(resource),
        };
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBytes;
        }
        var report = new ImportReport();
        Stream body;
        try
        {
            body = await CompressedFile.OpenAsync(http.Request.BodyReader, http.Request.ContentType, options.MaxUnpackedBytes, http.RequestAborted);
        }
        catch (ImportRefused e)
        {
            throw new InvalidInput("file", e.Message);
        }
        using var file = new StreamReader(body);
        // With Accept: application/x-ndjson the report so far follows every stored batch, the final one last.
        Func<ImportReport, Task> progress = HttpErrors.WantsLines(http) ? r => HttpErrors.WriteLineAsync(http, r.ToProto()) : _ => Task.CompletedTask;
        await store.ImportAsync(owner, format, year, file, report, progress, http.RequestAborted);
        var answer = report.ToProto();
        answer.Done = true;
        return answer;
    }

    /// <summary>Creates the cohort from a skills file, or replaces the skills of the cohort already there.</summary>
    private static Task ImportCohortSkills(HttpContext http, string tenant, string partnership, string cohort, string? displayName,
        EngagementDbContext db, CancellationToken cancellationToken) =>
        HttpErrors.HandleAsync(http, async () =>
        {
            await http.AuthorizeAsync(Permission.WritePartnership, Names.Cohort.Format(tenant, partnership, cohort), $"POST {CohortSkillsRoute}");
            await db.EnsurePartnershipKnownAsync(tenant, partnership, cancellationToken);
            using var file = new StreamReader(http.Request.Body);
            var skills = await CohortSkillsReader.ReadAsync(file, cancellationToken);
            var existing = await db.Cohorts.SingleOrDefaultAsync(c => c.TenantId == tenant && c.PartnershipId == partnership && c.Id == cohort, cancellationToken);
            if (existing is null)
            {
                existing = WorkforceCohort.Describe(tenant, partnership, cohort, displayName ?? cohort, skills);
                db.Cohorts.Add(existing);
            }
            else
            {
                existing.ReplaceSkills(skills);
            }
            await db.SaveChangesAsync(cancellationToken);
            return (IMessage)existing.ToProto();
        });
}
