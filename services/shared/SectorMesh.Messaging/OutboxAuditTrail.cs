using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SectorMesh.Contracts.Events.Audit;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

/// <summary>
/// Sends an audit entry through the service's outbox in a transaction of its own, for a call that
/// stored no change to send it with (a refusal). The outbox keeps it while the broker is away.
/// </summary>
public sealed class OutboxAuditTrail<TDbContext>(IServiceScopeFactory scopes, OutboxSignal signal) : IAuditTrail
    where TDbContext : DbContext
{
    public async Task RecordAsync(AuditRecorded entry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        db.Set<OutboxMessage>().Add(OutboxMessage.For(entry));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
