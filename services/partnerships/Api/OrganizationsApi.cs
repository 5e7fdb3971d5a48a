using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Partnerships.Data;
using SectorMesh.Partnerships.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Partnerships.Api;

[Authorize]
public sealed class OrganizationsApi(PartnershipsDbContext db) : V1.Organizations.OrganizationsBase
{
    public override async Task<V1.Organization> CreateOrganization(V1.CreateOrganizationRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        if (!await db.Tenants.AnyAsync(t => t.Id == tenant, context.CancellationToken))
        {
            throw new ResourceNotFound(request.Parent);
        }
        var organization = Domain.Organization.Create(tenant,
            string.IsNullOrEmpty(request.OrganizationId) ? ResourceId.New() : request.OrganizationId,
            request.Organization?.DisplayName ?? "",
            (request.Organization?.Type ?? V1.PartnerType.Unspecified).ToDomain<V1.PartnerType, PartnerType>(),
            request.Organization?.NaicsCode);
        if (await db.Organizations.AnyAsync(o => o.TenantId == tenant && o.Id == organization.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExists(Names.Organization.Format(tenant, organization.Id));
        }
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(context.CancellationToken);
        return organization.ToProto();
    }

    public override async Task<V1.Organization> GetOrganization(V1.GetOrganizationRequest request, ServerCallContext context)
    {
        var ids = Names.Organization.Parse(request.Name, "name");
        var organization = await db.Organizations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.TenantId == ids[0] && o.Id == ids[1], context.CancellationToken)
            ?? throw new ResourceNotFound(request.Name);
        return organization.ToProto();
    }

    public override async Task<V1.ListOrganizationsResponse> ListOrganizations(V1.ListOrganizationsRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        var (page, next) = await db.Organizations.AsNoTracking().Where(o => o.TenantId == tenant)
            .PageAsync(o => o.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListOrganizationsResponse { Organizations = { page.Select(o => o.ToProto()) }, NextPageToken = next };
    }
}
