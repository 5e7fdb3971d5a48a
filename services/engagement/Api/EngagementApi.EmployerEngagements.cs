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
    private static readonly string[] UpdatableEngagementFields = ["level", "champions"];

    public override async Task<V1.ListEmployerEngagementsResponse> ListEmployerEngagements(V1.ListEmployerEngagementsRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Partnership.Parse(request.Parent, "parent");
        var (employers, next) = await db.Employers.Where(e => e.TenantId == tenant && e.PartnershipId == partnership)
            .PageAsync(e => e.OrganizationId, request.PageSize, request.PageToken, request.Parent, context.CancellationToken);
        return new V1.ListEmployerEngagementsResponse { EmployerEngagements = { employers.Select(e => e.ToProto(db.VersionOf(e))) }, NextPageToken = next };
    }

    public override async Task<V1.EmployerEngagement> GetEmployerEngagement(V1.GetEmployerEngagementRequest request, ServerCallContext context)
    {
        var employer = await Employer(request.Name, "name", context, write: false);
        return employer.ToProto(db.VersionOf(employer));
    }

    public override async Task<V1.EmployerEngagement> UpdateEmployerEngagement(V1.UpdateEmployerEngagementRequest request, ServerCallContext context)
    {
        var given = request.EmployerEngagement ?? new V1.EmployerEngagement();
        var employer = await Employer(given.Name, "employer_engagement.name", context, write: true);
        Etags.Ensure(given.Etag, db.VersionOf(employer), given.Name);
        var paths = UpdateMasks.Read(request.UpdateMask, UpdatableEngagementFields);
        var input = new InputCollector();
        var level = paths.Contains("level")
            ? input.Take(() => given.Level.ToDomain<V1.EngagementLevel, EngagementLevel>()
                ?? throw new InvalidInput("employer_engagement.level", "is required: ENGAGEMENT_LEVEL_INFORMED, ENGAGEMENT_LEVEL_CONSULTED, ENGAGEMENT_LEVEL_INVOLVED, ENGAGEMENT_LEVEL_COLLABORATING or ENGAGEMENT_LEVEL_LEADING."))
            : (EngagementLevel?)null;
        input.Finish(() => employer.Revise(level, paths.Contains("champions") ? given.Champions : null, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return employer.ToProto(db.VersionOf(employer));
    }

    public override async Task<V1.EmployerEngagement> RecordEmployerActivity(V1.RecordEmployerActivityRequest request, ServerCallContext context)
    {
        var employer = await Employer(request.Name, "name", context, write: true);
        var given = request.Activity ?? new V1.EmployerActivity();
        var input = new InputCollector();
        var date = input.Take(() => given.Date.ToDate("activity.date"));
        input.Finish(() => employer.RecordActivity(given.Kind.ToDomain<V1.EmployerActivityKind, EmployerActivityKind>(), date, given.Quantity, given.Note, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
        return employer.ToProto(db.VersionOf(employer));
    }

    public override async Task<V1.Recognition> GetRecognition(V1.GetRecognitionRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.Recognition.Parse(request.Name, "name");
        var employers = await db.Employers.AsNoTracking().Where(e => e.TenantId == tenant && e.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        return new V1.Recognition { Name = request.Name, Employers = { Recognition.Ranked(employers).Select(e => e.ToContribution()) } };
    }
}
