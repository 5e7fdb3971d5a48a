using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Metrics.Data;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.Metrics.Api;

/// <summary>The WIOA primary indicators of a partnership, or of a tenant statewide, computed from the projected periods on each call.</summary>
public sealed partial class MetricsApi(MetricsDbContext db, ResourceCache cache, TimeProvider clock) : V1.Metrics.MetricsBase
{
    private static readonly string[] UpdatableSettings = ["suppression_threshold"];

    public override async Task<V1.PerformanceIndicators> GetPartnershipPerformanceIndicators(V1.GetPartnershipPerformanceIndicatorsRequest request,
        ServerCallContext context)
    {
        var (tenant, partnership) = Names.PartnershipPerformanceIndicators.Parse(request.Name, "name");
        return await IndicatorsAsync(request.Name, tenant, partnership, request.ProgramYear, request.ExitStart, request.ExitEnd, context.CancellationToken);
    }

    public override async Task<V1.PerformanceIndicators> GetStatewidePerformanceIndicators(V1.GetStatewidePerformanceIndicatorsRequest request,
        ServerCallContext context)
    {
        var tenant = Names.StatewidePerformanceIndicators.Parse(request.Name, "name")[0];
        return await IndicatorsAsync(request.Name, tenant, null, request.ProgramYear, request.ExitStart, request.ExitEnd, context.CancellationToken);
    }

    public override async Task<Google.Api.HttpBody> ExportPartnershipPerformanceIndicators(V1.ExportPartnershipPerformanceIndicatorsRequest request,
        ServerCallContext context)
    {
        var (tenant, partnership) = Names.PartnershipPerformanceIndicators.Parse(request.Name, "name");
        var selection = CohortSelection.Read(request.ProgramYear, request.ExitStart, request.ExitEnd, Today);
        var threshold = (await SettingsAsync(tenant, context.CancellationToken)).SuppressionThreshold;
        var results = await ReportAsync(tenant, partnership, selection, threshold, context.CancellationToken);
        context.GetHttpContext().Response.Headers.ContentDisposition =
            $"attachment; filename=\"{partnership}-performance-indicators-py{selection.ProgramYear}.csv\"";
        return new Google.Api.HttpBody
        {
            ContentType = "text/csv; charset=utf-8",
            Data = Google.Protobuf.ByteString.CopyFromUtf8(string.Join('\n', IndicatorCsv.Write(results)) + "\n"),
        };
    }

    /// <summary>
    /// The indicators from Redis when they were computed at the tenant's current generation: a change applied since moves the
    /// key on, and the cache's expiry bounds how long "a year after exit has passed" can lag the calendar.
    /// </summary>
    private async Task<V1.PerformanceIndicators> IndicatorsAsync(string name, string tenant, string? partnership, int programYear, string exitStart,
        string exitEnd, CancellationToken cancellationToken)
    {
        var selection = CohortSelection.Read(programYear, exitStart, exitEnd, Today);
        var generation = await db.GenerationAsync(tenant, cancellationToken);
        return await cache.GetOrLoadAsync($"{name}?{programYear}|{exitStart}|{exitEnd}#{generation}", V1.PerformanceIndicators.Parser, async () =>
        {
            var threshold = (await SettingsAsync(tenant, cancellationToken)).SuppressionThreshold;
            return (await ReportAsync(tenant, partnership, selection, threshold, cancellationToken)).ToProto(name, programYear, threshold);
        });
    }

    public override async Task<V1.MetricsSettings> GetMetricsSettings(V1.GetMetricsSettingsRequest request, ServerCallContext context)
    {
        var tenant = Names.MetricsSettings.Parse(request.Name, "name")[0];
        var settings = await SettingsAsync(tenant, context.CancellationToken);
        return settings.ToProto(db.IsStored(settings) ? db.VersionOf(settings) : 0);
    }

    /// <summary>Saved with the tenant's generation advanced, so no answer computed under the old threshold is served again.</summary>
    public override async Task<V1.MetricsSettings> UpdateMetricsSettings(V1.UpdateMetricsSettingsRequest request, ServerCallContext context)
    {
        var name = request.Settings?.Name ?? "";
        var tenant = Names.MetricsSettings.Parse(name, "settings.name")[0];
        var settings = await SettingsAsync(tenant, context.CancellationToken);
        Etags.Ensure(request.Settings!.Etag, db.IsStored(settings) ? db.VersionOf(settings) : 0, name);
        foreach (var path in UpdateMasks.Read(request.UpdateMask, UpdatableSettings))
        {
            switch (path)
            {
                case "suppression_threshold": settings.SuppressCellsUnder(request.Settings.SuppressionThreshold); break;
            }
        }
        if (!db.IsStored(settings))
        {
            db.Settings.Add(settings);
        }
        await db.SaveAdvancingGenerationAsync(tenant, context.CancellationToken);
        return settings.ToProto(db.VersionOf(settings));
    }

    /// <summary>Read tracked, so that its etag version is known; a tenant that never saved any has the defaults.</summary>
    private async Task<MetricsSettings> SettingsAsync(string tenant, CancellationToken cancellationToken) =>
        await db.Settings.SingleOrDefaultAsync(s => s.TenantId == tenant, cancellationToken) ?? MetricsSettings.Default(tenant);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Reads the outcome columns of only the periods some cohort can hold (an exit in one of the windows, or education or
    /// training overlapping the program year), counting each as it is read.
    /// </summary>
    private async Task<IReadOnlyList<IndicatorResult>> ReportAsync(string tenant, string? partnership, CohortSelection selection, int threshold,
        CancellationToken cancellationToken)
    {
        var windows = Enum.GetValues<Indicator>().Where(i => i != Indicator.MeasurableSkillGainsRate).Select(selection.WindowFor).ToList();
        var (firstExit, lastExit) = (windows.Min(w => w.Start), windows.Max(w => w.End));
        var year = selection.WindowFor(Indicator.MeasurableSkillGainsRate);
        var report = new PerformanceReport(selection, Today);
        await StoredOutcomes.ReadAsync(db, tenant, partnership, new Window(firstExit, lastExit), year, report.Add, cancellationToken);
        return report.Results(threshold);
    }
}
