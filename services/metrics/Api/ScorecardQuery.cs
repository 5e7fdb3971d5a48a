using System.Globalization;
using System.Text.RegularExpressions;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Metrics.V1;

namespace SectorMesh.Metrics.Api;

/// <summary>
/// The statewide view's filter (a small subset of AIP-160: comparisons joined by AND on stage, sector as a NAICS prefix,
/// region, and a score compared with a number) and order (AIP-132: fields, comma separated, each optionally desc).
/// </summary>
public sealed partial class ScorecardQuery
{
    private const string Grammar = "must be comparisons joined by AND, such as: stage = ACTIVE AND sector = \"62\" AND overall_score >= 60.";
    private static readonly string[] Stages = ["EXPLORING", "LAUNCHING", "ACTIVE", "SUSTAINING", "INACTIVE"];

    private readonly List<Func<V1.PartnershipScorecard, bool>> _tests = [];
    private readonly List<(Func<V1.PartnershipScorecard, IComparable> Key, bool Descending)> _order = [];

    public static ScorecardQuery Parse(string? filter, string? orderBy, string tenant)
    {
        var query = new ScorecardQuery();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            foreach (var term in AndSeparator().Split(filter.Trim()))
            {
                query._tests.Add(Test(term, tenant));
            }
        }
        var fields = string.IsNullOrWhiteSpace(orderBy) ? ["display_name"] : orderBy.Split(',').Select(f => f.Trim()).ToArray();
        foreach (var field in fields)
        {
            var parts = field.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2 || parts.Length == 2 && parts[1] != "desc")
            {
                throw new InvalidInput("order_by", "must be fields separated by commas, each optionally followed by desc, such as: overall_score desc, display_name.");
            }
            query._order.Add((Key(parts[0]), parts.Length == 2));
        }
        return query;
    }

    public IReadOnlyList<V1.PartnershipScorecard> Apply(IEnumerable<V1.PartnershipScorecard> scorecards)
    {
        var matching = scorecards.Where(s => _tests.All(t => t(s)));
        IOrderedEnumerable<V1.PartnershipScorecard>? ordered = null;
        foreach (var (key, descending) in _order)
        {
            ordered = ordered is null
                ? descending ? matching.OrderByDescending(key) : matching.OrderBy(key)
                : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }
        return [.. ordered!.ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static Func<V1.PartnershipScorecard, IComparable> Key(string field) => field switch
    {
        "display_name" or "displayName" => s => s.DisplayName,
        "stage" => s => s.Stage,
        "sector" => s => s.Sector,
        "region" => s => s.Region,
        "overall_score" or "overallScore" => s => s.OverallScore,
        _ when Scorecards.AreaKeys.Contains(field) => s => s.Areas.FirstOrDefault(a => a.Area == field)?.Score ?? 0,
        _ => throw new InvalidInput("order_by", $"cannot sort by '{field}'; sortable: display_name, stage, sector, region, overall_score, "
            + string.Join(", ", Scorecards.AreaKeys) + "."),
    };

    private static Func<V1.PartnershipScorecard, bool> Test(string term, string tenant)
    {
        var match = Comparison().Match(term);
        if (!match.Success)
        {
            throw new InvalidInput("filter", Grammar);
        }
        var (field, op, value) = (match.Groups["field"].Value, match.Groups["op"].Value, match.Groups["value"].Value);
        if (field is "stage" or "sector" or "region" && op != "=")
        {
            throw new InvalidInput("filter", $"{field} is compared with = only.");
        }
        switch (field)
        {
            case "stage":
                var stage = value.ToUpperInvariant().Replace("PARTNERSHIP_STAGE_", "", StringComparison.Ordinal);
                return Stages.Contains(stage) ? s => s.Stage.Equals(stage, StringComparison.OrdinalIgnoreCase)
                    : throw new InvalidInput("filter", $"stage must be one of {string.Join(", ", Stages)}.");
            case "sector":
                return SectorPrefix().IsMatch(value) ? s => s.Sector.StartsWith(value, StringComparison.Ordinal)
                    : throw new InvalidInput("filter", "sector must be a NAICS code or its first digits, 2 to 6 digits, such as \"62\".");
            case "region":
                var region = value.Contains('/') ? value : Names.Region.Format(tenant, value);
                Names.Region.Parse(region, "filter");
                return s => s.Region == region;
        }
        var score = Key(field is "overall_score" or "overallScore" || Scorecards.AreaKeys.Contains(field) ? field
            : throw new InvalidInput("filter", $"cannot filter on '{field}'; filterable: stage, sector, region, overall_score and the areas' scores."));
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bound))
        {
            throw new InvalidInput("filter", $"{field} is compared with a whole number from 0 to 100.");
        }
        return op switch
        {
            "=" => s => (int)score(s) == bound,
            ">=" => s => (int)score(s) >= bound,
            ">" => s => (int)score(s) > bound,
            "<=" => s => (int)score(s) <= bound,
            _ => s => (int)score(s) < bound,
        };
    }

    [GeneratedRegex(@"^[0-9]{2,6}\z")]
    private static partial Regex SectorPrefix();

    [GeneratedRegex(@"\s+AND\s+")]
    private static partial Regex AndSeparator();

    [GeneratedRegex("""^(?<field>[A-Za-z_]+)\s*(?<op>>=|<=|=|>|<)\s*(?:"(?<value>[^"]*)"|(?<value>[A-Za-z0-9_/\-]+))\z""")]
    private static partial Regex Comparison();
}
