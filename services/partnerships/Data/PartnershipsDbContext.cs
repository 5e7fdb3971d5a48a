using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SectorMesh.Messaging;
using SectorMesh.Partnerships.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Partnerships.Data;

/// <summary>
/// The Partnerships database. A partnership is stored as one row with its parts (goals,
/// partners, agreements, committees...) in jsonb columns: the aggregate is read and written whole,
/// and List filters only on its scalar columns.
/// </summary>
public sealed class PartnershipsDbContext(DbContextOptions<PartnershipsDbContext> options, TenantScope? tenants = null) : TenantDbContext(options, tenants)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.MapMessaging();

        model.Entity<Tenant>(tenant =>
        {
            tenant.HasKey(t => t.Id);
            tenant.Property(t => t.Id).HasMaxLength(63);
            tenant.Property(t => t.DisplayName).HasMaxLength(200);
            tenant.HasEtagVersion();
        });

        model.Entity<Region>(region =>
        {
            region.HasKey(r => new { r.TenantId, r.Id });
            region.Property(r => r.TenantId).HasMaxLength(63);
            region.Property(r => r.Id).HasMaxLength(63);
            region.Property(r => r.DisplayName).HasMaxLength(200);
            region.Property(r => r.MetroArea).HasMaxLength(5);
            region.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId);
        });

        model.Entity<Organization>(organization =>
        {
            organization.HasKey(o => new { o.TenantId, o.Id });
            organization.Property(o => o.TenantId).HasMaxLength(63);
            organization.Property(o => o.Id).HasMaxLength(63);
            organization.Property(o => o.DisplayName).HasMaxLength(200);
            organization.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
            organization.Property(o => o.NaicsCode).HasMaxLength(6);
            organization.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId);
        });

        model.Entity<Partnership>(MapPartnership);

        model.Entity<AuditEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.Sequence).UseIdentityAlwaysColumn();
            entry.Property(e => e.TenantId).HasMaxLength(63);
            entry.Property(e => e.PartnershipId).HasMaxLength(63);
            entry.Property(e => e.Service).HasMaxLength(63);
            entry.Property(e => e.Method).HasMaxLength(200);
            entry.Property(e => e.ResourceName).HasMaxLength(1000);
            entry.Property(e => e.Subject).HasMaxLength(200);
            entry.Property(e => e.Outcome).HasMaxLength(40);
            entry.Property(e => e.TraceId).HasMaxLength(32);
            entry.Property(e => e.FieldMask).HasMaxLength(1000);
            entry.HasIndex(e => new { e.TenantId, e.OccurredAt, e.Sequence }).IsDescending(false, true, true);
        });
        model.UseSnakeCaseNames();
        FilterByTenant(model);
    }

    private static void MapPartnership(EntityTypeBuilder<Partnership> partnership)
    {
        partnership.HasKey(p => new { p.TenantId, p.Id });
        partnership.Property(p => p.TenantId).HasMaxLength(63);
        partnership.Property(p => p.Id).HasMaxLength(63);
        partnership.Property(p => p.DisplayName).HasMaxLength(200);
        partnership.Property(p => p.RegionId).HasMaxLength(63);
        partnership.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        partnership.Property(p => p.Vision).HasMaxLength(2000);
        partnership.Property(p => p.Mission).HasMaxLength(2000);
        partnership.HasEtagVersion();
        partnership.Ignore(p => p.DomainEvents);
        partnership.Ignore(p => p.CurrentPartners);
        partnership.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId);
        partnership.HasOne<Region>().WithMany().HasForeignKey(p => new { p.TenantId, p.RegionId }).OnDelete(DeleteBehavior.Restrict);

        partnership.OwnsOne(p => p.Sector, sector =>
        {
            sector.Property(s => s.NaicsCode).HasColumnName("sector_naics_code").HasMaxLength(6);
            sector.Property(s => s.Title).HasColumnName("sector_title").HasMaxLength(200);
        });
        partnership.Navigation(p => p.Sector).IsRequired();
        partnership.HasIndex(p => new { p.TenantId, p.Stage });
        partnership.HasIndex(p => new { p.TenantId, p.RegionId });

        partnership.OwnsOne(p => p.Significance, s => s.ToJson("regional_significance"));
        partnership.OwnsMany(p => p.Goals, g => g.ToJson("goals"));
        partnership.OwnsMany(p => p.Strategies, s =>
        {
            s.ToJson("strategies");
            s.Property(x => x.Status).HasConversion<string>();
        });
        partnership.OwnsMany(p => p.Partners, m =>
        {
            m.ToJson("partners");
            m.Property(x => x.PartnerType).HasConversion<string>();
        });
        partnership.OwnsOne(p => p.Intermediary, i =>
        {
            i.ToJson("intermediary");
            i.OwnsMany(x => x.Assignments, a => a.Property(x => x.Role).HasConversion<string>());
        });
        partnership.OwnsMany(p => p.Agreements, a =>
        {
            a.ToJson("agreements");
            a.Property(x => x.Status).HasConversion<string>();
            a.OwnsMany(x => x.Terms);
            a.OwnsMany(x => x.Signatures);
        });
        partnership.OwnsMany(p => p.Committees, c =>
        {
            c.ToJson("committees");
            c.Property(x => x.Kind).HasConversion<string>();
            c.OwnsMany(x => x.Members, m => m.Property(x => x.Represents).HasConversion<string>());
        });
    }
}
