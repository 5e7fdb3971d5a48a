using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>Capacity-building activities: the training a partnership gives those who serve its workers, and its intermediary's staff development.</summary>
[Authorize]
public sealed class CapacityBuildingApi(PathwaysDbContext db, PartnershipDirectory directory, TimeProvider clock)
    : V1.CapacityBuilding.CapacityBuildingBase
{
    public override async Task<V1.CapacityBuildingActivity> CreateCapacityBuildingActivity(V1.CreateCapacityBuildingActivityRequest request,
        ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
        var given = request.Activity ?? new V1.CapacityBuildingActivity();
        var input = new InputCollector();
        var provider = given.Provider.Length == 0 ? null : await input.TakeAsync(async () =>
        {
            var ids = Names.Organization.Parse(given.Provider, "activity.provider");
            new Violations().Require(ids[0] == tenant, "activity.provider", "must be an organization of the partnership's tenant.").ThrowIfAny();
            await directory.OrganizationAsync(given.Provider, context.CancellationToken);
            return ids[1];
        });
        var date = input.Take(() => given.ActivityDate.ToDate("activity.activity_date"));
        var hours = input.Take(() => given.Hours.ToDecimal("activity.hours"));
        var activity = input.Finish(() => CapacityBuildingActivity.Record(tenant, partnership, Calls.Id(request.ActivityId),
            given.Audience.ToDomain<V1.CapacityBuildingAudience, CapacityBuildingAudience>(), given.Topic, date, hours, given.PeopleTrained, provider,
            clock.GetUtcNow()));
        await db.AddNewAsync(activity, Names.CapacityBuilding.Format(tenant, partnership, activity.Id), context.CancellationToken);
        return activity.ToProto();
    }

    public override async Task<V1.CapacityBuildingActivity> GetCapacityBuildingActivity(V1.GetCapacityBuildingActivityRequest request, ServerCallContext context)
    {
        var ids = Names.CapacityBuilding.Parse(request.Name, "name");
        return (await db.CapacityBuilding.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken)).ToProto();
    }

    public override async Task<V1.ListCapacityBuildingActivitiesResponse> ListCapacityBuildingActivities(V1.ListCapacityBuildingActivitiesRequest request,
        ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (activities, next) = await db.CapacityBuilding.AsNoTracking().Where(a => a.TenantId == tenant && a.PartnershipId == partnership)
            .PageAsync(a => a.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListCapacityBuildingActivitiesResponse { Activities = { activities.Select(a => a.ToProto()) }, NextPageToken = next };
    }
}
