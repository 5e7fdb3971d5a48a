using SectorMesh.Contracts;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Pathways.Data;

/// <summary>
/// What the Partnerships service knows, asked on the caller's behalf (<see cref="ServiceClients"/>): whether a partnership
/// exists before pathways and participants are recorded under it, and what an organization is.
/// </summary>
public sealed class PartnershipDirectory(V1.Partnerships.PartnershipsClient partnerships, V1.Organizations.OrganizationsClient organizations)
{
    public Task EnsurePartnershipAsync(string tenant, string partnership, CancellationToken cancellationToken) =>
        PartnershipAsync(tenant, partnership, cancellationToken);

    public Task<V1.Organization> OrganizationAsync(string name, CancellationToken cancellationToken) =>
        organizations.GetOrganizationAsync(new V1.GetOrganizationRequest { Name = name }, cancellationToken: cancellationToken).ResponseAsync;

    /// <summary>The organization's current membership of the partnership (it has not left), or null when it is not a partner.</summary>
    public async Task<V1.Partner?> CurrentPartnerAsync(string tenant, string partnership, string organizationName, CancellationToken cancellationToken)
    {
        var found = await PartnershipAsync(tenant, partnership, cancellationToken);
        return found.Partners.FirstOrDefault(p => p.Organization == organizationName && p.LeaveDate is null);
    }

    private Task<V1.Partnership> PartnershipAsync(string tenant, string partnership, CancellationToken cancellationToken) =>
        partnerships.GetPartnershipAsync(new V1.GetPartnershipRequest { Name = Names.Partnership.Format(tenant, partnership) },
            cancellationToken: cancellationToken).ResponseAsync;
}
