namespace SectorMesh.Engagement.Domain;

/// <summary>
/// What this service knows of a partnership, copied from the Partnerships service's events: that it
/// exists, so records are not made for a partnership that was never created or was deleted.
/// </summary>
public sealed class KnownPartnership
{
    private KnownPartnership() { }

    public KnownPartnership(string tenantId, string partnershipId, string displayName, string regionId, string naicsCode)
    {
        TenantId = tenantId;
        PartnershipId = partnershipId;
        DisplayName = displayName;
        RegionId = regionId;
        NaicsCode = naicsCode;
    }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string RegionId { get; private set; } = "";

    /// <summary>The target sector, as QCEW's industry_code spells NAICS.</summary>
    public string NaicsCode { get; private set; } = "";
}
