namespace SectorMesh.Contracts.Events.Partnerships;

// Identifiers are the last segment of resource names (tenants/{TenantId}/partnerships/{PartnershipId}).
// SchemaVersion grows when a field's meaning changes; adding a field keeps it.

public sealed record PartnershipCreated(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string DisplayName, string RegionId, string NaicsCode, string SectorTitle, string Stage,
    int SchemaVersion = 1) : IIntegrationEvent;

public sealed record PartnershipStageChanged(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string FromStage, string ToStage, int SchemaVersion = 1) : IIntegrationEvent;

public sealed record PartnershipDeleted(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int SchemaVersion = 1) : IIntegrationEvent;

public sealed record PartnerJoined(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string OrganizationId, string OrganizationName, string PartnerType, IReadOnlyList<string> Roles,
    DateOnly? JoinDate, int SchemaVersion = 1) : IIntegrationEvent;

public sealed record PartnerLeft(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string OrganizationId, DateOnly LeaveDate, int SchemaVersion = 1) : IIntegrationEvent;

public sealed record IntermediaryRoleAssignment(string Role, string OrganizationId);

public sealed record IntermediaryDesignated(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    IReadOnlyList<IntermediaryRoleAssignment> Assignments, int SchemaVersion = 1) : IIntegrationEvent;

public sealed record AgreementSigned(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int Version, IReadOnlyList<string> SignatoryOrganizationIds, int? SupersededVersion,
    int SchemaVersion = 1) : IIntegrationEvent;

public sealed record CommitteeMemberAdded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CommitteeId, string CommitteeName, string PersonName, string? OrganizationId,
    string Represents, int SchemaVersion = 1) : IIntegrationEvent;

public sealed record PartnershipGoal(string Statement, string Metric, double Target, DateOnly? DueDate);

public sealed record GoalSet(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    IReadOnlyList<PartnershipGoal> Goals, int SchemaVersion = 1) : IIntegrationEvent;
