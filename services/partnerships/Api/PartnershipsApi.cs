using Google.Protobuf.WellKnownTypes;
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

/// <summary>The Partnerships gRPC API: parses names, checks access, loads the aggregate, lets it decide, stores it.</summary>
[Authorize]
public sealed class PartnershipsApi(PartnershipsDbContext db, ResourceCache cache, TimeProvider clock) : V1.Partnerships.PartnershipsBase
{
    private static readonly string[] UpdatablePartnershipFields =
        ["display_name", "region", "target_sector", "regional_significance", "vision", "mission", "goals", "strategies"];

    private static readonly string[] UpdatableAgreementFields = ["terms", "effective_date"];

    public override async Task<V1.Partnership> GetPartnership(V1.GetPartnershipRequest request, ServerCallContext context)
    {
        var (tenant, id) = Names.Partnership.Parse(request.Name, "name");
        return await cache.GetOrLoadAsync(Names.Partnership.Format(tenant, id), V1.Partnership.Parser, async () =>
        {
            var partnership = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenant && p.Id == id, context.CancellationToken)
                ?? throw new ResourceNotFound(request.Name);
            return partnership.ToProto();
        });
    }

    /// <summary>Stores the change with its events, then drops the cached copy so the next read sees it.</summary>
    private async Task SaveAsync(Partnership partnership, ServerCallContext context)
    {
        await db.SaveChangesAsync(context.CancellationToken);
        await cache.RemoveAsync(Names.Partnership.Format(partnership.TenantId, partnership.Id));
    }

    public override async Task<V1.ListPartnershipsResponse> ListPartnerships(V1.ListPartnershipsRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        var caller = context.Caller();
        var filter = PartnershipFilter.Parse(request.Filter, tenant);

        var query = db.Partnerships.AsNoTracking().Where(p => p.TenantId == tenant);
        if (!caller.SeesWholeTenant(tenant))
        {
            var listed = caller.Partnerships.ToList();
            query = query.Where(p => listed.Contains(p.Id));
        }
        if (filter.Stage is { } stage)
        {
            query = query.Where(p => p.Stage == stage);
        }
        if (filter.SectorPrefix is { } sector)
        {
            query = query.Where(p => p.Sector.NaicsCode.StartsWith(sector));
        }
        if (filter.RegionId is { } region)
        {
            query = query.Where(p => p.RegionId == region);
        }
        var (page, next) = await query.PageAsync(p => p.Id, request.PageSize, request.PageToken, $"{request.Parent}?{request.Filter}", context.CancellationToken);
        return new V1.ListPartnershipsResponse { Partnerships = { page.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Partnership> CreatePartnership(V1.CreatePartnershipRequest request, ServerCallContext context)
    {
        var tenant = Names.Tenant.Parse(request.Parent, "parent")[0];
        var given = request.Partnership ?? new V1.Partnership();
        var id = string.IsNullOrEmpty(request.PartnershipId) ? ResourceId.New() : request.PartnershipId;
        var input = new InputCollector();
        var regionId = await input.TakeAsync(() => FindRegion(tenant, given.Region, "partnership.region", context));
        var now = clock.GetUtcNow();
        var partnership = input.Finish(() => Partnership.Create(tenant, id, given.DisplayName, regionId ?? "", given.TargetSector.ToDomain(),
            given.RegionalSignificance.ToDomain(), now));
        if (await db.Partnerships.AnyAsync(p => p.TenantId == tenant && p.Id == id, context.CancellationToken))
        {
            throw new ResourceAlreadyExists(Names.Partnership.Format(tenant, id));
        }
        if (!string.IsNullOrEmpty(given.Vision))
        {
            partnership.SetVision(given.Vision, now);
        }
        if (!string.IsNullOrEmpty(given.Mission))
        {
            partnership.SetMission(given.Mission, now);
        }
        if (given.Goals.Count > 0)
        {
            partnership.SetGoals(ToGoals(given), now);
        }
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(context.CancellationToken);
        return partnership.ToProto();
    }

    public override Task<V1.Partnership> UpdatePartnership(V1.UpdatePartnershipRequest request, ServerCallContext context) =>
        Change(request.Partnership?.Name, "partnership.name", context, async (partnership, now) =>
        {
            partnership.EnsureEtag(request.Partnership!.Etag, request.Partnership.Name);
            var given = request.Partnership;
            foreach (var path in UpdateMasks.Read(request.UpdateMask, UpdatablePartnershipFields))
            {
                switch (path)
                {
                    case "display_name": partnership.Rename(given.DisplayName, now); break;
                    case "region": partnership.MoveToRegion(await FindRegion(partnership.TenantId, given.Region, "partnership.region", context), now); break;
                    case "target_sector": partnership.Retarget(given.TargetSector.ToDomain(), now); break;
                    case "regional_significance": partnership.RecordSignificance(given.RegionalSignificance.ToDomain(), now); break;
                    case "vision": partnership.SetVision(given.Vision, now); break;
                    case "mission": partnership.SetMission(given.Mission, now); break;
                    case "goals": partnership.SetGoals(ToGoals(given), now); break;
                    case "strategies": partnership.SetStrategies(ToStrategies(partnership, given), now); break;
                }
            }
        });

    public override async Task<Empty> DeletePartnership(V1.DeletePartnershipRequest request, ServerCallContext context)
    {
        await Change(request.Name, "name", context, (partnership, now) =>
        {
            partnership.EnsureEtag(request.Etag, request.Name);
            partnership.Delete(now);
            db.Partnerships.Remove(partnership);
            return Task.CompletedTask;
        });
        return new Empty();
    }

    public override Task<V1.Partnership> ChangePartnershipStage(V1.ChangePartnershipStageRequest request, ServerCallContext context) =>
        Change(request.Name, "name", context, async (partnership, now) =>
        {
            partnership.EnsureEtag(request.Etag, request.Name);
            var stage = request.Stage.ToDomain<V1.PartnershipStage, PartnershipStage>()
                ?? throw new InvalidInput("stage", "is required: PARTNERSHIP_STAGE_EXPLORING, PARTNERSHIP_STAGE_LAUNCHING, PARTNERSHIP_STAGE_ACTIVE, PARTNERSHIP_STAGE_SUSTAINING or PARTNERSHIP_STAGE_INACTIVE.");
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == partnership.TenantId, context.CancellationToken);
            partnership.ChangeStage(stage, tenant.MinEmployerPartners, now);
        });

    public override Task<V1.Partnership> AddPartner(V1.AddPartnerRequest request, ServerCallContext context) =>
        Change(request.Parent, "parent", context, async (partnership, now) =>
        {
            var organization = await FindOrganization(partnership.TenantId, request.Partner?.Organization, "partner.organization", context);
            partnership.AddPartner(organization, request.Partner!.Roles.ToList(), request.Partner.JoinDate.ToDate("partner.join_date"), now);
        });

    public override Task<V1.Partnership> RemovePartner(V1.RemovePartnerRequest request, ServerCallContext context)
    {
        var ids = Names.Partner.Parse(request.Name, "name");
        return Change(Names.Partnership.Format(ids[0], ids[1]), "name", context, async (partnership, now) =>
        {
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == partnership.TenantId, context.CancellationToken);
            var leaveDate = request.LeaveDate.ToDate("leave_date") ?? DateOnly.FromDateTime(now.UtcDateTime);
            partnership.RemovePartner(ids[2], request.Name, leaveDate, tenant.MinEmployerPartners, now);
        });
    }

    public override Task<V1.Partnership> DesignateIntermediary(V1.DesignateIntermediaryRequest request, ServerCallContext context) =>
        Change(request.Name, "name", context, (partnership, now) =>
        {
            partnership.EnsureEtag(request.Etag, request.Name);
            var violations = new Violations().Require(request.Assignments.Count > 0, "assignments",
                "must assign each of the eight intermediary roles and fiscal agent to one organization.");
            var assignments = new List<IntermediaryAssignment>();
            for (var i = 0; i < request.Assignments.Count; i++)
            {
                var role = request.Assignments[i].Role.ToDomain<V1.IntermediaryRole, IntermediaryRole>();
                var organization = OrganizationId(partnership.TenantId, request.Assignments[i].Organization, $"assignments[{i}].organization", violations);
                violations.Require(role is not null, $"assignments[{i}].role", "is required: one of the intermediary roles.");
                if (role is not null && organization is not null)
                {
                    assignments.Add(new IntermediaryAssignment(role.Value, organization));
                }
            }
            violations.ThrowIfAny();
            partnership.DesignateIntermediary(assignments, now);
            return Task.CompletedTask;
        });

    public override Task<V1.Partnership> CreateAgreement(V1.CreateAgreementRequest request, ServerCallContext context) =>
        Change(request.Parent, "parent", context, (partnership, now) =>
        {
            var agreement = request.Agreement ?? new V1.Agreement();
            partnership.DraftAgreement(ToTerms(partnership, agreement), agreement.EffectiveDate.ToDate("agreement.effective_date"), now);
            return Task.CompletedTask;
        });

    public override Task<V1.Partnership> UpdateAgreement(V1.UpdateAgreementRequest request, ServerCallContext context)
    {
        var (tenant, id, version) = ParseAgreement(request.Agreement?.Name, "agreement.name");
        return Change(Names.Partnership.Format(tenant, id), "agreement.name", context, (partnership, now) =>
        {
            var paths = UpdateMasks.Read(request.UpdateMask, UpdatableAgreementFields);
            partnership.ReviseAgreement(version, request.Agreement!.Name,
                paths.Contains("terms") ? ToTerms(partnership, request.Agreement) : null,
                paths.Contains("effective_date") ? request.Agreement.EffectiveDate.ToDate("agreement.effective_date") : null, now);
            return Task.CompletedTask;
        });
    }

    public override Task<V1.Partnership> CirculateAgreement(V1.CirculateAgreementRequest request, ServerCallContext context)
    {
        var (tenant, id, version) = ParseAgreement(request.Name, "name");
        return Change(Names.Partnership.Format(tenant, id), "name", context, (partnership, now) =>
        {
            partnership.CirculateAgreement(version, request.Name, now);
            return Task.CompletedTask;
        });
    }

    public override async Task<V1.Partnership> SignAgreement(V1.SignAgreementRequest request, ServerCallContext context)
    {
        var (tenant, id, version) = ParseAgreement(request.Name, "name");
        var organization = Names.Organization.Parse(request.Organization, "organization");
        if (organization[0] != tenant)
        {
            throw new InvalidInput("organization", "must be an organization of the partnership's tenant.");
        }
        var caller = context.Caller();
        caller.Ensure(caller.SignsFor(tenant, id, organization[1]),
            "sign for this organization; a partner member of it signs, or a board administrator on its behalf");
        var partnership = await Load(tenant, id, Names.Partnership.Format(tenant, id), context);
        var signer = new Signer(caller.Subject, OnBehalf: !caller.IsMemberOf(tenant, id, organization[1]));
        partnership.SignAgreement(version, request.Name, organization[1], request.SignatoryName, request.SignatoryTitle, signer, clock.GetUtcNow());
        await SaveAsync(partnership, context);
        return partnership.ToProto();
    }

    public override Task<V1.Partnership> CreateCommittee(V1.CreateCommitteeRequest request, ServerCallContext context) =>
        Change(request.Parent, "parent", context, (partnership, now) =>
        {
            var committee = request.Committee ?? new V1.Committee();
            partnership.AddCommittee(string.IsNullOrEmpty(request.CommitteeId) ? ResourceId.New() : request.CommitteeId,
                committee.DisplayName, committee.Kind.ToDomain<V1.CommitteeKind, CommitteeKind>(), committee.Purpose, now);
            return Task.CompletedTask;
        });

    public override Task<V1.Partnership> AddCommitteeMember(V1.AddCommitteeMemberRequest request, ServerCallContext context)
    {
        var ids = Names.Committee.Parse(request.Name, "name");
        return Change(Names.Partnership.Format(ids[0], ids[1]), "name", context, async (partnership, now) =>
        {
            var member = request.Member ?? new V1.CommitteeMember();
            var organization = string.IsNullOrEmpty(member.Organization)
                ? null
                : (await FindOrganization(partnership.TenantId, member.Organization, "member.organization", context)).Id;
            partnership.AddCommitteeMember(ids[2], request.Name, member.PersonName, organization,
                member.Represents.ToDomain<V1.Representation, Representation>("Represents"), now);
        });
    }

    /// <summary>Loads a partnership the caller may change, applies the change and stores it with its events.</summary>
    private async Task<V1.Partnership> Change(string? name, string field, ServerCallContext context, Func<Partnership, DateTimeOffset, Task> change)
    {
        var (tenant, id) = Names.Partnership.Parse(name, field);
        var partnership = await Load(tenant, id, name!, context);
        await change(partnership, clock.GetUtcNow());
        await SaveAsync(partnership, context);
        return partnership.ToProto();
    }

    private async Task<Partnership> Load(string tenant, string id, string name, ServerCallContext context) =>
        await db.Partnerships.SingleOrDefaultAsync(p => p.TenantId == tenant && p.Id == id, context.CancellationToken)
        ?? throw new ResourceNotFound(name);

    private static (string Tenant, string Id, int Version) ParseAgreement(string? name, string field)
    {
        var ids = Names.Agreement.Parse(name, field);
        return int.TryParse(ids[2], out var version) && version > 0
            ? (ids[0], ids[1], version)
            : throw new InvalidInput(field, "must end in the agreement's version number, for example agreements/2.");
    }

    private async Task<string> FindRegion(string tenant, string? name, string field, ServerCallContext context)
    {
        var ids = Names.Region.Parse(name, field);
        var exists = ids[0] == tenant && await db.Regions.AnyAsync(r => r.TenantId == tenant && r.Id == ids[1], context.CancellationToken);
        return exists ? ids[1] : throw new InvalidInput(field, $"must name a region of tenants/{tenant}; {name} does not exist.");
    }

    private async Task<Organization> FindOrganization(string tenant, string? name, string field, ServerCallContext context)
    {
        var ids = Names.Organization.Parse(name, field);
        var organization = ids[0] == tenant
            ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.TenantId == tenant && o.Id == ids[1], context.CancellationToken)
            : null;
        return organization ?? throw new InvalidInput(field, $"must name an organization of tenants/{tenant}; {name} does not exist.");
    }

    private static string? OrganizationId(string tenant, string? name, string field, Violations violations)
    {
        var parts = (name ?? "").Split('/');
        var valid = parts is ["tenants", var t, "organizations", var id] && t == tenant && ResourceId.IsValid(id);
        violations.Require(valid, field, $"must be an organization of this tenant: tenants/{tenant}/organizations/{{organization}}.");
        return valid ? parts[3] : null;
    }

    private static List<Goal> ToGoals(V1.Partnership given) =>
        given.Goals.Select((g, i) => new Goal(g.Statement, g.Metric, g.Target, g.DueDate.ToDate($"partnership.goals[{i}].due_date"))).ToList();

    private static List<SectorStrategy> ToStrategies(Partnership partnership, V1.Partnership given)
    {
        var violations = new Violations();
        var strategies = given.Strategies.Select((s, i) =>
        {
            string? committee = null;
            if (!string.IsNullOrEmpty(s.OwnerCommittee))
            {
                var prefix = Names.Partnership.Format(partnership.TenantId, partnership.Id) + "/committees/";
                violations.Require(s.OwnerCommittee.StartsWith(prefix), $"partnership.strategies[{i}].owner_committee", "must name a committee of this partnership.");
                committee = s.OwnerCommittee.StartsWith(prefix) ? s.OwnerCommittee[prefix.Length..] : null;
            }
            string? id = null;
            if (!string.IsNullOrEmpty(s.Name))
            {
                var prefix = Names.Partnership.Format(partnership.TenantId, partnership.Id) + "/strategies/";
                violations.Require(s.Name.StartsWith(prefix), $"partnership.strategies[{i}].name",
                    "must name a strategy of this partnership, or be left empty for a new one.");
                id = s.Name.StartsWith(prefix) ? s.Name[prefix.Length..] : null;
            }
            return new SectorStrategy(s.Title, s.Status.ToDomain<V1.StrategyStatus, StrategyStatus>() ?? StrategyStatus.Planned, committee, id);
        }).ToList();
        violations.ThrowIfAny();
        return strategies;
    }

    private static List<AgreementTerm> ToTerms(Partnership partnership, V1.Agreement agreement)
    {
        var violations = new Violations();
        var terms = agreement.Terms.Select((t, i) => new AgreementTerm(
            OrganizationId(partnership.TenantId, t.Organization, $"agreement.terms[{i}].organization", violations) ?? "",
            t.Expectations, t.Commitments)).ToList();
        violations.ThrowIfAny();
        return terms;
    }
}
