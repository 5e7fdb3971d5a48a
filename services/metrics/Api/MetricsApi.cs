using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Metrics.Data;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.Metrics.Api;

/// <summary>The WIOA primary indicators of a partnership, or of a tenant statewide, computed from the projected periods on each call.</summary>
public sealed class MetricsApi(MetricsDbContext db, ResourceCache cache, TimeProvider clock, MetricsOptions options) : V1.Metrics.MetricsBase
{
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
        var results = await ReportAsync(tenant, partnership, selection, context.CancellationToken);
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
            (await ReportAsync(tenant, partnership, selection, cancellationToken)).ToProto(name, programYear, options.SuppressionThreshold));
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Reads only the periods some cohort can hold (an exit in one of the windows, or education or training overlapping the
    /// program year), then counts them in memory.
    /// </summary>
    private async Task<IReadOnlyList<IndicatorResult>> ReportAsync(string tenant, string? partnership, CohortSelection selection,
        CancellationToken cancellationToken)
    {
        var windows = Enum.GetValues<Indicator>().Where(i => i != Indicator.MeasurableSkillGainsRate).Select(selection.WindowFor).ToList();
        var (firstExit, lastExit) = (windows.Min(w => w.Start), windows.Max(w => w.End));
        var year = selection.WindowFor(Indicator.MeasurableSkillGainsRate);
        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.TenantId == tenant && (partnership == null || p.PartnershipId == partnership))
            .Where(p => (p.ExitDate >= firstExit && p.ExitDate <= lastExit)
                || (p.TrainingEntered <= year.End && (p.TrainingCompleted == null || p.TrainingCompleted >= year.Start)))
            .Select(p => p.Period)
            .ToListAsync(cancellationToken);
        return PerformanceReport.Compute(periods, selection, Today, options.SuppressionThreshold);
    }
}

/// <summary>Metrics settings: the smallest denominator a breakdown cell is shown with.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public int SuppressionThreshold { get; set; } = Breakdowns.DefaultThreshold;
}
