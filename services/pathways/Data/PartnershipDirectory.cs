using Grpc.Core;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Pathways.Data;

/// <summary>
/// What the Partnerships service knows, asked with the caller's own token: whether a partnership
/// exists before pathways and participants are recorded under it, and what an organization is.
/// </summary>
public sealed class PartnershipDirectory(V1.Partnerships.PartnershipsClient partnerships, V1.Organizations.OrganizationsClient organizations)
{
    private const string Down = "The Partnerships service, which knows the tenant's partnerships and organizations, is not answering; try again shortly.";

    public Task EnsurePartnershipAsync(string tenant, string partnership, string authorization, CancellationToken cancellationToken)
    {
        var name = $"tenants/{tenant}/partnerships/{partnership}";
        return DependencyCalls.CallAsync(deadline => partnerships.GetPartnershipAsync(new V1.GetPartnershipRequest { Name = name },
            Headers(authorization), deadline, cancellationToken).ResponseAsync, name, Down);
    }

    public Task<V1.Organization> OrganizationAsync(string name, string authorization, CancellationToken cancellationToken) =>
        DependencyCalls.CallAsync(deadline => organizations.GetOrganizationAsync(new V1.GetOrganizationRequest { Name = name },
            Headers(authorization), deadline, cancellationToken).ResponseAsync, name, Down);

    /// <summary>The organization's current membership of the partnership (it has not left), or null when it is not a partner.</summary>
    public async Task<V1.Partner?> CurrentPartnerAsync(string tenant, string partnership, string organizationName, string authorization,
        CancellationToken cancellationToken)
    {
        var name = $"tenants/{tenant}/partnerships/{partnership}";
        var found = await DependencyCalls.CallAsync(deadline => partnerships.GetPartnershipAsync(new V1.GetPartnershipRequest { Name = name },
            Headers(authorization), deadline, cancellationToken).ResponseAsync, name, Down);
        return found.Partners.FirstOrDefault(p => p.Organization == organizationName && p.LeaveDate is null);
    }

    private static Metadata Headers(string authorization) => new() { { "authorization", authorization } };
}
