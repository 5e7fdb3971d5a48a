namespace SectorMesh.Pathways.Domain;

/// <summary>An employer's expected hiring for one occupation, as the Industry Engagement service records it.</summary>
public sealed record EmployerNeed(string EmployerId, string SocCode, int Openings12Months, bool HardToFill);

/// <summary>One skill of a skills gap analysis: the largest gap across its target occupations, on O*NET's 0–100 scale.</summary>
public sealed record SkillsGap(string AnalysisId, string ElementId, string ElementName, decimal Points);

public sealed record NeedCoverage(EmployerNeed Need, IReadOnlyList<string> ProgramIds);

public sealed record GapCoverage(SkillsGap Gap, IReadOnlyList<string> ProgramIds);

/// <summary>
/// Which of a partnership's employer needs and skills gaps the tenant's programs answer. The
/// partnership acts on what nothing answers, so that comes first; among the rest, the largest need
/// or gap first.
/// </summary>
public sealed record ProgramCoverage(IReadOnlyList<NeedCoverage> Needs, IReadOnlyList<GapCoverage> Gaps)
{
    public int UncoveredNeeds => Needs.Count(n => n.ProgramIds.Count == 0);

    public int UncoveredGaps => Gaps.Count(g => g.ProgramIds.Count == 0);

    public static ProgramCoverage Of(string partnershipId, IEnumerable<EmployerNeed> needs, IEnumerable<SkillsGap> gaps, IReadOnlyList<TrainingProgram> programs)
    {
        IReadOnlyList<string> Closing(Func<TrainingProgram, bool> closes) => [.. programs.Where(closes).Select(p => p.Id).Order(StringComparer.Ordinal)];

        var needCoverage = needs
            .Select(need => new NeedCoverage(need, Closing(p => p.EmployerNeeds.Contains(new EmployerNeedTarget(partnershipId, need.EmployerId, need.SocCode)))))
            .OrderBy(n => n.ProgramIds.Count > 0)
            .ThenByDescending(n => n.Need.Openings12Months)
            .ThenBy(n => n.Need.EmployerId, StringComparer.Ordinal)
            .ThenBy(n => n.Need.SocCode, StringComparer.Ordinal);
        // A skill with no gap needs no program, so it is neither covered nor uncovered.
        var gapCoverage = gaps
            .Where(gap => gap.Points > 0)
            .Select(gap => new GapCoverage(gap, Closing(p => p.SkillsGaps.Contains(new SkillsGapTarget(partnershipId, gap.AnalysisId, gap.ElementId)))))
            .OrderBy(g => g.ProgramIds.Count > 0)
            .ThenByDescending(g => g.Gap.Points)
            .ThenBy(g => g.Gap.AnalysisId, StringComparer.Ordinal)
            .ThenBy(g => g.Gap.ElementId, StringComparer.Ordinal);
        return new ProgramCoverage([.. needCoverage], [.. gapCoverage]);
    }
}
