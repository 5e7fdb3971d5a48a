namespace SectorMesh.Contracts.Events.Pathways;

/// <summary>A work-based learning opportunity offered by an employer partner on a step of a career pathway.</summary>
public sealed record WorkBasedLearningOffered(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string OpportunityId, string Kind, string? RapidsProgramNumber, string EmployerId, string CareerPathwayId, string PathwayStep,
    string Occupation, DateOnly StartDate, DateOnly? EndDate, decimal? HourlyWage, int PlacesOffered, int PlacesFilled,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>The places of a work-based learning opportunity filled now, replacing the earlier count.</summary>
public sealed record WorkBasedLearningPlacesFilled(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string OpportunityId, int PlacesOffered, int PlacesFilled,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>
/// A worker's feedback received. Never carries the comment (the worker's own words may name people);
/// anonymous feedback carries neither its id nor a participant, so nothing links it to anyone.
/// </summary>
public sealed record WorkerFeedbackRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string? FeedbackId, string Subject, string? Barrier, string? ProgramId, string? EmployerId, int Rating, DateOnly FeedbackDate,
    bool Anonymous, string? ParticipantId,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;

/// <summary>A capacity-building activity recorded: who was trained, on what, for how long.</summary>
public sealed record CapacityBuildingActivityRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string ActivityId, string Audience, string Topic, DateOnly ActivityDate, decimal Hours, int PeopleTrained, string? ProviderId,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
