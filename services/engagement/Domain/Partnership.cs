namespace SectorMesh.Engagement.Domain;

/// <summary>
/// What this service knows of a partnership, copied from the Partnerships service's events: that it
/// exists, so records are not made for a partnership that was never created or was deleted.
/// </summary>
public sealed class KnownPartnership
{
    private KnownPartnership() { }

    public KnownPartnership(string tenantId, string partnershipId)
    {
        TenantId = tenantId;
        PartnershipId = partnershipId;
    }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string RegionId { get; private set; } = "";

    /// <summary>The target sector, as QCEW's industry_code spells NAICS.</summary>
    public string NaicsCode { get; private set; } = "";

    /// <summary>The partnership's revision in the Partnerships service that this copy reflects.</summary>
    public long SourceRevision { get; private set; }

    /// <summary>Kept as a marker once deleted, so a late or replayed older event cannot bring the partnership back.</summary>
    public bool Deleted { get; private set; }

    /// <summary>The copy as the Partnerships service described it at <paramref name="revision"/>; older or repeated news changes nothing.</summary>
    public bool Apply(string displayName, string regionId, string naicsCode, long revision)
    {
        if (revision < SourceRevision || Deleted)
        {
            return false;
        }
        DisplayName = displayName;
        RegionId = regionId;
        NaicsCode = naicsCode;
        SourceRevision = revision;
        return true;
    }

    public void MarkDeleted(long revision)
    {
        Deleted = true;
        SourceRevision = Math.Max(SourceRevision, revision);
    }
}
