using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

public sealed partial class EngagementApi
{
    public override async Task<V1.LmiReview> CreateLmiReview(V1.CreateLmiReviewRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var given = request.LmiReview ?? new V1.LmiReview();
        var organization = Names.Organization.Parse(given.Organization, "lmi_review.organization");
        new Violations().Require(organization[0] == tenant, "lmi_review.organization", "must be an organization of the partnership's tenant.").ThrowIfAny();
        var caller = context.Caller();
        caller.Ensure(caller.ActsFor(tenant, partnership, organization[1]), "review labor market data for this organization");
        await db.EnsurePartnershipKnownAsync(tenant, partnership, context.CancellationToken);
        var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(
            e => e.TenantId == tenant && e.PartnershipId == partnership && e.OrganizationId == organization[1], context.CancellationToken);
        var earlier = await db.LmiReviews.AsNoTracking()
            .Where(r => r.TenantId == tenant && r.PartnershipId == partnership && r.DataPoint == given.DataPoint.Trim())
            .OrderBy(r => r.RecordedAt).ToListAsync(context.CancellationToken);
        var review = LmiReview.Record(tenant, partnership, given.DataPoint, organization[1], employer,
            given.Verdict.ToDomain<V1.LmiVerdict, LmiVerdict>(), given.Comment, earlier, clock.GetUtcNow());
        db.LmiReviews.Add(review);
        await db.SaveChangesAsync(context.CancellationToken);
        return review.ToProto();
    }

    public override async Task<V1.LmiValidation> GetLmiValidation(V1.GetLmiValidationRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.LmiValidation.Parse(request.Name, "name");
        var reviews = await db.LmiReviews.AsNoTracking().Where(r => r.TenantId == tenant && r.PartnershipId == partnership)
            .OrderBy(r => r.RecordedAt).ToListAsync(context.CancellationToken);
        return new V1.LmiValidation
        {
            Name = request.Name,
            DataPoints =
            {
                reviews.GroupBy(r => r.DataPoint).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new V1.ReviewedDataPoint
                {
                    DataPoint = g.Key,
                    Standing = LmiValidationView.Standing(g, g.Key).ToProto<LmiStanding, V1.LmiStanding>(),
                    Reviews = { g.Select(r => r.ToProto()) },
                }),
            },
        };
    }
}
