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

/// <summary>Training a provider organization of the tenant offers: what it takes, what it costs, what it awards and teaches.</summary>
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

    public static TrainingProgram Record(string tenantId, string id, string displayName, string providerId, int durationWeeks, decimal cost,
        Modality modality, string schedule, Credential? credential, IReadOnlyList<string> skills, DateTimeOffset now)
    {
        new Violations()
            .Require(ResourceId.IsValid(id), "program_id", ResourceId.Rule)
            .RequireText(displayName, "program.display_name", Text.NameLength)
            .Require(durationWeeks is > 0 and <= 520, "program.duration_weeks", "must be between 1 and 520 weeks.")
            .Require(cost is >= 0 and <= 1_000_000, "program.cost", "must be between 0 and 1,000,000 dollars.")
            .OptionalText(schedule, "program.schedule", Text.NameLength)
            .Require(credential is null || credential.Title.Trim().Length > 0, "program.credential.title", "is required for a credential.")
            .OptionalText(credential?.Title, "program.credential.title", Text.NameLength)
            .OptionalText(credential?.Issuer, "program.credential.issuer", Text.NameLength)
            .OptionalText(credential?.StacksInto, "program.credential.stacks_into", Text.NameLength)
            .Require(skills.Count <= 200, "program.skills", "must list at most 200 skills.")
            .Require(skills.All(OnetElement().IsMatch), "program.skills", "must be O*NET element ids such as 2.B.3.a.")
            .ThrowIfAny();
        var program = new TrainingProgram
        {
            TenantId = tenantId,
            Id = id,
            DisplayName = displayName.Trim(),
            ProviderId = providerId,
            DurationWeeks = durationWeeks,
            Cost = cost,
            Modality = modality,
            Schedule = schedule.Trim(),
            Credential = credential,
            Skills = [.. skills.Distinct()],
        };
        program.Raise(new TrainingProgramRecorded(now));
        return program;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9](\.[A-Za-z0-9]+){1,6}\z")]
    private static partial System.Text.RegularExpressions.Regex OnetElement();
}
