using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts.Events.Partnerships;
using SectorMesh.Engagement.Domain;
using SectorMesh.Messaging;

namespace SectorMesh.Engagement.Data;

// The local copy of partnerships and their employer partners, kept from the Partnerships
// service's events. Each consumer records the message id with its change, so a redelivery is
// harmless, and applies an event only when its revision is not older than what the copy holds,
// so events that overtake each other leave the copy as the newest of them says.

public sealed class PartnershipCreatedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnershipCreatedCopy> logger)
    : IdempotentConsumer<PartnershipCreated, EngagementDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PartnershipCreated m, CancellationToken cancellationToken) =>
        Db.ApplyProfileAsync(m.TenantId, m.PartnershipId, new PartnershipProfile(m.DisplayName, m.RegionId, m.NaicsCode, m.SectorTitle, m.Stage),
            m.AggregateVersion, cancellationToken);
}

public sealed class PartnershipRenamedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnershipRenamedCopy> logger)
    : IdempotentConsumer<PartnershipRenamed, EngagementDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PartnershipRenamed m, CancellationToken cancellationToken) =>
        Db.ApplyProfileAsync(m.TenantId, m.PartnershipId, m.Profile, m.AggregateVersion, cancellationToken);
}

/// <summary>A partnership moved to another region: its regional significance is judged on the new region's counties.</summary>
public sealed class PartnershipMovedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnershipMovedCopy> logger)
    : IdempotentConsumer<PartnershipMoved, EngagementDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PartnershipMoved m, CancellationToken cancellationToken) =>
        Db.ApplyProfileAsync(m.TenantId, m.PartnershipId, m.Profile, m.AggregateVersion, cancellationToken);
}

/// <summary>A partnership retargeted to another industry: its evidence is the new NAICS code's.</summary>
public sealed class PartnershipRetargetedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnershipRetargetedCopy> logger)
    : IdempotentConsumer<PartnershipRetargeted, EngagementDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PartnershipRetargeted m, CancellationToken cancellationToken) =>
        Db.ApplyProfileAsync(m.TenantId, m.PartnershipId, m.Profile, m.AggregateVersion, cancellationToken);
}

/// <summary>Rebuilds the copy of one partnership from the whole of it, as sent by the Partnerships service's `republish` command.</summary>
public sealed class PartnershipSnapshotCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnershipSnapshotCopy> logger)
    : IdempotentConsumer<PartnershipSnapshot, EngagementDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PartnershipSnapshot m, CancellationToken cancellationToken)
    {
        await Db.ApplyProfileAsync(m.TenantId, m.PartnershipId, m.Profile, m.AggregateVersion, cancellationToken);
        foreach (var partner in m.Partners.Where(p => p.PartnerType == PartnershipCopies.EmployerType))
        {
            await Db.ApplyMembershipAsync(m.TenantId, m.PartnershipId, partner.OrganizationId, partner.OrganizationName, partner.Current,
                m.AggregateVersion, cancellationToken);
        }
    }
}

/// <summary>A deleted partnership takes no new records; what was recorded stays readable.</summary>
public sealed class PartnershipDeletedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnershipDeletedCopy> logger)
    : IdempotentConsumer<PartnershipDeleted, EngagementDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PartnershipDeleted m, CancellationToken cancellationToken) =>
        (await Db.CopyOfAsync(m.TenantId, m.PartnershipId, cancellationToken)).MarkDeleted(m.AggregateVersion);
}

/// <summary>Only employers are engaged here; other partners (boards, colleges, unions) are not copied.</summary>
public sealed class PartnerJoinedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnerJoinedCopy> logger)
    : IdempotentConsumer<PartnerJoined, EngagementDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PartnerJoined m, CancellationToken cancellationToken) =>
        m.PartnerType != PartnershipCopies.EmployerType
            ? Task.CompletedTask
            : Db.ApplyMembershipAsync(m.TenantId, m.PartnershipId, m.OrganizationId, m.OrganizationName, current: true, m.AggregateVersion, cancellationToken);
}

public sealed class PartnerLeftCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnerLeftCopy> logger)
    : IdempotentConsumer<PartnerLeft, EngagementDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PartnerLeft m, CancellationToken cancellationToken) =>
        m.PartnerType != PartnershipCopies.EmployerType
            ? Task.CompletedTask
            : Db.ApplyMembershipAsync(m.TenantId, m.PartnershipId, m.OrganizationId, m.OrganizationName, current: false, m.AggregateVersion, cancellationToken);
}

public static class PartnershipCopies
{
    public const string EmployerType = "Employer";

    /// <summary>The copy of a partnership, made empty (revision 0) when this is the first this service hears of it.</summary>
    public static async Task<KnownPartnership> CopyOfAsync(this EngagementDbContext db, string tenant, string partnership, CancellationToken cancellationToken)
    {
        if (await db.Partnerships.FindAsync([tenant, partnership], cancellationToken) is { } known)
        {
            return known;
        }
        var copy = new KnownPartnership(tenant, partnership);
        db.Partnerships.Add(copy);
        return copy;
    }

    public static async Task ApplyProfileAsync(this EngagementDbContext db, string tenant, string partnership, PartnershipProfile profile,
        long revision, CancellationToken cancellationToken) =>
        (await db.CopyOfAsync(tenant, partnership, cancellationToken)).Apply(profile.DisplayName, profile.RegionId, profile.NaicsCode, revision);

    public static async Task ApplyMembershipAsync(this EngagementDbContext db, string tenant, string partnership, string organization,
        string organizationName, bool current, long revision, CancellationToken cancellationToken)
    {
        var employer = await db.Employers.FindAsync([tenant, partnership, organization], cancellationToken);
        if (employer is null)
        {
            employer = EmployerEngagement.Joined(tenant, partnership, organization, organizationName);
            db.Employers.Add(employer);
        }
        employer.ApplyMembership(current, organizationName, revision);
    }
}
