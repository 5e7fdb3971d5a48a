using SectorMesh.Contracts;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Engagement.Data;

/// <summary>
/// The QCEW areas of a region (its counties, or the one metropolitan area it is given as), asked of the Partnerships service over gRPC and kept briefly in Redis.
/// With the Partnerships service down and nothing cached, the answer is "unavailable", never a guess.
/// </summary>
public sealed class RegionDirectory(V1.Tenants.TenantsClient tenants, ResourceCache cache)
{
    public async Task<IReadOnlySet<string>> AreasAsync(string tenant, string region, CancellationToken cancellationToken)
    {
        var name = Names.Region.Format(tenant, region);
        var found = await cache.GetOrLoadAsync(name, V1.Region.Parser, () =>
            tenants.GetRegionAsync(new V1.GetRegionRequest { Name = name }, cancellationToken: cancellationToken).ResponseAsync);
        return found.MetroArea is { Length: > 0 } metro ? new HashSet<string> { metro } : found.CountyFips.ToHashSet();
    }
}
