using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SectorMesh.Contracts;
using SectorMesh.Contracts.Events.Audit;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

public enum AccessDecision
{
    Allowed,

    /// <summary>The resource does not exist for the caller: another tenant's, or a partnership it is not on. Answered as not found, so nothing leaks.</summary>
    NotFound,

    /// <summary>The caller sees the resource but its roles do not grant the permission.</summary>
    Denied,
}

/// <summary>The tenant a resource name lies in, and its partnership when it lies in one.</summary>
public sealed record ResourceScope(string Tenant, string? Partnership)
{
    /// <summary>
    /// The scope of tenants/{tenant}[/partnerships/{partnership}]/..., enough to decide access; the
    /// method parses the rest. A permission on a partnership needs a name within one.
    /// </summary>
    public static ResourceScope Of(string? name, string field, Permission permission)
    {
        var parts = (name ?? "").Split('/');
        if (parts.Length < 2 || parts[0] != "tenants" || !ResourceId.IsValid(parts[1]))
        {
            throw new InvalidInput(field, "must be a resource name beginning tenants/{tenant}.");
        }
        var partnership = parts.Length >= 4 && parts[2] == "partnerships" && ResourceId.IsValid(parts[3]) ? parts[3] : null;
        if (partnership is null && AccessModel.IsOnPartnership(permission))
        {
            throw new InvalidInput(field, "must be a resource name beginning tenants/{tenant}/partnerships/{partnership}.");
        }
        return new(parts[1], partnership);
    }
}

/// <summary>
/// What each permission needs, decided from the caller's token and the resource alone, before any
/// data is read. Each role grants only within its own scope, and a caller holding several roles
/// gets the union of what each grants.
/// </summary>
public static class AccessModel
{
    public static bool IsOnPartnership(Permission permission) => permission is Permission.ReadPartnership or Permission.WritePartnership
        or Permission.GovernPartnership or Permission.ActForPartner or Permission.SignForPartner or Permission.ReadPersonalData;

    public static AccessDecision Decide(this Caller caller, Permission permission, ResourceScope? resource)
    {
        if (permission == Permission.AdministerPlatform)
        {
            return Grant(caller.IsPlatformAdmin);
        }
        if (resource is null || !caller.BelongsTo(resource.Tenant))
        {
            return AccessDecision.NotFound;
        }
        var tenant = resource.Tenant;
        if (!IsOnPartnership(permission))
        {
            return permission switch
            {
                Permission.ReadTenant => AccessDecision.Allowed,
                Permission.WriteTenant or Permission.ReadAudit => Grant(caller.AdministersTenant(tenant)),
                _ => AccessDecision.Denied,
            };
        }
        var partnership = resource.Partnership!;
        if (!caller.CanRead(tenant, partnership))
        {
            return AccessDecision.NotFound;
        }
        return permission switch
        {
            Permission.ReadPartnership => AccessDecision.Allowed,
            Permission.WritePartnership => Grant(caller.CanWrite(tenant, partnership)),
            Permission.GovernPartnership => Grant(caller.GovernsPartnership(tenant)),
            Permission.ActForPartner => Grant(caller.CanWrite(tenant, partnership) || caller.IsListedMember(tenant, partnership)),
            Permission.SignForPartner => Grant(caller.AdministersTenant(tenant) || caller.IsListedMember(tenant, partnership)),
            Permission.ReadPersonalData => Grant(caller.ReadsPersonalData),
            _ => AccessDecision.Denied,
        };
    }

    private static AccessDecision Grant(bool granted) => granted ? AccessDecision.Allowed : AccessDecision.Denied;

    /// <summary>Throws what the decision means for the caller: not found, or denied with what it may not do.</summary>
    public static void Enforce(this AccessDecision decision, Permission permission, string resourceName)
    {
        switch (decision)
        {
            case AccessDecision.NotFound:
                throw new ResourceNotFound(resourceName);
            case AccessDecision.Denied:
                throw new AccessDenied($"Your roles do not grant {Describe(permission)} on {(resourceName.Length > 0 ? resourceName : "this platform")}.");
        }
    }

