using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SectorMesh.Messaging;
using SectorMesh.Resources.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Resources.Data;

/// <summary>
/// The Resources database. Money is stored as numeric(18,2) with its currency and periods as two
/// dates, so the figures can also be checked with plain SQL; contributions live with their
/// commitment in a jsonb column.
/// </summary>
public sealed class ResourcesDbContext(DbContextOptions<ResourcesDbContext> options, TenantScope? tenants = null) : TenantDbContext(options, tenants)
{
    public DbSet<FundingSource> FundingSources => Set<FundingSource>();
    public DbSet<ResourceCommitment> Commitments => Set<ResourceCommitment>();
    public DbSet<ResourceNeed> ResourceNeeds => Set<ResourceNeed>();

    /// <summary>Money where it sits inside JSON or is optional: "123.45 USD".</summary>
    private static readonly ValueConverter<Money, string> MoneyAsText = new(
        m => m.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + m.Currency,
        s => new Money(decimal.Parse(s.Split(' ', 2)[0], System.Globalization.CultureInfo.InvariantCulture), s.Split(' ', 2)[1]));

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.MapMessaging();

        model.Entity<FundingSource>(source =>
        {
            source.HasKey(f => new { f.TenantId, f.PartnershipId, f.Id });
            Keys(source.Property(f => f.TenantId), source.Property(f => f.PartnershipId), source.Property(f => f.Id));
            source.Property(f => f.DisplayName).HasMaxLength(200);
            source.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
            source.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
            source.Property(f => f.Restrictions).HasMaxLength(2000);
            source.Property(f => f.StrategyId).HasMaxLength(63);
            source.Property(f => f.Strategy).HasMaxLength(300);
            source.Property(f => f.Funder).HasMaxLength(200);
            source.Ignore(f => f.StrategyRef);
            source.Ignore(f => f.IsUnrestricted);
            source.ComplexProperty(f => f.Amount, Money);
            source.ComplexProperty(f => f.Period, Period);
            source.HasEtagVersion();
            source.Ignore(f => f.DomainEvents);
        });

        model.Entity<ResourceCommitment>(commitment =>
        {
            commitment.HasKey(c => new { c.TenantId, c.PartnershipId, c.Id });
            Keys(commitment.Property(c => c.TenantId), commitment.Property(c => c.PartnershipId), commitment.Property(c => c.Id));
            commitment.Property(c => c.OrganizationId).HasMaxLength(63);
            commitment.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            commitment.Property(c => c.Description).HasMaxLength(1000);
            commitment.Property(c => c.StrategyId).HasMaxLength(63);
            commitment.Property(c => c.Strategy).HasMaxLength(300);
            commitment.Property(c => c.FundingSourceId).HasMaxLength(63);
            commitment.Ignore(c => c.StrategyRef);
            commitment.Property(c => c.Hours).HasPrecision(10, 2);
            commitment.Property(c => c.HourlyRate).HasConversion(MoneyAsText).HasMaxLength(40);
            commitment.ComplexProperty(c => c.Value, Money);
            commitment.ComplexProperty(c => c.Period, Period);
            commitment.OwnsMany(c => c.Contributions, contribution =>
            {
                contribution.ToJson("contributions");
                contribution.Property(x => x.Value).HasConversion(MoneyAsText);
            });
            commitment.HasEtagVersion();
            commitment.Ignore(c => c.DomainEvents);
            commitment.Ignore(c => c.Contributed);
            commitment.Ignore(c => c.Fulfilled);
        });

        model.Entity<ResourceNeed>(need =>
        {
            need.HasKey(n => new { n.TenantId, n.PartnershipId, n.Id });
            Keys(need.Property(n => n.TenantId), need.Property(n => n.PartnershipId), need.Property(n => n.Id));
            need.Property(n => n.StrategyId).HasMaxLength(63);
            need.Property(n => n.Strategy).HasMaxLength(300);
            need.Ignore(n => n.StrategyRef);
            need.ComplexProperty(n => n.Amount, Money);
            need.ComplexProperty(n => n.Period, Period);
        });

        model.UseSnakeCaseNames();
        FilterByTenant(model);
    }

    private static void Keys(params Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<string>[] keys)
    {
        foreach (var key in keys)
        {
            key.HasMaxLength(63);
        }
    }

    private static void Money(Microsoft.EntityFrameworkCore.Metadata.Builders.ComplexPropertyBuilder<Money> money)
    {
        money.Property(m => m.Amount).HasPrecision(18, 2);
        money.Property(m => m.Currency).HasMaxLength(3).IsFixedLength();
    }

    private static void Period(Microsoft.EntityFrameworkCore.Metadata.Builders.ComplexPropertyBuilder<Period> period)
    {
        period.Property(p => p.Start);
        period.Property(p => p.End);
    }
}
