namespace SectorMesh.Contracts.Events.Partnerships;

// Identifiers are the last segment of resource names (tenants/{TenantId}/partnerships/{PartnershipId}).
// SchemaVersion grows when a field's meaning changes; adding a field keeps it.

public sealed record PartnershipCreated(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string DisplayName, string RegionId, string NaicsCode, string SectorTitle, string Stage,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>
/// What other services copy of a partnership, as it stands after the event that carries it, so a
/// copy is made whole by whichever event arrives last and cannot be left half-updated.
/// </summary>
public sealed record PartnershipProfile(string DisplayName, string RegionId, string NaicsCode, string SectorTitle, string Stage);

public sealed record PartnershipStageChanged(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string FromStage, string ToStage, PartnershipProfile? Profile = null, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record PartnershipRenamed(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    PartnershipProfile Profile, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record PartnershipMoved(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string FromRegionId, PartnershipProfile Profile, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record PartnershipRetargeted(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string FromNaicsCode, PartnershipProfile Profile, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record RegionalSignificanceRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    long? Employment, double? LocationQuotient, double? EmploymentGrowthPercent, string? Source, string? Period,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>The vision or the mission changed; both are given as they now stand.</summary>
public sealed record PartnershipPurposeChanged(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string Vision, string Mission, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A sector strategy; Id is the last segment of its resource name, stable while the strategy exists.</summary>
public sealed record PartnershipStrategy(string Title, string Status, string? OwnerCommitteeId, string? Id = null);

public sealed record StrategiesSet(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    IReadOnlyList<PartnershipStrategy> Strategies, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record AgreementDrafted(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int Version, IReadOnlyList<string> PartyOrganizationIds, DateOnly? EffectiveDate,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record AgreementRevised(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int Version, IReadOnlyList<string> PartyOrganizationIds, DateOnly? EffectiveDate,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record AgreementCirculated(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int Version, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>One party signed; <see cref="AgreementSigned"/> follows once every party has.</summary>
public sealed record AgreementSignatureAdded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int Version, string OrganizationId, string SignatoryName, string SignatoryTitle, string SignedBy, bool OnBehalf,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record AgreementSuperseded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int Version, int SupersededByVersion, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record CommitteeAdded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CommitteeId, string CommitteeName, string Kind, string Purpose,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record PartnerSnapshot(string OrganizationId, string OrganizationName, string PartnerType, bool Current);

/// <summary>
/// A partnership as it stands, sent on request to rebuild another service's copy (a new consumer,
/// or a repair); it carries the partnership's current revision, so a copy that is already newer keeps what it has.
/// </summary>
public sealed record PartnershipSnapshot(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    PartnershipProfile Profile, IReadOnlyList<PartnerSnapshot> Partners, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record PartnershipDeleted(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record PartnerJoined(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string OrganizationId, string OrganizationName, string PartnerType, IReadOnlyList<string> Roles,
    DateOnly? JoinDate, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>Names the partner and its type, so a consumer that hears of the leaving first can keep the right record of it.</summary>
public sealed record PartnerLeft(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string OrganizationId, DateOnly LeaveDate, string OrganizationName = "", string PartnerType = "",
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record IntermediaryRoleAssignment(string Role, string OrganizationId);

public sealed record IntermediaryDesignated(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    IReadOnlyList<IntermediaryRoleAssignment> Assignments, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record AgreementSigned(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    int Version, IReadOnlyList<string> SignatoryOrganizationIds, int? SupersededVersion,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record CommitteeMemberAdded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CommitteeId, string CommitteeName, string PersonName, string? OrganizationId,
    string Represents, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record PartnershipGoal(string Statement, string Metric, double Target, DateOnly? DueDate);

public sealed record GoalSet(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    IReadOnlyList<PartnershipGoal> Goals, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
