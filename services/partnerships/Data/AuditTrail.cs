using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts.Events.Audit;
using SectorMesh.Messaging;
using SectorMesh.Partnerships.Domain;

namespace SectorMesh.Partnerships.Data;

/// <summary>One call in a tenant's audit trail, as a service reported it. Rows are only ever added; the database refuses changes.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public Guid Id { get; private set; }

    /// <summary>Arrival order, which breaks ties between entries of the same instant when paging.</summary>
    public long Sequence { get; private set; }

    public string TenantId { get; private set; } = "";
    public string PartnershipId { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public string Service { get; private set; } = "";
    public string Method { get; private set; } = "";
    public string ResourceName { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Outcome { get; private set; } = "";
    public string TraceId { get; private set; } = "";
    public string FieldMask { get; private set; } = "";

    /// <summary>The entry as reported, each text cut to its column: a refused call may name anything, and must still be kept.</summary>
    public static AuditEntry From(AuditRecorded m) => new()
    {
        Id = m.MessageId,
        TenantId = Cut(m.TenantId, 63),
        PartnershipId = Cut(m.PartnershipId, 63),
        OccurredAt = m.OccurredAt,
        Service = Cut(m.Service, 63),
        Method = Cut(m.Method, 200),
        ResourceName = Cut(m.ResourceName, 1000),
        Subject = Cut(m.Subject, 200),
        Outcome = Cut(m.Outcome, 40),
        TraceId = Cut(m.TraceId, 32),
        FieldMask = Cut(m.FieldMask, 1000),
    };

    // PostgreSQL text cannot hold NUL.
    private static string Cut(string text, int length) => (text.Length <= length ? text : text[..length]).Replace('\0', '\uFFFD');
}

/// <summary>Keeps the entries every service sends, each once.</summary>
public sealed class AuditTrailKeeper(PartnershipsDbContext db, TimeProvider clock, ILogger<AuditTrailKeeper> logger)
    : IdempotentConsumer<AuditRecorded, PartnershipsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(AuditRecorded message, CancellationToken cancellationToken)
    {
        Db.AuditEntries.Add(AuditEntry.From(message));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Deletes the entries older than their tenant's retention, the one deletion the database allows (it
/// is told so inside the purge's own transaction).
/// </summary>
public sealed class AuditRetention(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<AuditRetention> logger)
    : BackgroundService
{
    public const string PurgeSetting = "sectormesh.audit_purge";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Audit:PurgeInterval", TimeSpan.FromHours(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} audit entries past their tenant's retention", purged);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The audit trail could not be purged; trying again later: {Error}", e.Message);
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnershipsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SET LOCAL {PurgeSetting} = 'on'", cancellationToken);
        var purged = await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM audit_entries a
            WHERE a.occurred_at < {0} - make_interval(days => COALESCE((SELECT t.audit_retention_days FROM tenants t WHERE t.id = a.tenant_id), {1}))
            """, [clock.GetUtcNow(), Tenant.DefaultAuditRetentionDays], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }
}
