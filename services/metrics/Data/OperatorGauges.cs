using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Metrics.Data;

/// <summary>
/// For operators, counted now and then: the periods of participation Metrics holds and those still open (active
/// participants), by tenant, and the partnerships by tenant and stage.
/// </summary>
public sealed class OperatorGauges(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OperatorGauges> logger) : BackgroundService
{
    private static readonly Meter Meter = new(Telemetry.SectorMeshSource);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private IReadOnlyList<(string Tenant, long Periods, long Active)> _counts = [];
    private IReadOnlyList<StageCount> _stages = [];

    /// <summary>How many partnerships of a tenant are in a stage.</summary>
    public sealed record StageCount(string TenantId, string Stage, long Partnerships);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Meter.CreateObservableGauge("sectormesh.metrics.periods", () => _counts.Select(c => Tagged(c.Periods, c.Tenant)),
            description: "Periods of participation Metrics holds");
        Meter.CreateObservableGauge("sectormesh.metrics.active_participants", () => _counts.Select(c => Tagged(c.Active, c.Tenant)),
            description: "Periods of participation not yet exited");
        Meter.CreateObservableGauge("sectormesh.metrics.partnerships",
            () => _stages.Select(c => new Measurement<long>(c.Partnerships, new("tenant", c.TenantId), new("stage", c.Stage))),
            description: "Partnerships by stage, as the Partnerships service's events have stated it");
        while (!stoppingToken.IsCancellationRequested)
        {
            using (SuppressInstrumentationScope.Begin())
            {
                await CountAsync(stoppingToken);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().EnterEveryTenant("the operators' gauges count every tenant's periods and partnerships");
            var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
            _counts = (await db.Periods.GroupBy(p => p.TenantId)
                    .Select(g => new { Tenant = g.Key, Periods = g.LongCount(), Active = g.LongCount(p => p.ExitDate == null) })
                    .ToListAsync(cancellationToken))
                .Select(c => (c.Tenant, c.Periods, c.Active)).ToList();
            _stages = await db.Database.SqlQuery<StageCount>($"""
                SELECT tenant_id AS "TenantId", facts->'profile'->'value'->>'stage' AS "Stage", count(*) AS "Partnerships"
                FROM partnership_facts WHERE facts->'profile' IS NOT NULL AND facts->'profile' <> 'null'::jsonb GROUP BY 1, 2
                """).ToListAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Periods and partnerships not counted: {Error}", e.Message);
        }
    }

    private static Measurement<long> Tagged(long value, string tenant) => new(value, new KeyValuePair<string, object?>("tenant", tenant));
}
