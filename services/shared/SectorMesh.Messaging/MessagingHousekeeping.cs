using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace SectorMesh.Messaging;

/// <summary>
/// Purges what the outbox and the consumers' memory of handled messages no longer need, after the
/// retention in <see cref="OutboxOptions"/>, in small batches so that no purge holds locks for long.
/// </summary>
public sealed class MessagingHousekeeping<TDbContext>(
    IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<MessagingHousekeeping<TDbContext>> logger)
    : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (outbox, processed) = await PurgeAsync(stoppingToken);
                if (outbox + processed > 0)
                {
                    logger.LogInformation("Purged {Outbox} dispatched outbox rows and {Processed} handled message ids", outbox, processed);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Messaging housekeeping could not purge; trying again later: {Error}", e.Message);
            }
            try
            {
                await Task.Delay(options.Value.PurgeInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes everything past its retention, one small batch at a time; how many rows of each went.</summary>
    public async Task<(int Outbox, int Processed)> PurgeAsync(CancellationToken cancellationToken)
    {
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = clock.GetUtcNow();
        var outbox = await InBatchesAsync(db, $$"""
            DELETE FROM {{ModelBuilderExtensions.OutboxTable}} WHERE id IN
                (SELECT id FROM {{ModelBuilderExtensions.OutboxTable}} WHERE dispatched_at < {0} LIMIT {1})
            """, now - options.Value.DispatchedRetention, cancellationToken);
        var processed = await InBatchesAsync(db, $$"""
            DELETE FROM {{ModelBuilderExtensions.ProcessedTable}} WHERE (message_id, consumer) IN
                (SELECT message_id, consumer FROM {{ModelBuilderExtensions.ProcessedTable}} WHERE processed_at < {0} LIMIT {1})
            """, now - options.Value.ProcessedRetention, cancellationToken);
        return (outbox, processed);
    }

    private async Task<int> InBatchesAsync(TDbContext db, string sql, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlRawAsync(sql, [before, options.Value.PurgeBatchSize], cancellationToken);
            total += deleted;
        }
        while (deleted == options.Value.PurgeBatchSize);
        return total;
    }
}
