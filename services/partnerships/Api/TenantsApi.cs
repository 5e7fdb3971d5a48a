using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Partnerships.Data;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Partnerships.Api;

[Authorize]
public sealed class TenantsApi(PartnershipsDbContext db, TimeProvider clock) : V1.Tenants.TenantsBase
{
    private static readonly string[] UpdatableTenantFields = ["display_name", "min_employer_partners", "audit_retention_days"];

    public override async Task<V1.Tenant> CreateTenant(V1.CreateTenantRequest request, ServerCallContext context)
    {
        var tenant = Domain.Tenant.Create(request.TenantId, request.Tenant?.DisplayName ?? "",
            request.Tenant?.MinEmployerPartners is > 0 ? request.Tenant.MinEmployerPartners : null, clock.GetUtcNow());
        if (await db.Tenants.AnyAsync(t => t.Id == tenant.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExists(Names.Tenant.Format(tenant.Id));
        }
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(context.CancellationToken);
        return tenant.ToProto();
    }

    public override async Task<V1.Tenant> GetTenant(V1.GetTenantRequest request, ServerCallContext context)
    {
        var (tenant, _) = await FindTenant(request.Name, "name", context);
        return tenant.ToProto();
    }

    public override async Task<V1.Tenant> UpdateTenant(V1.UpdateTenantRequest request, ServerCallContext context)
    {
        var (tenant, name) = await FindTenant(request.Tenant?.Name, "tenant.name", context);
        Etags.Ensure(request.Tenant!.Etag, tenant.Version, name);
        foreach (var path in UpdateMasks.Read(request.UpdateMask, UpdatableTenantFields))
        {
            switch (path)
            {
                case "display_name": tenant.Rename(request.Tenant.DisplayName); break;
                case "min_employer_partners": tenant.RequireEmployerPartners(request.Tenant.MinEmployerPartners); break;
                case "audit_retention_days": tenant.KeepAuditEntriesFor(request.Tenant.AuditRetentionDays); break;
            }
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return tenant.ToProto();
    }

    public override async Task<V1.Region> CreateRegion(V1.CreateRegionRequest request, ServerCallContext context)
    {
        var (tenant, _) = await FindTenant(request.Parent, "parent", context);
        var region = Domain.Region.Create(tenant.Id, request.RegionId, request.Region?.DisplayName ?? "", request.Region?.CountyFips.ToList() ?? [],
            request.Region?.MetroArea);
        if (await db.Regions.AnyAsync(r => r.TenantId == tenant.Id && r.Id == region.Id, context.CancellationToken))
        {
            throw new ResourceAlreadyExists(Names.Region.Format(tenant.Id, region.Id));
        }
        db.Regions.Add(region);
        await db.SaveChangesAsync(context.CancellationToken);
        return region.ToProto();
    }

    public override async Task<V1.Region> GetRegion(V1.GetRegionRequest request, ServerCallContext context)
    {
        var ids = Names.Region.Parse(request.Name, "name");
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.TenantId == ids[0] && r.Id == ids[1], context.CancellationToken)
            ?? throw new ResourceNotFound(request.Name);
        return region.ToProto();
    }

    public override async Task<V1.ListRegionsResponse> ListRegions(V1.ListRegionsRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        var regions = await db.Regions.AsNoTracking().Where(r => r.TenantId == tenant).OrderBy(r => r.Id).ToListAsync(context.CancellationToken);
        return new V1.ListRegionsResponse { Regions = { regions.Select(r => r.ToProto()) } };
    }

    public override async Task<V1.ListAuditEntriesResponse> ListAuditEntries(V1.ListAuditEntriesRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        var start = request.StartTime.ToTime("start_time");
        var end = request.EndTime.ToTime("end_time");
        new Violations().Require(start is null || end is null || start < end, "end_time", "must be after start_time.").ThrowIfAny();
        var size = PageTokens.Size(request.PageSize);
        var listing = $"{request.Parent}?{request.Resource}|{request.Subject}|{start:O}|{end:O}";
        var query = db.AuditEntries.AsNoTracking().Where(a => a.TenantId == tenant);
        if (request.Resource is { Length: > 0 } resource)
        {
            query = query.Where(a => a.ResourceName == resource || a.ResourceName.StartsWith(resource + "/"));
        }
        if (request.Subject is { Length: > 0 } subject)
        {
            query = query.Where(a => a.Subject == subject);
        }
        if (start is not null)
        {
            query = query.Where(a => a.OccurredAt >= start);
        }
        if (end is not null)
        {
            query = query.Where(a => a.OccurredAt < end);
        }
        if (PageTokens.Decode(request.PageToken, listing) is { } after)
        {
            var (time, sequence) = AuditPosition.Parse(after);
            query = query.Where(a => a.OccurredAt < time || (a.OccurredAt == time && a.Sequence < sequence));
        }
        var page = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Sequence).Take(size + 1).ToListAsync(context.CancellationToken);
        return new V1.ListAuditEntriesResponse
        {
            AuditEntries = { page.Take(size).Select(a => a.ToProto()) },
            NextPageToken = page.Count > size ? PageTokens.Encode(AuditPosition.Of(page[size - 1]), listing) : "",
        };
    }

    private async Task<(Domain.Tenant Tenant, string Name)> FindTenant(string? name, string field, ServerCallContext context)
    {
        var id = Names.Tenant.Parse(name, field)[0];
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, context.CancellationToken) ?? throw new ResourceNotFound(name!);
        return (tenant, name!);
    }
}

/// <summary>Where a page of the audit trail ended: the time and arrival order of its last entry.</summary>
internal static class AuditPosition
{
    public static string Of(Data.AuditEntry entry) => $"{entry.OccurredAt.UtcTicks}:{entry.Sequence}";

    public static (DateTimeOffset Time, long Sequence) Parse(string position)
    {
        var parts = position.Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && long.TryParse(parts[1], out var sequence)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), sequence)
            : throw new InvalidInput("page_token", "is not a token this list returned.");
    }
}
