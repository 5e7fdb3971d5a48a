using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

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
