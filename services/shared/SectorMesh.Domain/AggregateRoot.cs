namespace SectorMesh.Domain;

/// <summary>Marks something that happened in the domain that other services may care about.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}

/// <summary>An aggregate records the events of its changes until the data layer turns them into outbox rows.</summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>
    /// How many events the aggregate has raised in its life. Each event carries the number it got,
    /// so a consumer can tell a newer change from an older, repeated or overtaken one.
    /// </summary>
    public long Revision { get; private set; }

    protected void Raise(IDomainEvent domainEvent)
    {
        Revision++;
        _domainEvents.Add(domainEvent);
    }

    /// <summary>The revision the aggregate reached with its <paramref name="index"/>-th pending event.</summary>
    public long RevisionOf(int index) => Revision - _domainEvents.Count + 1 + index;

    public void ClearDomainEvents() => _domainEvents.Clear();
}
