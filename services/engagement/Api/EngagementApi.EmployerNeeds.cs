using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Engagement.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

public sealed partial class EngagementApi
{
    public override async Task<V1.EmployerEngagement> RecordEmployerNeed(V1.RecordEmployerNeedRequest request, ServerCallContext context)
    {
        var employer = await Employer(request.Name, "name", context, write: true);
        var given = request.Need ?? new V1.EmployerNeed();
        var need = EmployerNeed.Create(given.SocCode, given.Openings12Months, given.Openings36Months, given.HardToFill,
            given.Skills, given.Credentials, given.WageMin.ToDecimal("need.wage_min"), given.WageMax.ToDecimal("need.wage_max"));
        employer.RecordNeed(need, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        return employer.ToProto(db.VersionOf(employer));
    }

    public override async Task<V1.NeedsAnalysis> GetNeedsAnalysis(V1.GetNeedsAnalysisRequest request, ServerCallContext context)
    {
        var (tenant, partnership) = Names.NeedsAnalysis.Parse(request.Name, "name");
        var employers = await db.Employers.AsNoTracking().Where(e => e.TenantId == tenant && e.PartnershipId == partnership).ToListAsync(context.CancellationToken);
        return new V1.NeedsAnalysis { Name = request.Name, Occupations = { NeedsAnalysis.ByOccupation(employers).Select(o => o.ToProto()) } };
    }
}
