using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Pathways.Data;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;
using Partnerships = SectorMesh.Contracts.Partnerships.V1;
using V1 = SectorMesh.Contracts.Pathways.V1;

namespace SectorMesh.Pathways.Api;

/// <summary>Work-based learning opportunities: checks the employer with the Partnerships service and the step on the pathway, lets the domain decide, stores.</summary>
[Authorize]
public sealed class WorkBasedLearningApi(PathwaysDbContext db, PartnershipDirectory directory, TimeProvider clock)
    : V1.WorkBasedLearning.WorkBasedLearningBase
{
    public override async Task<V1.WorkBasedLearningOpportunity> CreateWorkBasedLearningOpportunity(V1.CreateWorkBasedLearningOpportunityRequest request,
        ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        await directory.EnsurePartnershipAsync(tenant, partnership, context.CancellationToken);
        var given = request.Opportunity ?? new V1.WorkBasedLearningOpportunity();
        var input = new InputCollector();
        var employer = await input.TakeAsync(() => EmployerAsync(tenant, partnership, given.Employer, context.CancellationToken));
        var pathway = given.CareerPathway.Length == 0 ? null : await input.TakeAsync(async () =>
        {
            var ids = Names.CareerPathway.Parse(given.CareerPathway, "opportunity.career_pathway");
            new Violations().Require(ids[0] == tenant && ids[1] == partnership, "opportunity.career_pathway", "must be a pathway of this partnership.").ThrowIfAny();
            return await db.CareerPathways.AsNoTracking().GetNamedAsync(ids, given.CareerPathway, context.CancellationToken);
        });
        var start = input.Take(() => given.StartDate.ToDate("opportunity.start_date"));
        var end = input.Take(() => given.EndDate.ToDate("opportunity.end_date"));
        var wage = given.HourlyWage is null ? null : input.Take(() => (decimal?)given.HourlyWage.Dollars("opportunity.hourly_wage"));
        var opportunity = input.Finish(() => WorkBasedLearningOpportunity.Offer(tenant, partnership, Calls.Id(request.OpportunityId), given.DisplayName,
            given.Kind.ToDomain<V1.WorkBasedLearningKind, WorkBasedLearningKind>(), given.RapidsProgramNumber.Trim(), employer ?? "", pathway,
            given.PathwayStep, given.Occupation.Trim(), start, end, wage, given.PlacesOffered, given.PlacesFilled, clock.GetUtcNow()));
        await db.AddNewAsync(opportunity, Names.WorkBasedLearning.Format(tenant, partnership, opportunity.Id), context.CancellationToken);
        return opportunity.ToProto();
    }

    /// <summary>The id of an organization that is, today, an employer partner of the partnership.</summary>
    private async Task<string> EmployerAsync(string tenant, string partnership, string name, CancellationToken cancellationToken)
    {
        const string field = "opportunity.employer";
        var ids = Names.Organization.Parse(name, field);
        new Violations().Require(ids[0] == tenant, field, "must be an organization of the partnership's tenant.").ThrowIfAny();
        var partner = await directory.CurrentPartnerAsync(tenant, partnership, name, cancellationToken);
        new Violations().Require(partner is { PartnerType: Partnerships.PartnerType.Employer }, field, "must be an employer that is a partner of the partnership.")
            .ThrowIfAny();
        return ids[1];
    }

    public override async Task<V1.WorkBasedLearningOpportunity> GetWorkBasedLearningOpportunity(V1.GetWorkBasedLearningOpportunityRequest request,
        ServerCallContext context)
    {
        var ids = Names.WorkBasedLearning.Parse(request.Name, "name");
        return (await db.WorkBasedLearning.AsNoTracking().GetNamedAsync(ids, request.Name, context.CancellationToken)).ToProto();
    }

    public override async Task<V1.ListWorkBasedLearningOpportunitiesResponse> ListWorkBasedLearningOpportunities(
        V1.ListWorkBasedLearningOpportunitiesRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (opportunities, next) = await db.WorkBasedLearning.AsNoTracking().Where(o => o.TenantId == tenant && o.PartnershipId == partnership)
            .PageAsync(o => o.Id, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListWorkBasedLearningOpportunitiesResponse { Opportunities = { opportunities.Select(o => o.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.WorkBasedLearningOpportunity> RecordPlacesFilled(V1.RecordPlacesFilledRequest request, ServerCallContext context)
    {
        var ids = Names.WorkBasedLearning.Parse(request.Name, "name");
        var opportunity = await db.WorkBasedLearning.GetNamedAsync(ids, request.Name, context.CancellationToken);
        opportunity.RecordPlacesFilled(request.PlacesFilled, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return opportunity.ToProto();
    }
}
