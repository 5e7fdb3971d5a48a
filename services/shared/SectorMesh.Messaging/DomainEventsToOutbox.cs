using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using SectorMesh.Contracts.Events;
using SectorMesh.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

/// <summary>A service's translation of its domain events into the integration events others consume.</summary>
public interface IIntegrationEventMapper
{
    IEnumerable<IIntegrationEvent> Map(AggregateRoot aggregate, IDomainEvent domainEvent);
}

/// <summary>
/// Writes the integration events of every changed aggregate to the outbox inside the same
/// SaveChanges (and so the same transaction) as the change, each stamped with the aggregate's
/// revision and the acting subject, with the audit entry of the call that made the change, then
/// wakes the relay.
/// </summary>
public sealed class DomainEventsToOutbox(IIntegrationEventMapper mapper, OutboxSignal signal, IHttpContextAccessor http, IHostEnvironment host)
    : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
            foreach (var aggregate in aggregates)
            {
                var actor = Actor();
                for (var i = 0; i < aggregate.DomainEvents.Count; i++)
                {
                    var revision = aggregate.RevisionOf(i);
                    db.Set<OutboxMessage>().AddRange(mapper.Map(aggregate, aggregate.DomainEvents[i])
                        .Select(e => OutboxMessage.For(Stamp(e, revision, actor))));
                }
                aggregate.ClearDomainEvents();
            }
            if (http.HttpContext?.Features.Get<PendingAudit>() is { Written: false } audit && db.ChangeTracker.HasChanges())
            {
                db.Set<OutboxMessage>().Add(OutboxMessage.For(audit.EntryCreating(audit.CreatedIn is null ? null : CreatedId(db))));
                audit.Written = true;
            }
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>
    /// The id a Create gave what it adds: the one aggregate the change adds, or the one entity when what it creates is not an
    /// aggregate (an organization); null when that is not one thing.
    /// </summary>
    private static string? CreatedId(DbContext db)
    {
        var added = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && !e.Metadata.IsOwned() && e.Metadata.FindProperty("Id")?.ClrType == typeof(string))
            .ToList();
        var created = added.Where(e => e.Entity is AggregateRoot).ToList() is [var aggregate] ? aggregate : added is [var single] ? single : null;
        return created?.Property("Id").CurrentValue as string;
    }

    /// <summary>The caller's subject, or the service itself when it acts on its own (a consumer, a command).</summary>
    private string Actor() =>
        http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? Caller.From(user).Subject : $"service:{host.ApplicationName}";

    private static IIntegrationEvent Stamp(IIntegrationEvent integrationEvent, long revision, string actor) =>
        integrationEvent is IntegrationEvent stampable
            ? (IIntegrationEvent)(stampable with { AggregateVersion = revision, Actor = actor })
            : integrationEvent;

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>Wakes the relay as soon as something was written, so events leave without waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the relay will run once for both writes.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
