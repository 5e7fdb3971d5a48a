using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain;

public sealed record JobQualityGuidelinesChanged(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record EmployerAssessed(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PlacementRecorded(DateTimeOffset OccurredAt) : IDomainEvent;
