using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using SectorMesh.Contracts.Events;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 100;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long dispatched events are kept (to look into a consumer's complaint) before they are purged.</summary>
    public TimeSpan DispatchedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a consumer remembers a handled message id; longer than any redelivery can take.</summary>
    public TimeSpan ProcessedRetention { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);
    public int PurgeBatchSize { get; set; } = 1000;

    /// <summary>How often the backlog and the error queues are measured for the metrics and the readiness detail.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Publishes outbox rows to RabbitMQ in batches and marks them dispatched only once the broker
/// confirmed them. A row that fails stays pending and is retried with backoff, so a broker
/// outage delays events but never loses them. Several replicas can run it: rows are claimed
/// with FOR UPDATE SKIP LOCKED.
/// </summary>
public sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, IOptions<OutboxOptions> options,
    TimeProvider clock, ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly ActivitySource Source = new(Telemetry.SectorMeshSource);
    private static readonly Meter Meter = new(Telemetry.SectorMeshSource);
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("sectormesh.outbox.published", description: "Outbox messages the broker confirmed");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("sectormesh.outbox.failed", description: "Outbox publish attempts that failed and will be retried");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, failed) = await DispatchBatchAsync(stoppingToken);
                backoff = failed > 0 ? NextBackoff(backoff) : TimeSpan.Zero;
                if (failed == 0 && published < options.Value.BatchSize)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                else if (failed > 0)
                {
                    await Task.Delay(backoff, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                backoff = NextBackoff(backoff);
                logger.LogWarning(e, "Outbox relay could not read the outbox; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, clock, stoppingToken);
            }
        }
    }

    private TimeSpan NextBackoff(TimeSpan current) =>
        TimeSpan.FromMilliseconds(Math.Min(options.Value.MaxBackoff.TotalMilliseconds, Math.Max(250, current.TotalMilliseconds * 2)));

    public async Task<(int Published, int Failed)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        List<OutboxMessage> batch;
        IDbContextTransaction transaction;
        // A poll is the relay's own routine, not anyone's request: it starts no trace. Each publish
        // joins the trace of the request that made its change.
        using (SuppressInstrumentationScope.Begin())
        {
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            batch = await db.Set<OutboxMessage>()
                .FromSqlRaw($"SELECT * FROM {ModelBuilderExtensions.OutboxTable} WHERE dispatched_at IS NULL ORDER BY sequence LIMIT {{0}} FOR UPDATE SKIP LOCKED",
                    options.Value.BatchSize)
                .ToListAsync(cancellationToken);
        }
        await using (transaction)
        {
            if (batch.Count == 0)
            {
                return (0, 0);
            }

            // The events of one partnership go out one after another, in the order they were made; different partnerships'
            // events, and snapshots of different things (which consumers apply by revision), go out side by side.
            var read = batch.Select(Read).ToList();
            var outcomes = new string?[batch.Count];
            await Task.WhenAll(Enumerable.Range(0, batch.Count).GroupBy(i => (batch[i].Partition, (read[i].Payload as ISnapshotEvent)?.SnapshotOf))
                .Select(async partition =>
                {
                    string? failure = null;
                    foreach (var i in partition)
                    {
                        outcomes[i] = failure is not null ? "Waits for an earlier event of its partnership."
                            : read[i].Error ?? await PublishAsync(batch[i], read[i].Payload!, read[i].Type!, cancellationToken);
                        failure ??= outcomes[i];
                    }
                }));
            var now = clock.GetUtcNow();
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] is null)
                {
                    batch[i].MarkDispatched(now);
                }
                else
                {
                    batch[i].MarkFailed(outcomes[i]!);
                }
            }
            using (SuppressInstrumentationScope.Begin())
            {
                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }

            var failed = outcomes.Count(o => o is not null);
            Published.Add(batch.Count - failed);
            if (failed > 0)
            {
                Failed.Add(failed);
                logger.LogWarning("Outbox relay: {Failed} of {Count} messages were not confirmed by the broker and stay pending; first error: {Error}",
                    failed, batch.Count, outcomes.First(o => o is not null));
            }
            return (batch.Count - failed, failed);
        }
    }

    private static (object? Payload, Type? Type, string? Error) Read(OutboxMessage message)
    {
        try
        {
            var (payload, type) = message.Deserialize();
            return (payload, type, null);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException)
        {
            return (null, null, e.Message);
        }
    }

    /// <summary>Publishes one message and returns null on confirmation, or the error.</summary>
    private async Task<string?> PublishAsync(OutboxMessage message, object payload, Type type, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, message.TraceParent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("messaging.message.type", message.Type);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await bus.Publish(payload, type, context => context.MessageId = message.Id, timeout.Token);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            return e is OperationCanceledException ? "The broker did not confirm the message in time." : e.Message;
        }
    }
}
