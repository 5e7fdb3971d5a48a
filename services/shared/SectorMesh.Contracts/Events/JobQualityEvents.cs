namespace SectorMesh.Contracts.Events.Pathways;

/// <summary>
/// A partnership's job quality guidelines changed: the factors it states a commitment on, the
/// factors it sets concrete standards for, and its minimum hourly wage when it sets one.
/// </summary>
public sealed record JobQualityGuidelinesChanged(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    IReadOnlyList<string> FactorsWithCommitments, IReadOnlyList<string> FactorsWithStandards, decimal? MinimumHourlyWage,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>An employer partner assessed on the eight job quality factors: how many it meets, of how many assessed.</summary>
public sealed record JobQualityAssessed(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string AssessmentId, string EmployerId, DateOnly AssessmentDate, int FactorsMet, int FactorsAssessed,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>
/// A participant placed with an employer. MeetsGuidelines is null when the partnership had no
/// concrete standard to check the job against; Reasons say why, one sentence each. Carries no personal data.
/// </summary>
public sealed record PlacementRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string PlacementId, string ParticipantId, string EmployerId, string Occupation, DateOnly StartDate,
    bool? MeetsGuidelines, IReadOnlyList<string> Reasons,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