    private static string Describe(Permission permission) => permission switch
    {
        Permission.AdministerPlatform => "administering the platform (platform-admin)",
        Permission.ReadTenant => "reading the tenant",
        Permission.WriteTenant => "writing tenant-wide data (board-admin)",
        Permission.ReadPartnership => "reading the partnership",
        Permission.WritePartnership => "changing the partnership (partnership-staff listed on it, or board-admin)",
        Permission.GovernPartnership => "deleting the partnership or changing its stage (board-admin)",
        Permission.ActForPartner => "acting for a partner organization (its partner-member, partnership-staff or board-admin)",
        Permission.SignForPartner => "signing for a partner organization (its partner-member, or board-admin on its behalf)",
        Permission.ReadAudit => "reading the audit trail (board-admin)",
        Permission.ReadPersonalData => "reading personal data (pii-reader)",
        _ => "this method, which declares no permission",
    };
}

/// <summary>A call as the audit trail names it: the method (or an upload's verb and route), the caller, the resource and the request.</summary>
public sealed record AuditedCall(string Method, Caller Caller, ResourceScope? Resource, string ResourceName, IMessage? Request)
{
    /// <summary>What a Create makes, so its entry (or its refusal's) names that rather than the parent; null for other calls.</summary>
    public string? Created { get; init; }

    /// <summary>A Create whose id the service picks: <see cref="Created"/> is the collection, and the stored entry adds the id.</summary>
    public bool ServiceChoosesId { get; init; }
}

/// <summary>
/// Admits a call, gRPC or plain HTTP alike: decides its permission, enters a refusal in the audit trail,
/// binds the call's queries to its tenant, and holds the entry of its change for the outbox to write with it.
/// </summary>
public sealed class AccessGate(TenantScope tenants, IAuditTrail audit, IHostEnvironment host, TimeProvider clock)
{
    /// <summary><paramref name="auditOnSuccess"/>: the call changes something, or reads personal data, so its success is entered too.</summary>
    public async Task AdmitAsync(HttpContext http, AuditedCall call, Permission permission, bool auditOnSuccess)
    {
        var decision = call.Caller.Decide(permission, call.Resource);
        if (decision != AccessDecision.Allowed)
        {
            await audit.RecordAsync(Entry(call, decision == AccessDecision.NotFound ? AuditEntries.NotFound : AuditEntries.Denied), http.RequestAborted);
            decision.Enforce(permission, call.ResourceName);
        }
        if (call.Resource is not null)
        {
            tenants.Enter(call.Resource.Tenant);
        }
        if (auditOnSuccess)
        {
            http.Features.Set(new PendingAudit(Entry(call, AuditEntries.Ok)) { CreatedIn = call.ServiceChoosesId ? call.Created : null });
        }
    }

    /// <summary>Enters a refusal the handler made itself (a partner member acting for another organization) instead of the change it held.</summary>
    public Task RefusedAsync(HttpContext http, AuditedCall call)
    {
        http.Features.Set<PendingAudit>(null);
        return audit.RecordAsync(Entry(call, AuditEntries.Denied), http.RequestAborted);
    }

    /// <summary>Enters the success of a call that stored its change without the outbox writing its entry, or read personal data.</summary>
    public async Task CompleteAsync(HttpContext http)
    {
        if (http.Features.Get<PendingAudit>() is { Written: false } pending)
        {
            http.Features.Set<PendingAudit>(null);
            await audit.RecordAsync(pending.Entry, http.RequestAborted);
        }
    }

    private AuditRecorded Entry(AuditedCall call, string outcome) =>
        AuditEntries.For(host.ServiceName(), call.Method, call.Caller, call.Resource, call.Created ?? call.ResourceName, outcome, call.Request, clock.GetUtcNow());
}

/// <summary>The gate for a plain HTTP endpoint (a file upload), which no gRPC interceptor sees.</summary>
public static class HttpAccess
{
    /// <summary>
    /// <paramref name="endpoint"/> is what the audit trail calls the endpoint: its verb and route. An
    /// endpoint of the whole platform (<see cref="Permission.AdministerPlatform"/>) names no tenant's resource.
    /// </summary>
    public static Task AuthorizeAsync(this HttpContext http, Permission permission, string resourceName, string endpoint) =>
        http.RequestServices.GetRequiredService<AccessGate>().AdmitAsync(http,
            new AuditedCall(endpoint, Caller.From(http.User),
                permission == Permission.AdministerPlatform ? null : ResourceScope.Of(resourceName, "name", permission), resourceName, null),
            permission, auditOnSuccess: true);

    /// <summary>Enters the change of an upload that stored it without the outbox writing its entry.</summary>
    public static Task CompleteAuditAsync(this HttpContext http) =>
        http.Features.Get<PendingAudit>() is null ? Task.CompletedTask : http.RequestServices.GetRequiredService<AccessGate>().CompleteAsync(http);
}
