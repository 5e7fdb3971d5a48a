using System.Security.Claims;

namespace SectorMesh.ServiceDefaults;

public static class SectorMeshClaims
{
    public const string Tenant = "tenant";
    public const string Role = "role";
    public const string Partnership = "partnership";
    public const string Organization = "organization";
}

public static class Roles
{
    public const string PlatformAdmin = "platform-admin";
    public const string BoardAdmin = "board-admin";
    public const string PartnershipStaff = "partnership-staff";
    public const string PartnerMember = "partner-member";
    public const string Viewer = "viewer";

    /// <summary>Added to a role that reads a partnership, lets the caller read its participants' personal data as well.</summary>
    public const string PiiReader = "pii-reader";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string> { PlatformAdmin, BoardAdmin, PartnershipStaff, PartnerMember, Viewer, PiiReader };
}

/// <summary>The caller the token describes: its tenant, roles, and the partnerships it is listed on.</summary>
public sealed record Caller(string Subject, string Tenant, IReadOnlySet<string> Roles, IReadOnlySet<string> Partnerships, string? Organization)
{
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirst("sub")?.Value ?? "",
        user.FindFirst(SectorMeshClaims.Tenant)?.Value ?? "",
        user.FindAll(SectorMeshClaims.Role).Select(c => c.Value).ToHashSet(),
        user.FindAll(SectorMeshClaims.Partnership).Select(c => c.Value).ToHashSet(),
        user.FindFirst(SectorMeshClaims.Organization)?.Value);

    private bool Is(string role) => Roles.Contains(role);

    public bool IsPlatformAdmin => Is(ServiceDefaults.Roles.PlatformAdmin);

    /// <summary>Whether anything of this tenant exists for the caller; another tenant's data is not found, not forbidden.</summary>
    public bool BelongsTo(string tenant) => IsPlatformAdmin || Tenant == tenant;

    public bool AdministersTenant(string tenant) => IsPlatformAdmin || (Tenant == tenant && Is(ServiceDefaults.Roles.BoardAdmin));

    /// <summary>Board administrators and viewers see every partnership of their tenant; others only those they are listed on.</summary>
    public bool SeesWholeTenant(string tenant) => AdministersTenant(tenant) || (Tenant == tenant && Is(ServiceDefaults.Roles.Viewer));

    public bool CanRead(string tenant, string partnershipId) =>
        SeesWholeTenant(tenant) || (Tenant == tenant && Partnerships.Contains(partnershipId)
            && (Is(ServiceDefaults.Roles.PartnershipStaff) || Is(ServiceDefaults.Roles.PartnerMember)));

    public bool CanWrite(string tenant, string partnershipId) =>
        AdministersTenant(tenant) || (Tenant == tenant && Is(ServiceDefaults.Roles.PartnershipStaff) && Partnerships.Contains(partnershipId));

    /// <summary>
    /// Tenant-wide data (organizations, regions, tenant settings, labor market and O*NET files)
    /// serves every partnership of the tenant, so only its board administrators write it.
    /// </summary>
    public bool WritesTenantData(string tenant) => AdministersTenant(tenant);

    /// <summary>
    /// Deleting a partnership and moving it between stages are the board's acts: a stage says the
    /// Framework's conditions are met, which the board that hosts the partnership answers for.
    /// </summary>
    public bool GovernsPartnership(string tenant) => AdministersTenant(tenant);

    /// <summary>
    /// A partner member acts for its own organization, in the partnerships its token lists, whatever
    /// other roles it holds: each role reaches only as far as its own scope.
    /// </summary>
    public bool ActsFor(string tenant, string partnershipId, string organizationId) =>
        CanWrite(tenant, partnershipId) || IsMemberOf(tenant, partnershipId, organizationId);

    /// <summary>An agreement is signed by a partner member of the signing organization, or by a board administrator on its behalf.</summary>
    public bool SignsFor(string tenant, string partnershipId, string organizationId) =>
        AdministersTenant(tenant) || IsMemberOf(tenant, partnershipId, organizationId);

    /// <summary>Whether the caller signs as the organization's own member rather than on its behalf.</summary>
    public bool IsMemberOf(string tenant, string partnershipId, string organizationId) =>
        IsListedMember(tenant, partnershipId) && Organization == organizationId;

    /// <summary>A partner member of some organization, listed on the partnership.</summary>
    public bool IsListedMember(string tenant, string partnershipId) =>
        Tenant == tenant && Is(ServiceDefaults.Roles.PartnerMember) && Partnerships.Contains(partnershipId);

    public bool ReadsPersonalData => Is(ServiceDefaults.Roles.PiiReader);
}

/// <summary>The caller may see the resource but not change it.</summary>
public sealed class AccessDenied(string message) : Exception(message);

/// <summary>Another service this one must ask is not answering; the caller may retry later.</summary>
public sealed class DependencyUnavailable(string message) : Exception(message);

public static class Access
{
    /// <summary>A check that needs the resource's data (the organization a record is for), after the permission the method declares.</summary>
    public static void Ensure(this Caller caller, bool allowed, string what)
    {
        if (!allowed)
        {
            throw new AccessDenied($"Your role may not {what}.");
        }
    }
}
