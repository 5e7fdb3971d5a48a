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
    public override async Task<V1.SectorSelection> GetSectorSelection(V1.GetSectorSelectionRequest request, ServerCallContext context)
    {
        var ids = Names.SectorSelection.Parse(request.Name, "name");
        var ownership = OwnershipOf(request.Ownership);
        var (parts, rowsUsed, ranked) = await RankRegion(ids[0], ids[1], request.Year, ownership, context);
        var metro = parts.FirstOrDefault(p => QcewArea.KindOf(p) == AreaKind.MetropolitanArea);
        return new V1.SectorSelection
        {
            Name = request.Name,
            Year = request.Year,
            Ownership = ownership.ToProto<Ownership, V1.Ownership>(),
            CountyFips = { parts.Where(p => p != metro).Order(StringComparer.Ordinal) },
            MetroArea = metro ?? "",
            Sectors = { ranked.Select(c => c.ToProto()) },
            Explanation = SectorSelectionView.Explanation(rowsUsed),
        };
    }

    public override async Task<V1.RegionalSignificanceEvidence> GetRegionalSignificance(V1.GetRegionalSignificanceRequest request, ServerCallContext context)
    {
        var (tenant, partnershipId) = Names.RegionalSignificance.Parse(request.Name, "name");
        var partnership = await db.Partnerships.AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenant && p.PartnershipId == partnershipId && !p.Deleted, context.CancellationToken)
            ?? throw new ResourceNotFound(Names.Partnership.Format(tenant, partnershipId));
        var (parts, _, ranked) = await RankRegion(tenant, partnership.RegionId, request.Year, OwnershipOf(request.Ownership), context);
        var sector = SectorSelectionView.Find(ranked, partnership.NaicsCode)
            ?? throw new ResourceNotFound($"tenants/{tenant}/lmi/qcew/{request.Year}/{partnership.NaicsCode} (no QCEW rows of the partnership's sector in its region's areas have been imported)");
        var (rank, of, lowerBounds) = SectorSelectionView.Standing(ranked, sector);
        return new V1.RegionalSignificanceEvidence
        {
            Name = request.Name,
            NaicsCode = partnership.NaicsCode,
            Region = Names.Region.Format(tenant, partnership.RegionId),
            Year = request.Year,
            Sector = sector.ToProto(),
            Rank = rank,
            RankedIndustries = of,
            Citation = SectorSelectionView.Citation(sector, request.Year, rank, of, lowerBounds, parts),
        };
    }

    private static Ownership OwnershipOf(V1.Ownership ownership) =>
        ownership == V1.Ownership.Unspecified ? Ownership.Private : ownership.ToDomain<V1.Ownership, Ownership>()!.Value;

    /// <summary>The region's industries ranked from the tenant's imported QCEW annual rows of its areas and the nation.</summary>
    private async Task<(IReadOnlySet<string> Parts, int RowsUsed, IReadOnlyList<SectorCandidate> Ranked)> RankRegion(
        string tenant, string region, int year, Ownership ownership, ServerCallContext context)
    {
        new Violations().Require(year is >= 1990 and <= 2100, "year", "is required: the QCEW year, for example 2024.").ThrowIfAny();
        var parts = SectorSelection.Parts(await regions.AreasAsync(tenant, region, context.CancellationToken));
        var areas = parts.Append(QcewArea.Nation).ToList();
        var rows = await db.Qcew.AsNoTracking()
            .Where(r => r.Year == year && r.Quarter == SectorSelectionView.Annual && areas.Contains(r.AreaFips))
            .OwnOrPlatformAsync(tenant, r => r.AreaFips, context.CancellationToken);
        return (parts, rows.Count, SectorSelection.Rank(rows, parts, year, ownership));
    }

}
