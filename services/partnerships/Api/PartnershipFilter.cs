using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.Partnerships.Api;

/// <summary>
/// The List filter (a small subset of AIP-160): comparisons joined by AND, each
/// <c>stage = PARTNERSHIP_STAGE_ACTIVE</c>, <c>sector = "62"</c> (a NAICS prefix) or <c>region = "tenants/t/regions/r"</c>.
/// A stage is also accepted without its enum's prefix (<c>stage = ACTIVE</c>), the form it had before the values
/// were prefixed: scripts and page tokens bound to such filters keep working.
/// </summary>
public sealed partial record PartnershipFilter(PartnershipStage? Stage, string? SectorPrefix, string? RegionId)
{
    private const string Grammar = "must be comparisons joined by AND, such as: stage = PARTNERSHIP_STAGE_ACTIVE AND sector = \"62\" AND region = \"tenants/oh/regions/central\".";

    public static PartnershipFilter Parse(string? filter, string tenant)
    {
        PartnershipStage? stage = null;
        string? sector = null, region = null;
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new PartnershipFilter(stage, sector, region);
        }
        foreach (var term in AndSeparator().Split(filter.Trim()))
        {
            var match = Comparison().Match(term);
            if (!match.Success)
            {
                throw new InvalidInput("filter", Grammar);
            }
            var value = match.Groups["value"].Value;
            switch (match.Groups["field"].Value)
            {
                case "stage":
                    stage = StageNamed(value) ?? throw new InvalidInput("filter",
                        "stage must be one of PARTNERSHIP_STAGE_EXPLORING, PARTNERSHIP_STAGE_LAUNCHING, PARTNERSHIP_STAGE_ACTIVE, PARTNERSHIP_STAGE_SUSTAINING, PARTNERSHIP_STAGE_INACTIVE.");
                    break;
                case "sector":
                    sector = NaicsCode.IsValid(value) ? value : throw new InvalidInput("filter", "sector " + NaicsCode.Rule);
                    break;
                case "region":
                    region = RegionIdOf(value, tenant);
                    break;
                default:
                    throw new InvalidInput("filter", $"cannot filter on '{match.Groups["field"].Value}'; filterable: stage, sector, region.");
            }
        }
        return new PartnershipFilter(stage, sector, region);
    }

    private static readonly EnumDescriptor Stages = V1.PartnershipsReflection.Descriptor.FindTypeByName<EnumDescriptor>("PartnershipStage");

    /// <summary>The stage of a proto enum value name, with or without the enum's prefix, in any case.</summary>
    private static PartnershipStage? StageNamed(string value)
    {
        const string Prefix = "PARTNERSHIP_STAGE_";
        var name = value.ToUpperInvariant();
        var proto = Stages.FindValueByName(name.StartsWith(Prefix, StringComparison.Ordinal) ? name : Prefix + name);
        return proto is null ? null : ((V1.PartnershipStage)proto.Number).ToDomain<V1.PartnershipStage, PartnershipStage>();
    }

    /// <summary>Accepts a region's full name or its id alone.</summary>
    private static string RegionIdOf(string value, string tenant)
    {
        if (!value.Contains('/'))
        {
            return value;
        }
        var ids = Names.Region.Parse(value, "filter");
        return ids[0] == tenant ? ids[1] : throw new InvalidInput("filter", "region must be a region of this tenant.");
    }

    [GeneratedRegex(@"\s+AND\s+")]
    private static partial Regex AndSeparator();

    [GeneratedRegex("""^(?<field>[a-z_]+)\s*=\s*(?:"(?<value>[^"]*)"|(?<value>[A-Za-z0-9_/\-]+))\z""")]
    private static partial Regex Comparison();
}
