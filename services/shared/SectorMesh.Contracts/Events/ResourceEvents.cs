namespace SectorMesh.Contracts.Events.Resources;

public sealed record FundingSourceRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string FundingSourceId, string Kind, string Status, decimal Amount, string CurrencyCode,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record FundingAwarded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string FundingSourceId, string Kind, decimal Amount, string CurrencyCode,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record CommitmentRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CommitmentId, string OrganizationId, string Kind, decimal Value, string CurrencyCode,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

public sealed record ContributionRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string CommitmentId, string OrganizationId, decimal Value, string CurrencyCode, bool ExceedsCommitment,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
