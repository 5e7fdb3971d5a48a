using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

public sealed partial class EngagementApi
{
    public override async Task<V1.WorkforceCohort> CreateWorkforceCohort(V1.CreateWorkforceCohortRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = await KnownPartnership(request.Parent, "parent", context);
        var given = request.Cohort ?? new V1.WorkforceCohort();
        var cohort = WorkforceCohort.Describe(tenant, partnership, Id(request.CohortId), given.DisplayName,
            given.Skills.Select((s, i) => new WorkforceSkill(s.ElementId, s.Level.ToDecimal($"cohort.skills[{i}].level"))).ToList());
        await db.AddNewAsync(cohort, $"{request.Parent}/cohorts/{cohort.Id}", context.CancellationToken);
        return cohort.ToProto();
    }

    public override async Task<V1.ListWorkforceCohortsResponse> ListWorkforceCohorts(V1.ListWorkforceCohortsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (cohorts, next) = await db.Cohorts.AsNoTracking().Where(c => c.TenantId == tenant && c.PartnershipId == partnership)
            .PageAsync(c => c.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListWorkforceCohortsResponse { Cohorts = { cohorts.Select(c => c.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.WorkforceCohort> GetWorkforceCohort(V1.GetWorkforceCohortRequest request, ServerCallContext context)
    {
        var ids = Names.Cohort.Parse(request.Name, "name");
        var cohort = await db.Cohorts.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken);
        return cohort.ToProto();
    }
}
