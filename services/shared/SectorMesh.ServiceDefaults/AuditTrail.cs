using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using SectorMesh.Contracts.Events.Audit;

namespace SectorMesh.ServiceDefaults;

/// <summary>Enters a call in its tenant's audit trail on its own, when there is no change to write it with.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditRecorded entry, CancellationToken cancellationToken);
}

/// <summary>
/// The audit entry of a change under way, as a request feature: the outbox writes it in the same
/// transaction as the change, so a change is never stored without its entry.
/// </summary>
public sealed class PendingAudit(AuditRecorded entry)
{
    public AuditRecorded Entry { get; } = entry;
    public bool Written { get; set; }

    /// <summary>The collection a Create adds to when the service picks the id: the entry names what was created once it is known.</summary>
    public string? CreatedIn { get; init; }

    /// <summary>The entry as stored with the change: naming the created resource by the id the service gave it.</summary>
    public AuditRecorded EntryCreating(string? id) =>
        CreatedIn is not null && !string.IsNullOrEmpty(id) ? Entry with { ResourceName = $"{CreatedIn}/{id}" } : Entry;
}

public static class AuditEntries
{
    public const string Ok = "OK";
    public const string Denied = "PERMISSION_DENIED";
    public const string NotFound = "NOT_FOUND";

    public static AuditRecorded For(string service, string method, Caller caller, ResourceScope? resource, string resourceName, string outcome,
        IMessage? request, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), resource?.Tenant ?? caller.Tenant, resource?.Partnership ?? "", now, service, method, resourceName,
            caller.Subject, outcome, Activity.Current?.TraceId.ToHexString() ?? "", request is null ? "" : FieldMaskOf(request))
        {
            Actor = caller.Subject,
        };

    /// <summary>The paths of the request's update mask (AIP-134), comma-separated; "" when it has none.</summary>
    private static string FieldMaskOf(IMessage request) =>
        request.Descriptor.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == Google.Protobuf.Reflection.FieldType.Message && f.MessageType.FullName == FieldMask.Descriptor.FullName)
            .Select(f => f.Accessor.GetValue(request) as FieldMask)
            .FirstOrDefault(mask => mask is not null) is { } found
            ? string.Join(",", found.Paths)
            : "";
}
