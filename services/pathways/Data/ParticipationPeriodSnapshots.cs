using Microsoft.EntityFrameworkCore;
using SectorMesh.Messaging;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Pathways.Data;

/// <summary>
/// The `republish` command: a ParticipationPeriodChanged of every participant (or of one tenant's, with `--tenant=ID`)
/// written to the outbox for the relay to send, so the Metrics service can rebuild its periods from nothing. Each carries
/// the participant's current revision, so a copy that already holds it changes nothing.
/// </summary>
public static class ParticipationPeriodSnapshots
{
    public const string Command = "republish";
    private const int BatchSize = 500;

    public static async Task RepublishAsync(this WebApplication app, string[] args)
    {
        var tenant = args.FirstOrDefault(a => a.StartsWith("--tenant=", StringComparison.Ordinal))?["--tenant=".Length..];
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var logger = app.Services.GetRequiredService<ILogger<PathwaysDbContext>>();
        var written = 0;
        string lastTenant = "", lastPartnership = "", lastId = "";
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var tenants = scope.ServiceProvider.GetRequiredService<TenantScope>();
            if (tenant is null)
            {
                tenants.EnterEveryTenant($"the operator's {Command} command rebuilds every tenant's periods of participation in Metrics");
            }
            else
            {
                tenants.Enter(tenant);
            }
            var db = scope.ServiceProvider.GetRequiredService<PathwaysDbContext>();
            var batch = await db.Participants.AsNoTracking()
                .Where(p => tenant == null || p.TenantId == tenant)
                .Where(p => string.Compare(p.TenantId, lastTenant) > 0
                    || (p.TenantId == lastTenant && string.Compare(p.PartnershipId, lastPartnership) > 0)
                    || (p.TenantId == lastTenant && p.PartnershipId == lastPartnership && string.Compare(p.Id, lastId) > 0))
                .OrderBy(p => p.TenantId).ThenBy(p => p.PartnershipId).ThenBy(p => p.Id)
                .Take(BatchSize)
                .ToListAsync();
            if (batch.Count == 0)
            {
                break;
            }
            var now = clock.GetUtcNow();
            db.Set<OutboxMessage>().AddRange(batch.SelectMany(p => PathwayIntegrationEvents.PeriodsOf(p, now).Select(period => OutboxMessage.For(period with
            {
                AggregateVersion = p.Revision,
                Actor = $"service:pathways {Command}",
            }))));
            await db.SaveChangesAsync();
            written += batch.Count;
            (lastTenant, lastPartnership, lastId) = (batch[^1].TenantId, batch[^1].PartnershipId, batch[^1].Id);
        }
        logger.LogInformation("Wrote the periods of {Count} participants to the outbox; the running service's relay sends them", written);
    }
}
