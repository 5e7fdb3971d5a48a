namespace SectorMesh.Engagement.Domain;

/// <summary>O*NET rating scales: Importance 1-5 and Level 0-7.</summary>
public enum SkillScale { Importance, Level }

/// <summary>One O*NET rating of a skill or knowledge element for an occupation.</summary>
public sealed record OnetRating(string OnetSocCode, string ElementId, string ElementName, SkillScale Scale, decimal DataValue, bool RecommendSuppress, bool NotRelevant)
{
    /// <summary>O*NET's standardization to 0-100: (value − scale minimum) / (scale maximum − scale minimum) × 100.</summary>
    public decimal Standardized => Standardize(Scale, DataValue);

    public static decimal Standardize(SkillScale scale, decimal value)
    {
        var (min, max) = scale == SkillScale.Importance ? (1m, 5m) : (0m, 7m);
        return decimal.Round((Math.Clamp(value, min, max) - min) / (max - min) * 100m, 1);
    }
}

/// <summary>How well the available workforce (a program or cohort) holds a skill, on the same 0-100 level scale.</summary>
public sealed record WorkforceSkill(string ElementId, decimal Level);

/// <summary>One row of a skills gap: what an occupation needs of a skill, what the workforce has, and the shortfall.</summary>
public sealed record SkillGap(string OnetSocCode, string ElementId, string ElementName, decimal RequiredLevel, decimal Importance, decimal AvailableLevel)
{
    /// <summary>Level points (0-100) the workforce is short of what the occupation requires; never negative.</summary>
    public decimal Gap => Math.Max(0, RequiredLevel - AvailableLevel);
}

/// <summary>
/// The skills gap between target occupations and the available workforce. The measure is plain:
/// for each occupation and skill, the required level (O*NET Level, standardized) minus the
/// workforce's level on the same scale. Skills O*NET rates unimportant (standardized importance
/// below 25, that is below 2 of 5) or marks not relevant or suppress-recommended are left out;
/// rows are ranked by the gap, then by importance.
/// </summary>
public static class SkillsGapAnalysis
{
    public const decimal MinimumImportance = 25m;

    public static IReadOnlyList<SkillGap> Rank(IEnumerable<OnetRating> ratings, IReadOnlySet<string> targetOccupations, IEnumerable<WorkforceSkill> workforce)
    {
        var available = workforce.GroupBy(w => w.ElementId).ToDictionary(g => g.Key, g => g.Average(w => w.Level));
        var usable = ratings.Where(r => targetOccupations.Contains(r.OnetSocCode) && !r.RecommendSuppress && !r.NotRelevant).ToList();
        var importance = usable.Where(r => r.Scale == SkillScale.Importance).ToDictionary(r => (r.OnetSocCode, r.ElementId), r => r.Standardized);
        return usable.Where(r => r.Scale == SkillScale.Level)
            .Select(r => new SkillGap(r.OnetSocCode, r.ElementId, r.ElementName, r.Standardized,
                importance.GetValueOrDefault((r.OnetSocCode, r.ElementId)), available.GetValueOrDefault(r.ElementId)))
            .Where(g => g.Importance >= MinimumImportance)
            .OrderByDescending(g => g.Gap).ThenByDescending(g => g.Importance).ThenBy(g => g.OnetSocCode, StringComparer.Ordinal).ThenBy(g => g.ElementId, StringComparer.Ordinal)
            .ToList();
    }
}
