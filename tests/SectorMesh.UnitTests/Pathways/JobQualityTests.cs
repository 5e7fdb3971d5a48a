using SectorMesh.Domain;
using SectorMesh.Pathways.Domain;

namespace SectorMesh.UnitTests.Pathways;

/// <summary>
/// The worked example: the Central Ohio healthcare partnership asks for at least $18.00 an hour,
/// health insurance and paid leave, and 14 days' notice of schedules. A nursing assistant hired at
/// $19.00 with health insurance, paid leave and a retirement plan, 36 hours a week and 14 days'
/// notice meets every standard.
/// </summary>
public class JobQualityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly JobFacts GoodJob = new(19.00m, 36m, [Benefit.HealthInsurance, Benefit.PaidLeave, Benefit.Retirement], 14, PayRangePosted: true);

    private static JobQualityGuidelines Healthcare()
    {
        var guidelines = JobQualityGuidelines.Unwritten("ohio", "healthcare");
        guidelines.Revise(
            [new FactorCommitment(JobQualityFactor.Pay, "Every entry-level job pays at least a regional living wage.")],
            [
                new JobQualityStandard(StandardKind.MinimumHourlyWage, 18.00m),
                new JobQualityStandard(StandardKind.RequiredBenefit, Benefit: Benefit.HealthInsurance),
                new JobQualityStandard(StandardKind.RequiredBenefit, Benefit: Benefit.PaidLeave),
                new JobQualityStandard(StandardKind.MinimumScheduleNoticeDays, 14),
            ],
            Now);
        return guidelines;
    }

    private static Participant Participant() =>
        SectorMesh.Pathways.Domain.Participant.Enrol("ohio", "healthcare", "p-0005", new DateOnly(2026, 3, 2), EmploymentStatus.Unemployed, null, null, Now);

    private static Placement Place(JobFacts job, JobQualityGuidelines? guidelines) =>
        Placement.Record("ohio", "healthcare", "hire-1", Participant(), "riverside-medical", "31-1131", new DateOnly(2026, 10, 5), job, guidelines, Now);

    [Fact]
    public void A_placement_that_meets_every_standard_meets_the_guidelines_and_says_why()
    {
        var placement = Place(GoodJob, Healthcare());

        Assert.Equal(GuidelinesVerdict.Meets, placement.Verdict);
        Assert.Equal(4, placement.Reasons.Count);
        Assert.Contains("The job pays $19.00 an hour, at or above the partnership's minimum of $18.00.", placement.Reasons);
    }

    [Fact]
    public void A_placement_below_the_minimum_wage_does_not_meet_the_guidelines()
    {
        var placement = Place(GoodJob with { HourlyWage = 16.50m }, Healthcare());

        Assert.Equal(GuidelinesVerdict.DoesNotMeet, placement.Verdict);
        Assert.Equal(["The job pays $16.50 an hour, below the partnership's minimum of $18.00."], placement.Reasons);
    }

    [Fact]
    public void A_placement_missing_a_required_benefit_names_the_benefit()
    {
        var placement = Place(GoodJob with { Benefits = [Benefit.HealthInsurance] }, Healthcare());

        Assert.Equal(GuidelinesVerdict.DoesNotMeet, placement.Verdict);
        Assert.Equal(["The job does not offer paid leave, which the partnership requires."], placement.Reasons);
    }

    [Fact]
    public void A_placement_with_short_schedule_notice_says_by_how_much()
    {
        var placement = Place(GoodJob with { ScheduleNoticeDays = 7 }, Healthcare());

        Assert.Equal(["Schedules are given 7 days ahead, short of the partnership's 14 days."], placement.Reasons);
    }

    [Fact]
    public void Every_standard_a_placement_misses_is_a_reason()
    {
        var placement = Place(new JobFacts(16.50m, 20m, [], 3, PayRangePosted: false), Healthcare());

        Assert.Equal(4, placement.Reasons.Count);
    }

    [Fact]
    public void Without_guidelines_a_placement_is_not_called_a_quality_job()
    {
        var placement = Place(GoodJob, guidelines: null);

        Assert.Equal(GuidelinesVerdict.NoGuidelines, placement.Verdict);
        Assert.Contains("no concrete job quality standard", placement.Reasons.Single());
    }

    [Fact]
    public void Guidelines_with_commitments_but_no_standard_have_nothing_to_check()
    {
        var guidelines = JobQualityGuidelines.Unwritten("ohio", "healthcare");
        guidelines.Revise([new FactorCommitment(JobQualityFactor.OrganizationalCulture, "Workers are heard.")], null, Now);

        Assert.Equal(GuidelinesVerdict.NoGuidelines, JobQualityGuidelines.Check(guidelines, GoodJob).Verdict);
    }

    [Fact]
    public void Each_standard_belongs_to_one_factor()
    {
        Assert.Equal(
            [JobQualityFactor.Pay, JobQualityFactor.Benefits, JobQualityFactor.Benefits, JobQualityFactor.JobSecurityAndWorkingConditions],
            Healthcare().Standards.Select(s => s.Factor));
    }

    [Fact]
    public void A_second_commitment_on_a_factor_or_a_repeated_standard_is_refused_naming_the_field()
    {
        var guidelines = JobQualityGuidelines.Unwritten("ohio", "healthcare");

        var error = Assert.Throws<InvalidInput>(() => guidelines.Revise(
            [new FactorCommitment(JobQualityFactor.Pay, "Living wage."), new FactorCommitment(JobQualityFactor.Pay, "Posted ranges.")],
            [new JobQualityStandard(StandardKind.MinimumHourlyWage, 18m), new JobQualityStandard(StandardKind.MinimumWeeklyHours, 0m),
             new JobQualityStandard(StandardKind.MinimumHourlyWage, 18m)],
            Now));

        Assert.Equal(["job_quality_guidelines.commitments", "job_quality_guidelines.standards", "job_quality_guidelines.standards[1].minimum_weekly_hours"],
            error.Violations.Select(v => v.Field));
        Assert.Empty(guidelines.DomainEvents);
    }

    [Fact]
    public void A_commitment_with_a_control_character_is_refused()
    {
        var guidelines = JobQualityGuidelines.Unwritten("ohio", "healthcare");

        var error = Assert.Throws<InvalidInput>(() => guidelines.Revise([new FactorCommitment(JobQualityFactor.Pay, "Living\u0000wage")], null, Now));

        Assert.Equal("job_quality_guidelines.commitments[0].commitment", error.Violations.Single().Field);
    }

    [Fact]
    public void An_assessment_rates_the_factors_with_standards_from_the_facts_and_the_others_from_the_assessor()
    {
        var assessment = JobQualityAssessment.Assess("ohio", "healthcare", "riverside-2026", "riverside-medical", new DateOnly(2026, 11, 2),
            GoodJob with { HourlyWage = 17.25m, ScheduleNoticeDays = 21 },
            [new AssessorFinding(JobQualityFactor.EmpowermentAndRepresentation, JobQualityRating.Meets, "Nurses elect two members of the staffing committee.")],
            Healthcare(), Now);

        var rating = assessment.Findings.ToDictionary(f => f.Factor, f => f.Rating);
        Assert.Equal(JobQualityRating.DoesNotMeet, rating[JobQualityFactor.Pay]);
        Assert.Equal(JobQualityRating.Meets, rating[JobQualityFactor.Benefits]);
        Assert.Equal(JobQualityRating.Meets, rating[JobQualityFactor.JobSecurityAndWorkingConditions]);
        Assert.Equal(JobQualityRating.Meets, rating[JobQualityFactor.EmpowermentAndRepresentation]);
        Assert.Equal(JobQualityRating.NotAssessed, rating[JobQualityFactor.OrganizationalCulture]);
        Assert.Equal((8, 3, 4), (assessment.Findings.Count, assessment.FactorsMet, assessment.FactorsAssessed));
        Assert.Contains("below the partnership's minimum of $18.00", assessment.Findings.Single(f => f.Factor == JobQualityFactor.Pay).Evidence);
    }

    [Fact]
    public void A_factor_meeting_some_of_its_standards_partly_meets_it()
    {
        var assessment = JobQualityAssessment.Assess("ohio", "healthcare", "scioto-2026", "scioto-health", new DateOnly(2026, 11, 2),
            GoodJob with { Benefits = [Benefit.HealthInsurance] }, [], Healthcare(), Now);

        Assert.Equal(JobQualityRating.PartlyMeets, assessment.Findings.Single(f => f.Factor == JobQualityFactor.Benefits).Rating);
    }

    [Fact]
    public void An_assessor_cannot_rate_a_factor_the_standards_decide()
    {
        var error = Assert.Throws<InvalidInput>(() => JobQualityAssessment.Assess("ohio", "healthcare", "a-1", "riverside-medical", new DateOnly(2026, 11, 2),
            GoodJob, [new AssessorFinding(JobQualityFactor.Pay, JobQualityRating.Meets, "")], Healthcare(), Now));

        Assert.Equal("job_quality_assessment.findings[0].rating", error.Violations.Single().Field);
    }

    [Fact]
    public void A_placement_before_the_participants_entry_is_refused()
    {
        var error = Assert.Throws<InvalidInput>(() => Placement.Record("ohio", "healthcare", "hire-1", Participant(), "riverside-medical", "31-1131",
            new DateOnly(2026, 1, 5), GoodJob, Healthcare(), Now));

        Assert.Equal("placement.start_date", error.Violations.Single().Field);
    }
}
