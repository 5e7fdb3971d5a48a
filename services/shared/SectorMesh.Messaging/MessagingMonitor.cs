using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

/// <summary>The receive endpoints (queues) of a service's consumers; each has an error queue named with "_error".</summary>
public sealed record ConsumerEndpoints(IReadOnlyList<string> Queues)
{
    public const string ErrorSuffix = "_error";

    public static ConsumerEndpoints Of(IEnumerable<Type> consumers) => new(consumers
        .Select(c => (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!
            .MakeGenericMethod(c).Invoke(KebabCaseEndpointNameFormatter.Instance, null)!)
        .ToList());
}

/// <summary>What the monitor last measured: events waiting in the outbox, messages waiting for the consumers and those parked in error queues.</summary>
public sealed class MessagingState
{
    private static readonly Meter Meter = new(Telemetry.SectorMeshSource);

    public MessagingState()
    {
        Meter.CreateObservableGauge("sectormesh.outbox.backlog", () => Backlog, description: "Events written but not yet confirmed by the broker");
        Meter.CreateObservableGauge("sectormesh.outbox.oldest_unsent_age", () => OldestUnsentAge.TotalSeconds, unit: "s",
            description: "Age of the oldest event not yet confirmed by the broker");
        Meter.CreateObservableGauge("sectormesh.messaging.error_queue_depth",
            () => ErrorQueues.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            description: "Messages parked in this service's error queues");
        Meter.CreateObservableGauge("sectormesh.messaging.queue_depth",
            () => Queues.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            description: "Messages waiting for this service's consumers: the backlog of each projection or copy");
    }

    public long Backlog { get; set; }
    public TimeSpan OldestUnsentAge { get; set; }
    public IReadOnlyDictionary<string, long> ErrorQueues { get; set; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<string, long> Queues { get; set; } = new Dictionary<string, long>();
    public bool BrokerMeasured { get; set; }
    public DateTimeOffset? MeasuredAt { get; set; }
}

/// <summary>Measures the outbox backlog and the error queues now and then, for the metrics and the readiness detail.</summary>
public sealed class MessagingMonitor<TDbContext>(
    IServiceScopeFactory scopes, MessagingState state, ConsumerEndpoints endpoints, BrokerAddress broker,
    IOptions<OutboxOptions> options, TimeProvider clock, ILogger<MessagingMonitor<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using (SuppressInstrumentationScope.Begin())
            {
                await MeasureOutboxAsync(stoppingToken);
                await MeasureQueuesAsync(stoppingToken);
            }
            state.MeasuredAt = clock.GetUtcNow();
            try
            {
                await Task.Delay(options.Value.MonitorInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task MeasureOutboxAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pending = scope.ServiceProvider.GetRequiredService<TDbContext>().Set<OutboxMessage>().Where(m => m.DispatchedAt == null);
            state.Backlog = await pending.LongCountAsync(cancellationToken);
            var oldest = await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken);
            state.OldestUnsentAge = oldest is { } at ? clock.GetUtcNow() - at : TimeSpan.Zero;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Outbox backlog not measured: {Error}", e.Message);
        }
    }

    private async Task MeasureQueuesAsync(CancellationToken cancellationToken)
    {
        if (endpoints.Queues.Count == 0)
        {
            state.BrokerMeasured = true;
            return;
        }
        try
        {
            await using var connection = await broker.ConnectAsync("sectormesh-monitor", cancellationToken);
            var depths = new Dictionary<string, long>();
            var waiting = new Dictionary<string, long>();
            foreach (var queue in endpoints.Queues)
            {
                waiting[queue] = await broker.DepthAsync(connection, queue, cancellationToken);
                depths[queue + ConsumerEndpoints.ErrorSuffix] = await broker.DepthAsync(connection, queue + ConsumerEndpoints.ErrorSuffix, cancellationToken);
            }
            state.ErrorQueues = depths;
            state.Queues = waiting;
            state.BrokerMeasured = true;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException && !cancellationToken.IsCancellationRequested)
        {
            state.BrokerMeasured = false;
            logger.LogDebug("Error queues not measured: {Error}", e.Message);
        }
    }
}

/// <summary>The broker by its amqp:// address, for what MassTransit does not do for us: measuring and emptying error queues.</summary>
public sealed class BrokerAddress(Uri uri)
{
    public Task<IConnection> ConnectAsync(string purpose, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = uri, ClientProvidedName = purpose }.CreateConnectionAsync(cancellationToken);

    /// <summary>Messages in a queue; a queue not declared yet (no message ever failed there) has none.</summary>
    public async Task<long> DepthAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}

/// <summary>Readiness detail: the outbox backlog, the age of its oldest event and the error queues; degraded, never failed, when they grow.</summary>
public sealed class MessagingHealthCheck(MessagingState state) : IHealthCheck
{
    public static readonly TimeSpan OldestUnsentLimit = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var parked = state.ErrorQueues.Values.Sum();
        var data = new Dictionary<string, object>
        {
            ["outbox_backlog"] = state.Backlog,
            ["oldest_unsent_age_seconds"] = Math.Round(state.OldestUnsentAge.TotalSeconds, 1),
            ["error_queue_messages"] = parked,
            ["error_queues_measured"] = state.BrokerMeasured,
        };
        foreach (var (queue, depth) in state.ErrorQueues.Where(q => q.Value > 0))
        {
            data[queue] = depth;
        }
        var problems = new List<string>();
        if (state.OldestUnsentAge > OldestUnsentLimit)
        {
            problems.Add($"the oldest unsent event is {state.OldestUnsentAge.TotalSeconds:0} s old");
        }
        if (parked > 0)
        {
            problems.Add($"{parked} messages are parked in error queues (requeue them with the `requeue-errors` command once fixed)");
        }
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("Events flow.", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data));
    }
}
