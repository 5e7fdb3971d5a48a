namespace SectorMesh.Contracts.Events.Audit;

/// <summary>
/// A call entered in its tenant's audit trail: a change that was stored (outcome OK), or a call that was
/// refused (PERMISSION_DENIED, or NOT_FOUND when the caller may not see the resource). Every service
/// sends these; the Partnerships service keeps the trail.
/// </summary>
public sealed record AuditRecorded(
    Guid MessageId, string TenantId, string PartnershipId, DateTimeOffset OccurredAt,
    string Service, string Method, string ResourceName, string Subject, string Outcome, string TraceId, string FieldMask,
    int SchemaVersion = 1) : IntegrationEvent, IIntegrationEvent;
