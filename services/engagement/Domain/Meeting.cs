using SectorMesh.Domain;

namespace SectorMesh.Engagement.Domain;

public enum ActionItemStatus { Open, Done }

/// <summary>An action item as it is proposed at a meeting, before it is checked.</summary>
public sealed record ProposedActionItem(string Description, string Owner, DateOnly? DueDate);

public sealed record ActionItem(string Description, string Owner, DateOnly DueDate, ActionItemStatus Status)
{
    public bool IsOverdue(DateOnly today) => Status == ActionItemStatus.Open && DueDate < today;
}

/// <summary>An action item past its due date, by its meeting and its place in that meeting's list.</summary>
public sealed record OverdueActionItem(Meeting Meeting, int Index, ActionItem Item, int DaysOverdue);

/// <summary>A partnership meeting: its agenda, who attended, what was decided and who does what by when.</summary>
public sealed class Meeting : AggregateRoot, IPartnershipRecord
{
    private List<ActionItem> _actionItems = [];

    private Meeting() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public List<string> Agenda { get; private set; } = [];

    /// <summary>Organization ids of those present.</summary>
    public List<string> Attendees { get; private set; } = [];
    public List<string> Decisions { get; private set; } = [];
    public IReadOnlyList<ActionItem> ActionItems => _actionItems;

    /// <summary>Records a meeting with the action items it assigned; every invalid field, of the meeting or its items, is named at once.</summary>
    public static Meeting Held(string tenantId, string partnershipId, string id, DateOnly? date,
        IReadOnlyList<string> agenda, IReadOnlyList<string> attendees, IReadOnlyList<string> decisions,
        IReadOnlyList<ProposedActionItem> actionItems, DateTimeOffset now)
    {
        var violations = new Violations()
            .Require(ResourceId.IsValid(id), "meeting_id", ResourceId.Rule)
            .Require(date is not null, "meeting.date", "is required.")
            .Require(agenda.Count > 0, "meeting.agenda", "must list at least one item.")
            .Require(attendees.Count > 0, "meeting.attendees", "must name who attended.");
        Texts(violations, agenda, "meeting.agenda", 500);
        Texts(violations, attendees, "meeting.attendees", 63);
        Texts(violations, decisions, "meeting.decisions", 1000);
        for (var i = 0; i < actionItems.Count; i++)
        {
            CheckActionItem(violations, actionItems[i], date, $"meeting.action_items[{i}]");
        }
        violations.ThrowIfAny();
        var meeting = new Meeting
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            Date = date!.Value,
            Agenda = agenda.Select(a => a.Trim()).ToList(),
            Attendees = attendees.Select(a => a.Trim()).Distinct().ToList(),
            Decisions = decisions.Select(d => d.Trim()).ToList(),
        };
        meeting._actionItems = [.. actionItems.Select(a => new ActionItem(a.Description.Trim(), a.Owner.Trim(), a.DueDate!.Value, ActionItemStatus.Open))];
        meeting.Raise(new MeetingHeld(now));
        return meeting;
    }

    private static void CheckActionItem(Violations violations, ProposedActionItem item, DateOnly? meetingDate, string field) => violations
        .RequireText(item.Description, $"{field}.description", 500)
        .RequireText(item.Owner, $"{field}.owner", 200)
        .Require(item.DueDate is not null, $"{field}.due_date", "is required.")
        .Require(item.DueDate is null || meetingDate is null || item.DueDate >= meetingDate, $"{field}.due_date", "must not be before the meeting.");

    /// <summary>Marks an item done; completing it again changes nothing.</summary>
    public void Complete(int index, DateTimeOffset now)
    {
        new Violations().Require(index >= 0 && index < _actionItems.Count, "action_item",
            $"must be the position of one of the meeting's {_actionItems.Count} action items, from 0.").ThrowIfAny();
        var item = _actionItems[index];
        if (item.Status == ActionItemStatus.Done)
        {
            return;
        }
        // Replaced rather than changed in place, so the stored list is seen to change.
        _actionItems = [.. _actionItems];
        _actionItems[index] = item with { Status = ActionItemStatus.Done };
        Raise(new ActionItemCompleted(index, item, item.IsOverdue(DateOnly.FromDateTime(now.UtcDateTime)), now));
    }

    public IEnumerable<OverdueActionItem> Overdue(DateOnly today) =>
        _actionItems.Select((item, index) => (item, index)).Where(x => x.item.IsOverdue(today))
            .Select(x => new OverdueActionItem(this, x.index, x.item, today.DayNumber - x.item.DueDate.DayNumber));

    private static void Texts(Violations violations, IReadOnlyList<string> values, string field, int maxLength)
    {
        for (var i = 0; i < values.Count; i++)
        {
            violations.RequireText(values[i], $"{field}[{i}]", maxLength);
        }
    }
}

public sealed record MeetingHeld(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ActionItemCompleted(int Index, ActionItem Item, bool CompletedLate, DateTimeOffset OccurredAt) : IDomainEvent;
