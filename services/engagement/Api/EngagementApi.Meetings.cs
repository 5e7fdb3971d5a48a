using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

public sealed partial class EngagementApi
{
    public override async Task<V1.Meeting> CreateMeeting(V1.CreateMeetingRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = await KnownPartnership(request.Parent, "parent", context);
        var given = request.Meeting ?? new V1.Meeting();
        var input = new InputCollector();
        var date = input.Take(() => given.Date.ToDate("meeting.date"));
        var items = given.ActionItems.Select((item, i) => new ProposedActionItem(item.Description, item.Owner,
            input.Take(() => item.DueDate.ToDate($"meeting.action_items[{i}].due_date")))).ToList();
        var meeting = input.Finish(() => Meeting.Held(tenant, partnership, Id(request.MeetingId), date, given.Agenda, given.Attendees, given.Decisions,
            items, clock.GetUtcNow()));
        await db.AddNewAsync(meeting, $"{request.Parent}/meetings/{meeting.Id}", context.CancellationToken);
        return meeting.ToProto();
    }

    public override async Task<V1.ListMeetingsResponse> ListMeetings(V1.ListMeetingsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (meetings, next) = await db.Meetings.AsNoTracking().Where(m => m.TenantId == tenant && m.PartnershipId == partnership)
            .PageAsync(m => m.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListMeetingsResponse { Meetings = { meetings.Select(m => m.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Meeting> GetMeeting(V1.GetMeetingRequest request, ServerCallContext context)
    {
        var ids = Names.Meeting.Parse(request.Name, "name");
        var meeting = await db.Meetings.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken);
        return meeting.ToProto();
    }

    public override async Task<V1.Meeting> CompleteActionItem(V1.CompleteActionItemRequest request, ServerCallContext context)
    {
        var ids = Names.Meeting.Parse(request.Name, "name");
        var meeting = await db.Meetings.GetNamedAsync(ids, request.Name, context.CancellationToken);
        meeting.Complete(request.ActionItem, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return meeting.ToProto();
    }

    public override async Task<V1.ListOverdueActionItemsResponse> ListOverdueActionItems(V1.ListOverdueActionItemsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.TenantId == tenant && m.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        return new V1.ListOverdueActionItemsResponse
        {
            ActionItems = { meetings.SelectMany(m => m.Overdue(today)).OrderByDescending(o => o.DaysOverdue).Select(o => o.ToProto()) },
        };
    }
}
