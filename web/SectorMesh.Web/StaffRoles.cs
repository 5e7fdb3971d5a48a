using System.Security.Claims;

namespace SectorMesh.Web;

/// <summary>
/// Which controls a page offers, from the roles of the user's token. The services decide what may really be done; a page
/// only leaves out what they would refuse.
/// </summary>
public static class StaffRoles
{
    /// <summary>Writes tenant-wide data, reads the audit trail and changes a partnership's stage.</summary>
    public static bool AdministersTenant(ClaimsPrincipal user) => user.IsInRole("board-admin") || user.IsInRole("platform-admin");

    public static string Tenant(ClaimsPrincipal user) => user.FindFirst("tenant")?.Value ?? "";
}
