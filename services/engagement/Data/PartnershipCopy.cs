using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts.Events.Partnerships;
using SectorMesh.Engagement.Domain;
using SectorMesh.Messaging;

namespace SectorMesh.Engagement.Data;

// The local copy of partnerships and their employer partners, kept from the Partnerships
// service's events. Each consumer records the message id with its change, so a redelivery is harmless.

public sealed class PartnershipCreatedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnershipCreatedCopy> logger)
    : IdempotentConsumer<PartnershipCreated, EngagementDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PartnershipCreated message, CancellationToken cancellationToken)
    {
        if (await Db.Partnerships.FindAsync([message.TenantId, message.PartnershipId], cancellationToken) is null)
        {
            Db.Partnerships.Add(new KnownPartnership(message.TenantId, message.PartnershipId, message.DisplayName, message.RegionId, message.NaicsCode));
        }
    }
}

/// <summary>A deleted partnership takes no new records; what was recorded stays readable.</summary>
public sealed class PartnershipDeletedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnershipDeletedCopy> logger)
    : IdempotentConsumer<PartnershipDeleted, EngagementDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PartnershipDeleted message, CancellationToken cancellationToken)
    {
        if (await Db.Partnerships.FindAsync([message.TenantId, message.PartnershipId], cancellationToken) is { } known)
        {
            Db.Partnerships.Remove(known);
        }
    }
}

/// <summary>Only employers are engaged here; other partners (boards, colleges, unions) are not copied.</summary>
public sealed class PartnerJoinedCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnerJoinedCopy> logger)
    : IdempotentConsumer<PartnerJoined, EngagementDbContext>(db, clock, logger)
{
    public const string EmployerType = "Employer";

    protected override async Task HandleAsync(PartnerJoined message, CancellationToken cancellationToken)
    {
        if (message.PartnerType != EmployerType)
        {
            return;
        }
        var employer = await Db.Employers.FindAsync([message.TenantId, message.PartnershipId, message.OrganizationId], cancellationToken);
        if (employer is null)
        {
            Db.Employers.Add(EmployerEngagement.Joined(message.TenantId, message.PartnershipId, message.OrganizationId, message.OrganizationName));
        }
        else
        {
            employer.Rejoined(message.OrganizationName);
        }
    }
}

public sealed class PartnerLeftCopy(EngagementDbContext db, TimeProvider clock, ILogger<PartnerLeftCopy> logger)
    : IdempotentConsumer<PartnerLeft, EngagementDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PartnerLeft message, CancellationToken cancellationToken)
    {
        var employer = await Db.Employers.FindAsync([message.TenantId, message.PartnershipId, message.OrganizationId], cancellationToken);
        employer?.Left();
    }
}
