using SectorMesh.Domain;

namespace SectorMesh.Partnerships.Domain;

public sealed record PartnershipCreated(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PartnershipStageChanged(PartnershipStage From, PartnershipStage To, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PartnershipDeleted(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PartnerJoined(PartnerMembership Membership, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PartnerLeft(string OrganizationId, DateOnly LeaveDate, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record IntermediaryDesignated(Intermediary Intermediary, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AgreementSigned(PartnerAgreement Agreement, int? SupersededVersion, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CommitteeMemberAdded(Committee Committee, CommitteeMember Member, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record GoalSet(IReadOnlyList<Goal> Goals, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PartnershipRenamed(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PartnershipMoved(string FromRegionId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PartnershipRetargeted(string FromNaicsCode, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record SignificanceRecorded(RegionalSignificance? Significance, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PurposeChanged(DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record StrategiesSet(IReadOnlyList<SectorStrategy> Strategies, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AgreementDrafted(PartnerAgreement Agreement, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AgreementRevised(PartnerAgreement Agreement, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AgreementCirculated(int Version, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AgreementSignatureAdded(int Version, Signature Signature, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CommitteeAdded(Committee Committee, DateTimeOffset OccurredAt) : IDomainEvent;
