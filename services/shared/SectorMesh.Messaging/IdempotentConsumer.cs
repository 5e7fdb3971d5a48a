using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

/// <summary>
/// A consumer that records each message id with its own change, in one transaction, so a
/// redelivered message changes nothing. A failure rolls both back and lets MassTransit retry,
/// then move the message to the error queue.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id and cannot be deduplicated.");
        var consumer = GetType().Name;

        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        if (await db.Set<ProcessedMessage>().AnyAsync(p => p.MessageId == messageId && p.Consumer == consumer, context.CancellationToken))
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; ignoring the redelivery", consumer, messageId);
            return;
        }
        await HandleAsync(context.Message, context.CancellationToken);
        db.Set<ProcessedMessage>().Add(new ProcessedMessage(messageId, consumer, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}

/// <summary>How many messages a batch consumer takes at once, and how long the first of a batch waits for the others.</summary>
public static class ConsumerBatches
{
    public const int MessageLimit = 200;

    /// <summary>What a single write's event gives up for the batches.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(50);
}

/// <summary>
/// A consumer that takes up to <see cref="ConsumerBatches.MessageLimit"/> messages at once in one transaction, for a projection fed by
/// imports of hundreds of thousands of events: the ids already handled are skipped with one query, the others are handled
/// together and recorded with the change. The messages of a batch may be about different tenants, so the consumer reads
/// every tenant's rows and keys each change by its message's tenant. A failure rolls the whole batch back and MassTransit
/// retries it, then moves it to the error queue.
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage, TDbContext>(TDbContext db, TenantScope tenants, TimeProvider clock) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db => db;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var consumer = GetType().Name;
        var messages = context.Message
            .Select(m => (Id: m.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id and cannot be deduplicated."),
                m.Message))
            .DistinctBy(m => m.Id)
            .ToList();
        tenants.EnterEveryTenant($"{consumer} applies a batch of messages, each keyed by its own tenant");
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var ids = messages.Select(m => m.Id).ToList();
        var handled = (await db.Set<ProcessedMessage>().Where(p => p.Consumer == consumer && ids.Contains(p.MessageId)).Select(p => p.MessageId)
            .ToListAsync(context.CancellationToken)).ToHashSet();
        var fresh = messages.Where(m => !handled.Contains(m.Id)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        await HandleAsync(fresh.Select(m => m.Message).ToList(), context.CancellationToken);
        var now = clock.GetUtcNow();
        db.Set<ProcessedMessage>().AddRange(fresh.Select(m => new ProcessedMessage(m.Id, consumer, now)));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    protected abstract Task HandleAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken);
}

/// <summary>How a batch consumer's endpoint is set up: batches of its limit, one at a time, with a batch's worth more prefetched.</summary>
public sealed class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer, IRegistrationContext context)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 2 * ConsumerBatches.MessageLimit;
        }
        consumer.Options<BatchOptions>(batch => batch
            .SetMessageLimit(ConsumerBatches.MessageLimit)
            .SetTimeLimit(ConsumerBatches.TimeLimit)
            .SetConcurrencyLimit(1));
    }
}
