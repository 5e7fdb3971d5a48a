using System.Text.RegularExpressions;
using SectorMesh.Domain;

namespace SectorMesh.Partnerships.Domain;

/// <summary>A statewide workforce board hosting many regional partnerships.</summary>
public sealed class Tenant
{
    public const int DefaultMinEmployerPartners = 2;

    /// <summary>Three years: how long records of a federal award must be kept (2 CFR 200.334).</summary>
    public const int DefaultAuditRetentionDays = 1095;

    private Tenant() { }

    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";

    /// <summary>A relationship with one employer is not a sector partnership, so this is never below two.</summary>
    public int MinEmployerPartners { get; private set; } = DefaultMinEmployerPartners;

    /// <summary>How many days the tenant's audit entries are kept.</summary>
    public int AuditRetentionDays { get; private set; } = DefaultAuditRetentionDays;

    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Tenant Create(string id, string displayName, int? minEmployerPartners, DateTimeOffset now)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "tenant_id", ResourceId.Rule)
            .RequireText(displayName, "tenant.display_name", 200)
            .Require(minEmployerPartners is null or (>= 2 and <= 100), "tenant.min_employer_partners", "must be between 2 and 100.")
            .ThrowIfAny();
        return new Tenant
        {
            Id = id,
            DisplayName = displayName.Trim(),
            MinEmployerPartners = minEmployerPartners ?? DefaultMinEmployerPartners,
            CreatedAt = now,
        };
    }

    public void Rename(string displayName)
    {
        new Violations().RequireText(displayName, "tenant.display_name", 200).ThrowIfAny();
        DisplayName = displayName.Trim();
    }

    public void KeepAuditEntriesFor(int days)
    {
        new Violations().Require(days is >= 30 and <= 3650, "tenant.audit_retention_days", "must be between 30 and 3650 days.").ThrowIfAny();
        AuditRetentionDays = days;
    }

    public void RequireEmployerPartners(int minimum)
    {
        new Violations().Require(minimum is >= 2 and <= 100, "tenant.min_employer_partners", "must be between 2 and 100.").ThrowIfAny();
        MinEmployerPartners = minimum;
    }
}

/// <summary>
/// The area a partnership serves: a named set of counties, by five-digit FIPS code, or one
/// metropolitan or micropolitan area, by its QCEW area code (C + 4 digits), whose own labor market
/// figures are then used.
/// </summary>
public sealed partial class Region
{
    private Region() { }

    public string TenantId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public List<string> CountyFips { get; private set; } = [];
    public string? MetroArea { get; private set; }

    public static Region Create(string tenantId, string id, string displayName, IReadOnlyList<string> countyFips, string? metroArea = null)
    {
        var metro = !string.IsNullOrEmpty(metroArea);
        var violations = new Violations()
            .Require(ResourceId.IsValid(id), "region_id", ResourceId.Rule)
            .RequireText(displayName, "region.display_name", 200)
            .Require(countyFips.Count > 0 || metro, "region.county_fips", "must name at least one county, or give region.metro_area instead.")
            .Require(countyFips.Count == 0 || !metro, "region.metro_area", "must be left empty when region.county_fips names counties: a region is counties or one metropolitan area, not both.")
            .Require(!metro || MetroAreaPattern().IsMatch(metroArea!), "region.metro_area",
                "must be a metropolitan or micropolitan area as QCEW codes it: C and the first four digits of its CBSA code, for example C1814.")
            .Require(countyFips.Distinct().Count() == countyFips.Count, "region.county_fips", "must not repeat a county.");
        for (var i = 0; i < countyFips.Count; i++)
        {
            violations.Require(IsCountyFips(countyFips[i]), $"region.county_fips[{i}]",
                "must be a five-digit county FIPS code (two-digit state, three-digit county), for example 39049; " +
                "SS000 is a whole state and SS999 what a state could not place in a county, neither a county.");
        }
        violations.ThrowIfAny();
        return new Region
        {
            TenantId = tenantId, Id = id, DisplayName = displayName.Trim(), CountyFips = [.. countyFips], MetroArea = metro ? metroArea : null,
        };
    }

    private static bool IsCountyFips(string code) =>
        FipsPattern().IsMatch(code) && int.Parse(code[..2]) is >= 1 and <= 78 && code[2..] is not ("000" or "999");

    [GeneratedRegex(@"^[0-9]{5}\z")]
    private static partial Regex FipsPattern();

    [GeneratedRegex(@"^C[0-9]{4}\z")]
    private static partial Regex MetroAreaPattern();
}

/// <summary>An organization of a tenant that can take part in its partnerships.</summary>
public sealed class Organization
{
    private Organization() { }

    public string TenantId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public PartnerType Type { get; private set; }
    public string? NaicsCode { get; private set; }

    public static Organization Create(string tenantId, string id, string displayName, PartnerType? type, string? naicsCode)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "organization_id", ResourceId.Rule)
            .RequireText(displayName, "organization.display_name", 200)
            .Require(type is not null, "organization.type", "is required: one of the Framework's thirteen partner types.")
            .Require(string.IsNullOrEmpty(naicsCode) || Domain.NaicsCode.IsValid(naicsCode), "organization.naics_code", Domain.NaicsCode.Rule)
            .ThrowIfAny();
        return new Organization
        {
            TenantId = tenantId,
            Id = id,
            DisplayName = displayName.Trim(),
            Type = type!.Value,
            NaicsCode = string.IsNullOrEmpty(naicsCode) ? null : naicsCode,
        };
    }
}
