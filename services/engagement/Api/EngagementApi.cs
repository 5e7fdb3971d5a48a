using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

/// <summary>The Industry Engagement gRPC API: checks access and the local copy of partnerships, lets the domain decide.</summary>
[Authorize]
public sealed partial class EngagementApi(EngagementDbContext db, RegionDirectory regions, LmiStore lmi, ImportOptions importOptions, TimeProvider clock) : V1.Engagement.EngagementBase
{
    private static string Id(string requested) => string.IsNullOrEmpty(requested) ? ResourceId.New() : requested;

    /// <summary>A partnership this service has heard of from the Partnerships service.</summary>
    private async Task<(string Tenant, string Partnership)> KnownPartnership(string? name, string field, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(name, field);
        await db.EnsurePartnershipKnownAsync(tenant, partnership, context.CancellationToken);
        return (tenant, partnership);
    }

    private async Task<EmployerEngagement> Employer(string? name, string field, ServerCallContext context, bool write)
    {
        var ids = Names.Employer.Parse(name, field);
        var caller = context.Caller();
        if (write)
        {
            caller.Ensure(caller.ActsFor(ids[0], ids[1], ids[2]), "record this employer's engagement");
        }
        return await db.Employers.SingleOrDefaultAsync(e => e.TenantId == ids[0] && e.PartnershipId == ids[1] && e.OrganizationId == ids[2], context.CancellationToken)
            ?? throw new ResourceNotFound(name!);
    }
}
