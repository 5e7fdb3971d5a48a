using SectorMesh.Domain;

namespace SectorMesh.Engagement.Domain;

public enum ActionItemStatus { Open, Done }

public sealed class ActionItem
{
    internal ActionItem(string description, string owner, DateOnly dueDate)
    {
        Description = description;
        Owner = owner;
        DueDate = dueDate;
    }

    public string Description { get; }
    public string Owner { get; }
    public DateOnly DueDate { get; }
    public ActionItemStatus Status { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == ActionItemStatus.Open && DueDate < today;

    internal void Complete() => Status = ActionItemStatus.Done;
}

/// <summary>A partnership meeting: its agenda, who attended, what was decided and who does what by when.</summary>
public sealed class Meeting : AggregateRoot
{
    private readonly List<ActionItem> _actionItems = [];

    private Meeting(DateOnly date, IReadOnlyList<string> agenda, IReadOnlyList<string> attendees, IReadOnlyList<string> decisions)
    {
        Date = date;
        Agenda = agenda;
        Attendees = attendees;
        Decisions = decisions;
    }

    public DateOnly Date { get; }
    public IReadOnlyList<string> Agenda { get; }

    /// <summary>Organization ids of those present.</summary>
    public IReadOnlyList<string> Attendees { get; }
    public IReadOnlyList<string> Decisions { get; }
    public IReadOnlyList<ActionItem> ActionItems => _actionItems;

    public static Meeting Held(DateOnly? date, IReadOnlyList<string> agenda, IReadOnlyList<string> attendees, IReadOnlyList<string> decisions)
    {
        new Violations()
            .Require(date is not null, "meeting.date", "is required.")
            .Require(agenda.Count > 0, "meeting.agenda", "must list at least one item.")
            .Require(attendees.Count > 0, "meeting.attendees", "must name who attended.")
            .ThrowIfAny();
        var meeting = new Meeting(date!.Value, agenda, attendees, decisions);
        meeting.Raise(new MeetingHeld(meeting.Date));
        return meeting;
    }

    public ActionItem AssignAction(string description, string owner, DateOnly? dueDate)
    {
        new Violations()
            .RequireText(description, "action_item.description", 500)
            .RequireText(owner, "action_item.owner", 200)
            .Require(dueDate is null || dueDate >= Date, "action_item.due_date", "must not be before the meeting.")
            .Require(dueDate is not null, "action_item.due_date", "is required.")
            .ThrowIfAny();
        var item = new ActionItem(description.Trim(), owner.Trim(), dueDate!.Value);
        _actionItems.Add(item);
        return item;
    }

    public void Complete(ActionItem item, DateTimeOffset now)
    {
        if (item.Status == ActionItemStatus.Done)
        {
            return;
        }
        item.Complete();
        Raise(new ActionItemCompleted(item, now));
    }

    public IEnumerable<ActionItem> Overdue(DateOnly today) => _actionItems.Where(a => a.IsOverdue(today));
}

public sealed record MeetingHeld(DateOnly Date) : IDomainEvent
{
    public DateTimeOffset OccurredAt { get; } = new(Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

public sealed record ActionItemCompleted(ActionItem Item, DateTimeOffset OccurredAt) : IDomainEvent;
