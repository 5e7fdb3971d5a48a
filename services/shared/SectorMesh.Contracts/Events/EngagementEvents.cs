namespace SectorMesh.Contracts.Events.Engagement;

// Identifiers are the last segment of resource names, as in the other services' events.

public sealed record EmployerEngagementRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string OrganizationId, string Level, string? ActivityKind, int ActivityQuantity,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record MeetingHeld(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string MeetingId, DateOnly Date, IReadOnlyList<string> AttendeeOrganizationIds, int Decisions, int ActionItems,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record ActionItemCompleted(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string MeetingId, int ActionItem, string Owner, DateOnly DueDate, bool CompletedLate,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record LmiDataValidated(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string DataPoint, string OrganizationId, string Verdict, string Standing,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record SkillsGapAnalysisCompleted(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string AnalysisId, string CohortId, IReadOnlyList<string> TargetOccupations, int SkillsWithGap, decimal LargestGap,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
