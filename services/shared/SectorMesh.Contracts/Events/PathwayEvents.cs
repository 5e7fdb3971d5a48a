namespace SectorMesh.Contracts.Events.Pathways;

/// <summary>A training program recorded; its partnership id is "" (programs belong to the tenant).</summary>
public sealed record TrainingProgramRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ProgramId, string ProviderId, string DisplayName, int DurationWeeks, string? CredentialTitle,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record CareerPathwayDefined(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CareerPathwayId, string DisplayName, IReadOnlyList<string> Occupations,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A participant enrolled (PIRL 900). Carries no personal data.</summary>
public sealed record ParticipantEnrolled(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, DateOnly EntryDate, string? EmploymentStatusAtEntry, string? CareerPathwayId, string? CurrentStep,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A participant exited (PIRL 901).</summary>
public sealed record ParticipantExited(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, DateOnly ExitDate,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
