using Microsoft.EntityFrameworkCore;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Metrics.Data;

/// <summary>
/// Decides again, after a start, the outcomes of periods stored under older rules (<see cref="PeriodOutcomes.RulesVersion"/>),
/// from the period each row holds, a batch at a time. Rows are locked while they are decided, so a projection applying a newer
/// event waits and then writes its own; the indicators read an undecided row from its period meanwhile, so no answer waits.
/// </summary>
public sealed class OutcomesUpgrade(IServiceScopeFactory scopes, ILogger<OutcomesUpgrade> logger) : BackgroundService
{
    private const int BatchSize = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var decided = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await DecideBatchAsync(stoppingToken);
                if (batch == 0)
                {
                    break;
                }
                decided += batch;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Outcomes of older periods not yet decided again, retrying in a minute: {Error}", e.Message);
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
        if (decided > 0)
        {
            logger.LogInformation("Decided again the outcomes of {Count} periods stored under older rules", decided);
        }
    }

    private async Task<int> DecideBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().EnterEveryTenant("the outcomes of every tenant's periods are decided again under new rules");
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var periods = await db.Periods
            .FromSqlInterpolated($"SELECT * FROM periods WHERE outcomes_version <> {PeriodOutcomes.RulesVersion} LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .Include(p => p.Document)
            .ToListAsync(cancellationToken);
        foreach (var period in periods)
        {
            period.Hold(period.Document.Period);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return periods.Count;
    }
}
