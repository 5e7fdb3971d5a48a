using Microsoft.EntityFrameworkCore;
using SectorMesh.Messaging;
using SectorMesh.ServiceDefaults;
using Events = SectorMesh.Contracts.Events.Partnerships;

namespace SectorMesh.Partnerships.Data;

/// <summary>
/// The `republish` command: a PartnershipSnapshot of every partnership (or of one tenant's, with
/// `--tenant=ID`) written to the outbox for the relay to send, so another service can rebuild its
/// copy: a new consumer, or one repaired after a loss. Each snapshot carries the partnership's
/// current revision, so a copy that already holds it changes nothing.
/// </summary>
public static class PartnershipSnapshots
{
    public const string Command = "republish";
    private const int BatchSize = 200;

    public static async Task RepublishAsync(this WebApplication app, string[] args)
    {
        var tenant = args.FirstOrDefault(a => a.StartsWith("--tenant=", StringComparison.Ordinal))?["--tenant=".Length..];
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var logger = app.Services.GetRequiredService<ILogger<PartnershipsDbContext>>();
        var written = 0;
        string lastTenant = "", lastId = "";
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var tenants = scope.ServiceProvider.GetRequiredService<TenantScope>();
            if (tenant is null)
            {
                tenants.EnterEveryTenant($"the operator's {Command} command rebuilds every tenant's copies of their partnerships");
            }
            else
            {
                tenants.Enter(tenant);
            }
            var db = scope.ServiceProvider.GetRequiredService<PartnershipsDbContext>();
            var batch = await db.Partnerships.AsNoTracking()
                .Where(p => tenant == null || p.TenantId == tenant)
                .Where(p => string.Compare(p.TenantId, lastTenant) > 0 || (p.TenantId == lastTenant && string.Compare(p.Id, lastId) > 0))
                .OrderBy(p => p.TenantId).ThenBy(p => p.Id)
                .Take(BatchSize)
                .ToListAsync();
            if (batch.Count == 0)
            {
                break;
            }
            var now = clock.GetUtcNow();
            db.Set<OutboxMessage>().AddRange(batch.Select(p => OutboxMessage.For(new Events.PartnershipSnapshot(
                Guid.CreateVersion7(now), p.TenantId, p.Id, now, PartnershipIntegrationEvents.Profile(p),
                p.Partners.Select(m => new Events.PartnerSnapshot(m.OrganizationId, m.OrganizationName, m.PartnerType.ToString(), m.IsCurrent)).ToList())
            {
                AggregateVersion = p.Revision,
                Actor = $"service:partnerships {Command}",
            })));
            await db.SaveChangesAsync();
            written += batch.Count;
            (lastTenant, lastId) = (batch[^1].TenantId, batch[^1].Id);
        }
        logger.LogInformation("Wrote snapshots of {Count} partnerships to the outbox; the running service's relay sends them", written);
    }
}
