using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

public sealed record TrainingProgramRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TrainingProgramRevised(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CareerPathwayDefined(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CareerPathwayRevised(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantEnrolled(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantExited(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantReentered(DateOnly EntryDate, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReportingDetailsRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record DemographicsRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantRecordUpdated(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record TrainingRecorded(TrainingEnrolment Training, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CredentialAttained(AttainedCredential Credential, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record SkillGainRecorded(SkillGain Gain, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record EmploymentOutcomeRecorded(EmploymentOutcome Outcome, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record RetentionRecorded(bool Retained, DateTimeOffset OccurredAt) : IDomainEvent;
