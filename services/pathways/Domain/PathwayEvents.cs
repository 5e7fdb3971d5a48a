using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

public sealed record TrainingProgramRecorded(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CareerPathwayDefined(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantEnrolled(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantExited(DateTimeOffset OccurredAt) : IDomainEvent;
