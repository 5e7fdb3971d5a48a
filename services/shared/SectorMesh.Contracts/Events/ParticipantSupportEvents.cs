namespace SectorMesh.Contracts.Events.Pathways;

/// <summary>Barriers to employment at entry (PIRL 202, 800–807) recorded for a participant: those added, and all the participant now has.</summary>
public sealed record BarriersRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, IReadOnlyList<string> Added, IReadOnlyList<string> Barriers,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A supportive service provided to a participant; the provider is an organization id of the tenant, when one provided it.</summary>
public sealed record SupportiveServiceProvided(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, DateOnly Date, string Kind, decimal? Amount, string? ProviderId,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A participant referred to a community partner for a barrier, a need, or both.</summary>
public sealed record ParticipantReferred(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, string ReferralId, string OrganizationId, string? Barrier, string? Need, DateOnly ReferralDate,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>What came of a referral: its final outcome and the date the partner answered.</summary>
public sealed record ReferralOutcomeRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ParticipantId, string ReferralId, string OrganizationId, string Outcome, DateOnly ReferralDate, DateOnly OutcomeDate,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
