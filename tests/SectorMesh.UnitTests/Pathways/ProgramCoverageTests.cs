using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>
/// The worked example: the healthcare partnership's hospital needs 40 registered nurses (29-1141) and
/// 12 practical nurses (29-2061) within a year; its fall cohort lacks 12.6 points of reading
/// comprehension (2.A.1.a) and 20 of active listening (2.A.1.b), and is at the level asked in
/// writing (2.A.1.d). The college's practical nursing program answers the practical nurse need and
/// teaches reading comprehension.
/// </summary>
public class ProgramCoverageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly EmployerNeed Nurses = new("hospital", "29-1141", 40, HardToFill: false);
    private static readonly EmployerNeed PracticalNurses = new("hospital", "29-2061", 12, HardToFill: true);
    private static readonly SkillsGap Reading = new("rn", "2.A.1.a", "Reading Comprehension", 12.6m);
    private static readonly SkillsGap Listening = new("rn", "2.A.1.b", "Active Listening", 20m);
    private static readonly SkillsGap Writing = new("rn", "2.A.1.d", "Writing", 0m);

    private static ProgramTerms Terms(IReadOnlyList<EmployerNeedTarget> needs, IReadOnlyList<SkillsGapTarget> gaps, params string[] skills) =>
        new("Practical Nursing", 48, 9_000m, Modality.Hybrid, "", null, skills, needs, gaps);

    private static TrainingProgram PracticalNursing() => TrainingProgram.Record("ohio", "practical-nursing", "state-college",
        Terms([new("healthcare", "hospital", "29-2061")], [new("healthcare", "rn", "2.A.1.a")], "2.A.1.a", "2.B.3.a"), Now);

    [Fact]
    public void A_need_no_program_answers_comes_before_a_larger_one_that_is_answered()
    {
        var coverage = ProgramCoverage.Of("healthcare", [PracticalNurses, Nurses], [], [PracticalNursing()]);

        Assert.Equal([(Nurses, 0), (PracticalNurses, 1)], coverage.Needs.Select(n => (n.Need, n.ProgramIds.Count)));
        Assert.Equal(1, coverage.UncoveredNeeds);
    }

    [Fact]
    public void Gaps_nobody_closes_come_first_and_a_skill_without_a_gap_is_left_out()
    {
        var coverage = ProgramCoverage.Of("healthcare", [], [Reading, Writing, Listening], [PracticalNursing()]);

        Assert.Equal([("2.A.1.b", ""), ("2.A.1.a", "practical-nursing")],
            coverage.Gaps.Select(g => (g.Gap.ElementId, string.Join(",", g.ProgramIds))));
        Assert.Equal(1, coverage.UncoveredGaps);
    }

    [Fact]
    public void A_program_linked_to_the_same_need_in_another_partnership_does_not_cover_this_one()
    {
        var elsewhere = TrainingProgram.Record("ohio", "elsewhere", "state-college", Terms([new("manufacturing", "hospital", "29-1141")], []), Now);

        var coverage = ProgramCoverage.Of("healthcare", [Nurses], [], [elsewhere]);

        Assert.Empty(Assert.Single(coverage.Needs).ProgramIds);
    }

    [Fact]
    public void A_program_closes_a_gap_only_in_a_skill_it_teaches()
    {
        var error = Assert.Throws<InvalidInput>(() => TrainingProgram.Record("ohio", "practical-nursing", "state-college",
            Terms([], [new("healthcare", "rn", "2.A.1.b")], "2.A.1.a"), Now));

        Assert.Equal("program.skills_gaps[0].element_id", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_revision_keeps_the_rules_and_raises_its_own_event()
    {
        var program = PracticalNursing();

        program.Revise(program.Terms with { EmployerNeeds = [new("healthcare", "hospital", "29-1141")] }, Now);

        Assert.Equal([new EmployerNeedTarget("healthcare", "hospital", "29-1141")], program.EmployerNeeds);
        Assert.IsType<TrainingProgramRevised>(program.DomainEvents[^1]);
    }
}
