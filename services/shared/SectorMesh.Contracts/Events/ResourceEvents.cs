namespace SectorMesh.Contracts.Events.Resources;

/// <summary>
/// A funding source recorded. Funder is who awards it (the sources of one funder are one dependency); StrategyId is
/// the sector strategy it is restricted to, empty when unrestricted.
/// </summary>
public sealed record FundingSourceRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string FundingSourceId, string Kind, string Status, decimal Amount, string CurrencyCode,
    string? Funder = null, string? StrategyId = null, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record FundingAwarded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string FundingSourceId, string Kind, decimal Amount, string CurrencyCode,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>
/// A commitment recorded. FundingSourceId is the funding source the pledge is also recorded as: its money is counted
/// once, as that source once it is secured.
/// </summary>
public sealed record CommitmentRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CommitmentId, string OrganizationId, string Kind, decimal Value, string CurrencyCode,
    string? FundingSourceId = null, string? StrategyId = null, int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record ContributionRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CommitmentId, string OrganizationId, decimal Value, string CurrencyCode, bool ExceedsCommitment,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
