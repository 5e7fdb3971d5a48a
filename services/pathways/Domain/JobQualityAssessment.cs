using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

public enum JobQualityRating
{
    Meets,
    PartlyMeets,
    DoesNotMeet,
    NotAssessed,
}

/// <summary>What the assessor found on one factor: a rating (null when none was given) and the evidence, in words.</summary>
public sealed record AssessorFinding(JobQualityFactor Factor, JobQualityRating? Rating, string Evidence);

/// <summary>
/// The finding on one factor. <see cref="FromStandards"/> says the rating was decided from the
/// employer's facts against the partnership's concrete standards, not given by the assessor.
/// </summary>
public sealed record FactorFinding(JobQualityFactor Factor, JobQualityRating Rating, string Evidence, bool FromStandards);

/// <summary>
/// An employer partner assessed against the partnership's job quality guidelines on a date: the
/// factors with concrete standards are rated from the employer's facts, the others take the
/// assessor's finding, so a rating on wage or notice can never disagree with the facts recorded.
/// </summary>
public sealed class JobQualityAssessment : AggregateRoot, IPartnershipRecord
{
    private JobQualityAssessment() { }

    public const int EvidenceLength = 2000;

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string EmployerId { get; private set; } = "";
    public DateOnly AssessmentDate { get; private set; }
    public JobFacts Facts { get; private set; } = null!;
    public List<FactorFinding> Findings { get; private set; } = [];

    public int FactorsMet => Findings.Count(f => f.Rating == JobQualityRating.Meets);

    public int FactorsAssessed => Findings.Count(f => f.Rating != JobQualityRating.NotAssessed);

    public static JobQualityAssessment Assess(string tenantId, string partnershipId, string id, string employerId, DateOnly assessmentDate,
        JobFacts facts, IReadOnlyList<AssessorFinding> assessorFindings, JobQualityGuidelines? guidelines, DateTimeOffset now)
    {
        const string field = "job_quality_assessment";
        var standardFactors = guidelines?.Standards.Select(s => s.Factor).ToHashSet() ?? [];
        var violations = new Violations()
            .Require(ResourceId.IsValid(id), "job_quality_assessment_id", ResourceId.Rule)
            .Require(assessmentDate <= DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), $"{field}.assessment_date", "must not be in the future.")
            .Require(assessorFindings.Select(f => f.Factor).Distinct().Count() == assessorFindings.Count, $"{field}.findings",
                "must hold at most one finding for each factor.");
        facts.Validate(violations, $"{field}.facts", "starting_hourly_wage");
        for (var i = 0; i < assessorFindings.Count; i++)
        {
            var finding = assessorFindings[i];
            violations
                .OptionalText(finding.Evidence, $"{field}.findings[{i}].evidence", EvidenceLength)
                .Require(finding.Rating is null || !standardFactors.Contains(finding.Factor), $"{field}.findings[{i}].rating",
                    "is decided from the employer's facts, since the partnership sets concrete standards for this factor; give evidence only.");
        }
        violations.ThrowIfAny();

        var findings = guidelines?.Evaluate(facts) ?? [];
        var assessment = new JobQualityAssessment
        {
            TenantId = tenantId,
            PartnershipId = partnershipId,
            Id = id,
            EmployerId = employerId,
            AssessmentDate = assessmentDate,
            Facts = facts.Normalized(),
            Findings =
            [
                .. Enum.GetValues<JobQualityFactor>().Select(factor =>
                {
                    var given = assessorFindings.FirstOrDefault(f => f.Factor == factor);
                    var evidence = given?.Evidence.Trim() ?? "";
                    if (!standardFactors.Contains(factor))
                    {
                        return new FactorFinding(factor, given?.Rating ?? JobQualityRating.NotAssessed, evidence, FromStandards: false);
                    }
                    var checks = findings.Where(f => f.Standard.Factor == factor).ToList();
                    var met = checks.Count(c => c.Met);
                    var rating = met == checks.Count ? JobQualityRating.Meets : met == 0 ? JobQualityRating.DoesNotMeet : JobQualityRating.PartlyMeets;
                    return new FactorFinding(factor, rating, string.Join(" ", [.. checks.Select(c => c.Reason), .. evidence.Length > 0 ? [evidence] : Array.Empty<string>()]),
                        FromStandards: true);
                }),
            ],
        };
        assessment.Raise(new EmployerAssessed(now));
        return assessment;
    }
}
