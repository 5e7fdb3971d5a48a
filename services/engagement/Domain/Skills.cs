using System.Text.RegularExpressions;
using SectorMesh.Domain;

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

/// <summary>How well the available workforce (a program or cohort) holds a skill, on O*NET's Level scale (0-7).</summary>
public sealed record WorkforceSkill(string ElementId, decimal Level)
{
    public decimal Standardized => OnetRating.Standardize(SkillScale.Level, Level);
}

/// <summary>A program or cohort whose skills are weighed against what target occupations require.</summary>
public sealed partial class WorkforceCohort : IPartnershipRecord
{
    private WorkforceCohort() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public List<WorkforceSkill> Skills { get; private set; } = [];

    public static WorkforceCohort Describe(string tenantId, string partnershipId, string id, string displayName, IReadOnlyList<WorkforceSkill> skills)
    {
        var violations = new Violations()
            .Require(ResourceId.IsValid(id), "cohort_id", ResourceId.Rule)
            .RequireText(displayName, "cohort.display_name", 200);
        CheckSkills(skills, violations);
        violations.ThrowIfAny();
        return new WorkforceCohort { TenantId = tenantId, PartnershipId = partnershipId, Id = id, DisplayName = displayName.Trim(), Skills = [.. skills] };
    }

    /// <summary>A new assessment of the cohort replaces what was known of its skills.</summary>
    public void ReplaceSkills(IReadOnlyList<WorkforceSkill> skills)
    {
        var violations = new Violations();
        CheckSkills(skills, violations);
        violations.ThrowIfAny();
        Skills = [.. skills];
    }

    private static void CheckSkills(IReadOnlyList<WorkforceSkill> skills, Violations violations)
    {
        violations
            .Require(skills.Count is > 0 and <= 500, "cohort.skills", "must list 1 to 500 skills.")
            .Require(skills.Select(s => s.ElementId).Distinct().Count() == skills.Count, "cohort.skills", "must name each skill once.");
        for (var i = 0; i < skills.Count; i++)
        {
            violations
                .Require(ElementIdPattern().IsMatch(skills[i].ElementId ?? ""), $"cohort.skills[{i}].element_id", "must be an O*NET element id such as 2.A.1.a.")
                .Require(skills[i].Level is >= 0 and <= 7, $"cohort.skills[{i}].level", "must be on O*NET's Level scale, 0 to 7.");
        }
    }

    [GeneratedRegex(@"^\d(\.[A-Za-z0-9]+)+\z")]
    private static partial Regex ElementIdPattern();
}

/// <summary>One row of a skills gap: what an occupation needs of a skill, what the workforce has, and the shortfall.</summary>
public sealed record SkillGap(string OnetSocCode, string ElementId, string ElementName, decimal RequiredLevel, decimal Importance, decimal AvailableLevel)
{
    /// <summary>Level points (0-100) the workforce is short of what the occupation requires; never negative.</summary>
    public decimal Gap => Math.Max(0, RequiredLevel - AvailableLevel);
}

/// <summary>
/// A skill an occupation requires that the cohort was not assessed on: its level is unknown, so no
/// gap can be measured, and reading it as level 0 would make the whole requirement look like a gap.
/// </summary>
public sealed record UnassessedSkill(string OnetSocCode, string ElementId, string ElementName, decimal RequiredLevel, decimal Importance);

/// <summary>
/// The skills gap between target occupations and the available workforce. The measure is plain:
/// for each occupation and skill, the required level (O*NET Level, standardized) minus the
/// workforce's level on the same scale. Skills O*NET rates unimportant (standardized importance
/// below 25, that is below 2 of 5) or marks not relevant or suppress-recommended are left out;
/// rows are ranked by the gap, then by importance. A skill the workforce was not assessed on has no
/// gap; it is listed apart as not assessed.
/// </summary>
public static class SkillsGap
{
    public const decimal MinimumImportance = 25m;

    public const string Explanation =
        "Gap = the level O*NET says the occupation requires minus the workforce's level, both standardized to 0-100 " +
        "((value − scale minimum) / (scale maximum − scale minimum) × 100); never below 0. Skills rated below 2 of 5 in " +
        "importance, not relevant, or suppressed for low precision are left out. Largest gap first, then the most important. " +
        "A skill the cohort was not assessed on has no gap figure: it is listed as not assessed, most important first.";

