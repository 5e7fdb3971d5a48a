namespace SectorMesh.Contracts.Events.Pathways;

/// <summary>A training program recorded; its partnership id is "" (programs belong to the tenant).</summary>
public sealed record TrainingProgramRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ProgramId, string ProviderId, string DisplayName, int DurationWeeks, string? CredentialTitle,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A training program's terms changed; it closes the employer needs and skills gaps counted here.</summary>
public sealed record TrainingProgramRevised(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ProgramId, string DisplayName, int DurationWeeks, string? CredentialTitle, int EmployerNeeds, int SkillsGaps,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record CareerPathwayDefined(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CareerPathwayId, string DisplayName, IReadOnlyList<string> Occupations,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A career pathway's name, steps or bridges changed; Occupations are its steps' after the change.</summary>
public sealed record CareerPathwayRevised(
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

/// <summary>Training entered (PIRL 1302, 1303) or, with its end date, completed or left (1308).</summary>
public sealed record TrainingRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, DateOnly Entered, string TrainingType, string? ProgramId, DateOnly? Ended,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A recognized credential attained (PIRL 1800, 1801).</summary>
public sealed record CredentialAttained(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, string CredentialType, DateOnly Attained, string Title,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A measurable skill gain (PIRL 1806–1810).</summary>
public sealed record SkillGainRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, string Kind, DateOnly Date,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>Employment in a quarter after exit (PIRL 1600-series and 1703-series); Employed counts apprenticeship and military service.</summary>
public sealed record EmploymentOutcomeRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, DateOnly ExitDate, int Quarter, string Status, bool Employed, decimal? Wages, string? EmployerId,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>
/// A participant's period of participation as it stands after a change to the participant (each period, for the last
/// change a save made): what the WIOA indicators read, and no personal data. Period numbers the participant's periods from
/// 1, oldest first. A consumer keeps, per period, the one of the highest AggregateVersion, so it can be rebuilt from any
/// of them. Training types and credential types are PIRL codes (1303, 1800); quarter status is the PIRL 1600-series
/// code and MatchType the 1601-series one, wages null while not yet available; RetainedWithSameEmployer is PIRL 1618,
/// OtherExitReason the PIRL 923 code. Programs are Adult, DislocatedWorker, Youth or WagnerPeyser; AgeBand is one of the
/// ETA-9169 bands (Under16 … Over59), computed from the date of birth, which stays in Career Pathways; Sex is the PIRL 201
/// code; EthnicityAndRace names the PIRL 210–215 categories marked yes.
/// </summary>
public sealed record ParticipationPeriodChanged(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, DateOnly EntryDate, DateOnly? ExitDate, int OtherExitReason,
    IReadOnlyList<PeriodTraining> Training, IReadOnlyList<PeriodCredential> Credentials, IReadOnlyList<PeriodSkillGain> SkillGains,
    IReadOnlyList<PeriodQuarter> Quarters, IReadOnlyList<string> Barriers, bool? RetainedWithSameEmployer,
    int Period = 1, IReadOnlyList<string>? Programs = null, PeriodEducation? Education = null, string? AgeBand = null, int? Sex = null,
    IReadOnlyList<string>? EthnicityAndRace = null,
    int SchemaVersion = 2) : IntegrationEvent, IIntegrationEvent, ISnapshotEvent
{
    string ISnapshotEvent.SnapshotOf => $"participants/{ParticipantId}/periods/{Period}";
}

/// <summary>PIRL 1332, 1401, 408, 1406, 1811 and 1813.</summary>
public sealed record PeriodEducation(bool Postsecondary, bool Secondary, int? HighestLevelAtEntry, DateOnly? EnrolledAfterExit,
    DateOnly? CredentialTrainingEntered, DateOnly? CredentialTrainingCompleted);

public sealed record PeriodTraining(int Type, DateOnly Entered, DateOnly? Ended);

public sealed record PeriodCredential(int Type, DateOnly Attained);

/// <summary>Kind is EducationalFunctioningLevel, PostsecondaryTranscript, SecondaryTranscript, TrainingMilestone or SkillsProgression.</summary>
public sealed record PeriodSkillGain(string Kind, DateOnly Date);

public sealed record PeriodQuarter(int Quarter, int Status, decimal? Wages, string? EmployerId, int? MatchType = null);
