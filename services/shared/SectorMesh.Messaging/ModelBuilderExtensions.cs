using Microsoft.EntityFrameworkCore;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

public static class ModelBuilderExtensions
{
    public const string OutboxTable = "outbox_messages";
    public const string ProcessedTable = "processed_messages";

    /// <summary>Maps the outbox and the processed-message inbox into a service's own database.</summary>
    public static ModelBuilder MapMessaging(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            // The relay publishes every tenant's events.
            outbox.HasAnnotation(TenantDbContext.CrossTenantAnnotation, true);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            outbox.Property(m => m.Type).HasColumnName("type").HasMaxLength(300);
            // json, not jsonb: the relay reads the payload whole and nothing queries inside it, and jsonb's parse on the way in
            // took a third of writing an import's snapshots.
            outbox.Property(m => m.Payload).HasColumnName("payload").HasColumnType("json");
            outbox.Property(m => m.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
            outbox.Property(m => m.Partition).HasColumnName("partition").HasMaxLength(130);
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            outbox.Property(m => m.CreatedAt).HasColumnName("created_at");
            outbox.Property(m => m.DispatchedAt).HasColumnName("dispatched_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(1000);
            // The relay reads only undispatched rows, oldest first.
            outbox.HasIndex(m => m.Sequence).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_pending");
            outbox.HasIndex(m => m.DispatchedAt).HasFilter("dispatched_at IS NOT NULL").HasDatabaseName("ix_outbox_dispatched");
        });
        model.Entity<ProcessedMessage>(processed =>
        {
            processed.ToTable(ProcessedTable);
            processed.HasKey(m => new { m.MessageId, m.Consumer });
            processed.Property(m => m.MessageId).HasColumnName("message_id");
            processed.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            processed.Property(m => m.ProcessedAt).HasColumnName("processed_at");
            processed.HasIndex(m => m.ProcessedAt).HasDatabaseName("ix_processed_messages_processed_at");
        });
        return model;
    }
}
