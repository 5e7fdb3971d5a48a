using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Metrics.Data;

/// <summary>For operators: the periods of participation Metrics holds and those still open (active participants), by tenant, counted now and then.</summary>
public sealed class ParticipationGauges(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ParticipationGauges> logger) : BackgroundService
{
    private static readonly Meter Meter = new(Telemetry.SectorMeshSource);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private IReadOnlyList<(string Tenant, long Periods, long Active)> _counts = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Meter.CreateObservableGauge("sectormesh.metrics.periods", () => _counts.Select(c => Tagged(c.Periods, c.Tenant)),
            description: "Periods of participation Metrics holds");
        Meter.CreateObservableGauge("sectormesh.metrics.active_participants", () => _counts.Select(c => Tagged(c.Active, c.Tenant)),
            description: "Periods of participation not yet exited");
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
            scope.ServiceProvider.GetRequiredService<TenantScope>().EnterEveryTenant("the operators' gauges count every tenant's periods");
            var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
            _counts = (await db.Periods.GroupBy(p => p.TenantId)
                    .Select(g => new { Tenant = g.Key, Periods = g.LongCount(), Active = g.LongCount(p => p.ExitDate == null) })
                    .ToListAsync(cancellationToken))
                .Select(c => (c.Tenant, c.Periods, c.Active)).ToList();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Periods not counted: {Error}", e.Message);
        }
    }

    private static Measurement<long> Tagged(long value, string tenant) => new(value, new KeyValuePair<string, object?>("tenant", tenant));
}
