using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

public enum Modality
{
    InPerson,
    Online,
    Hybrid,
}

public enum CredentialKind
{
    IndustryCertification,
    License,
    Degree,
    ApprenticeshipCertificate,
}

/// <summary>A credential a program awards, and the one it stacks into.</summary>
public sealed record Credential(string Title, CredentialKind Kind, string Issuer, string StacksInto);

/// <summary>One need of one employer of a partnership: the occupation it expects to hire for.</summary>
public sealed record EmployerNeedTarget(string PartnershipId, string EmployerId, string SocCode);

/// <summary>One skill of a partnership's skills gap analysis.</summary>
public sealed record SkillsGapTarget(string PartnershipId, string AnalysisId, string ElementId);

/// <summary>What a program is, apart from who provides it: everything staff may change later.</summary>
public sealed record ProgramTerms(string DisplayName, int DurationWeeks, decimal Cost, Modality Modality, string Schedule, Credential? Credential,
    IReadOnlyList<string> Skills, IReadOnlyList<EmployerNeedTarget> EmployerNeeds, IReadOnlyList<SkillsGapTarget> SkillsGaps);

/// <summary>
/// Training a provider organization of the tenant offers: what it takes, what it costs, what it awards
/// and teaches, and the employer needs and skills gaps of the tenant's partnerships it answers.
/// </summary>
public sealed partial class TrainingProgram : AggregateRoot
{
    private TrainingProgram() { }

    public string TenantId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string ProviderId { get; private set; } = "";
    public int DurationWeeks { get; private set; }
    public decimal Cost { get; private set; }
    public Modality Modality { get; private set; }
    public string Schedule { get; private set; } = "";
    public Credential? Credential { get; private set; }
    public List<string> Skills { get; private set; } = [];
    public List<EmployerNeedTarget> EmployerNeeds { get; private set; } = [];
    public List<SkillsGapTarget> SkillsGaps { get; private set; } = [];

    public const int MaxTargets = 200;

    public static TrainingProgram Record(string tenantId, string id, string providerId, ProgramTerms terms, DateTimeOffset now)
    {
        new Violations().Require(ResourceId.IsValid(id), "program_id", ResourceId.Rule).ThrowIfAny();
        var program = new TrainingProgram { TenantId = tenantId, Id = id, ProviderId = providerId };
        program.Apply(terms);
        program.Raise(new TrainingProgramRecorded(now));
        return program;
    }

    /// <summary>Replaces the program's terms, held to the same rules as when it was recorded.</summary>
    public void Revise(ProgramTerms terms, DateTimeOffset now)
    {
        Apply(terms);
        Raise(new TrainingProgramRevised(now));
    }

    public ProgramTerms Terms => new(DisplayName, DurationWeeks, Cost, Modality, Schedule, Credential, Skills, EmployerNeeds, SkillsGaps);

    private void Apply(ProgramTerms terms)
    {
        var (credential, skills) = (terms.Credential, terms.Skills);
        var violations = new Violations()
            .RequireText(terms.DisplayName, "program.display_name", Text.NameLength)
            .Require(terms.DurationWeeks is > 0 and <= 520, "program.duration_weeks", "must be between 1 and 520 weeks.")
            .Require(terms.Cost is >= 0 and <= 1_000_000, "program.cost", "must be between 0 and 1,000,000 dollars.")
            .OptionalText(terms.Schedule, "program.schedule", Text.NameLength)
            .Require(credential is null || credential.Title.Trim().Length > 0, "program.credential.title", "is required for a credential.")
            .OptionalText(credential?.Title, "program.credential.title", Text.NameLength)
            .OptionalText(credential?.Issuer, "program.credential.issuer", Text.NameLength)
            .OptionalText(credential?.StacksInto, "program.credential.stacks_into", Text.NameLength)
            .Require(skills.Count <= 200, "program.skills", "must list at most 200 skills.")
            .Require(skills.All(OnetElement().IsMatch), "program.skills", "must be O*NET element ids such as 2.B.3.a.")
            .Require(terms.EmployerNeeds.Count <= MaxTargets, "program.employer_needs", $"must list at most {MaxTargets} needs.")
            .Require(terms.SkillsGaps.Count <= MaxTargets, "program.skills_gaps", $"must list at most {MaxTargets} gaps.");
        for (var i = 0; i < terms.SkillsGaps.Count; i++)
        {
            // A program closes a gap by teaching the skill; linking it to a gap in a skill it does not teach would overstate coverage.
            violations.Require(skills.Contains(terms.SkillsGaps[i].ElementId), $"program.skills_gaps[{i}].element_id",
                "must be a skill the program teaches (listed in program.skills).");
        }
        violations.ThrowIfAny();
        DisplayName = terms.DisplayName.Trim();
        DurationWeeks = terms.DurationWeeks;
        Cost = terms.Cost;
        Modality = terms.Modality;
        Schedule = terms.Schedule.Trim();
        Credential = credential;
        Skills = [.. skills.Distinct()];
        EmployerNeeds = [.. terms.EmployerNeeds.Distinct()];
        SkillsGaps = [.. terms.SkillsGaps.Distinct()];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9](\.[A-Za-z0-9]+){1,6}\z")]
    private static partial System.Text.RegularExpressions.Regex OnetElement();
}