    public static IReadOnlyList<SkillGap> Rank(IEnumerable<OnetRating> ratings, IReadOnlySet<string> targetOccupations, IEnumerable<WorkforceSkill> workforce)
    {
        var available = Available(workforce);
        return Required(ratings, targetOccupations).Where(r => available.ContainsKey(r.ElementId))
            .Select(r => new SkillGap(r.OnetSocCode, r.ElementId, r.ElementName, r.RequiredLevel, r.Importance, available[r.ElementId]))
            .OrderByDescending(g => g.Gap).ThenByDescending(g => g.Importance).ThenBy(g => g.OnetSocCode, StringComparer.Ordinal).ThenBy(g => g.ElementId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The skills the occupations require that the workforce was not assessed on, most important first.</summary>
    public static IReadOnlyList<UnassessedSkill> NotAssessed(IEnumerable<OnetRating> ratings, IReadOnlySet<string> targetOccupations, IEnumerable<WorkforceSkill> workforce)
    {
        var available = Available(workforce);
        return Required(ratings, targetOccupations).Where(r => !available.ContainsKey(r.ElementId))
            .Select(r => new UnassessedSkill(r.OnetSocCode, r.ElementId, r.ElementName, r.RequiredLevel, r.Importance))
            .OrderByDescending(r => r.Importance).ThenBy(r => r.OnetSocCode, StringComparer.Ordinal).ThenBy(r => r.ElementId, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, decimal> Available(IEnumerable<WorkforceSkill> workforce) =>
        workforce.GroupBy(w => w.ElementId).ToDictionary(g => g.Key, g => g.Average(w => w.Standardized));

    /// <summary>What each target occupation requires of each skill that counts: rated important, relevant and precise enough.</summary>
    private sealed record Requirement(string OnetSocCode, string ElementId, string ElementName, decimal RequiredLevel, decimal Importance);

    private static IEnumerable<Requirement> Required(IEnumerable<OnetRating> ratings, IReadOnlySet<string> targetOccupations)
    {
        var usable = ratings.Where(r => targetOccupations.Contains(r.OnetSocCode) && !r.RecommendSuppress && !r.NotRelevant).ToList();
        var importance = usable.Where(r => r.Scale == SkillScale.Importance).ToDictionary(r => (r.OnetSocCode, r.ElementId), r => r.Standardized);
        return usable.Where(r => r.Scale == SkillScale.Level)
            .Select(r => new Requirement(r.OnetSocCode, r.ElementId, r.ElementName, r.Standardized, importance.GetValueOrDefault((r.OnetSocCode, r.ElementId))))
            .Where(r => r.Importance >= MinimumImportance);
    }
}

/// <summary>A skills gap analysis as it was run: the cohort, the occupations, and the ranked gaps.</summary>
public sealed partial class SkillsGapAnalysis : AggregateRoot, IPartnershipRecord
{
    private SkillsGapAnalysis() { }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string CohortId { get; private set; } = "";
    public List<string> TargetOccupations { get; private set; } = [];
    public List<SkillGap> Gaps { get; private set; } = [];
    public List<UnassessedSkill> NotAssessed { get; private set; } = [];
    public DateTimeOffset CompletedAt { get; private set; }

    /// <summary>
    /// Runs the analysis. <paramref name="ratings"/> are the imported O*NET ratings of the target
    /// occupations; an occupation without any cannot be analysed and is named in the error.
    /// </summary>
    public static SkillsGapAnalysis Run(string tenantId, string partnershipId, string id, WorkforceCohort cohort,
        IReadOnlyList<string> targetOccupations, IReadOnlyList<OnetRating> ratings, DateTimeOffset now)
    {
        var violations = new Violations()
            .Require(ResourceId.IsValid(id), "skills_gap_analysis_id", ResourceId.Rule)
            .Require(targetOccupations.Count is > 0 and <= 20, "skills_gap_analysis.target_occupations", "must name 1 to 20 O*NET-SOC occupations.");
        var rated = ratings.Select(r => r.OnetSocCode).ToHashSet();
        for (var i = 0; i < targetOccupations.Count; i++)
        {
            var field = $"skills_gap_analysis.target_occupations[{i}]";
            if (!OnetSocPattern().IsMatch(targetOccupations[i] ?? ""))
            {
                violations.Add(field, "must be an O*NET-SOC code such as 29-1141.00.");
            }
            else if (!rated.Contains(targetOccupations[i]))
            {
                violations.Add(field, $"has no O*NET ratings imported; import the O*NET Skills or Knowledge file that covers {targetOccupations[i]} first.");
            }
        }
        violations.ThrowIfAny();
        var analysis = new SkillsGapAnalysis
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            CohortId = cohort.Id,
            TargetOccupations = targetOccupations.Distinct().ToList(),
            Gaps = [.. SkillsGap.Rank(ratings, targetOccupations.ToHashSet(), cohort.Skills)],
            NotAssessed = [.. SkillsGap.NotAssessed(ratings, targetOccupations.ToHashSet(), cohort.Skills)],
            CompletedAt = now,
        };
        analysis.Raise(new SkillsGapAnalysisCompleted(now));
        return analysis;
    }

    [GeneratedRegex(@"^\d{2}-\d{4}\.\d{2}\z")]
    private static partial Regex OnetSocPattern();
}

public sealed record SkillsGapAnalysisCompleted(DateTimeOffset OccurredAt) : IDomainEvent;
