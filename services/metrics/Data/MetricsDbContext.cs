using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Messaging;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Metrics.Data;

/// <summary>
/// The Metrics database: its own copy of every period of participation, fed by the Career Pathways service's events. A
/// period is one jsonb document with the dates cohorts are chosen by beside it as indexed columns.
/// </summary>
public sealed class MetricsDbContext(DbContextOptions<MetricsDbContext> options, TenantScope? tenants = null) : TenantDbContext(options, tenants)
{
    public DbSet<ProjectedPeriod> Periods => Set<ProjectedPeriod>();
    public DbSet<TenantGeneration> TenantGenerations => Set<TenantGeneration>();
    public DbSet<MetricsSettings> Settings => Set<MetricsSettings>();
    public DbSet<ProjectedPartnership> Partnerships => Set<ProjectedPartnership>();
    public DbSet<ProgressReview> Reviews => Set<ProgressReview>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<GoalMeasure> GoalMeasures => Set<GoalMeasure>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    /// <summary>How a period is written to its jsonb column.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.MapMessaging();

        model.Entity<ProjectedPeriod>(period =>
        {
            period.HasKey(p => new { p.TenantId, p.PartnershipId, p.ParticipantId, p.PeriodNumber });
            period.Property(p => p.TenantId).HasMaxLength(63);
            period.Property(p => p.PartnershipId).HasMaxLength(63);
            period.Property(p => p.ParticipantId).HasMaxLength(63);
            period.HasIndex(p => new { p.TenantId, p.ExitDate });
            period.HasIndex(p => new { p.TenantId, p.TrainingEntered });
            period.HasOne(p => p.Document).WithOne()
                .HasForeignKey<PeriodDocument>(d => new { d.TenantId, d.PartnershipId, d.ParticipantId, d.PeriodNumber });
        });

        model.Entity<PeriodDocument>(document =>
        {
            document.ToTable("period_documents");
            document.HasKey(d => new { d.TenantId, d.PartnershipId, d.ParticipantId, d.PeriodNumber });
            document.Property(d => d.TenantId).HasMaxLength(63);
            document.Property(d => d.PartnershipId).HasMaxLength(63);
            document.Property(d => d.ParticipantId).HasMaxLength(63);
            document.Property(d => d.Period).AsJson(Json);
        });

        model.Entity<ProjectedPartnership>(partnership =>
        {
            partnership.ToTable("partnership_facts");
            partnership.HasKey(p => new { p.TenantId, p.PartnershipId });
            partnership.Property(p => p.TenantId).HasMaxLength(63);
            partnership.Property(p => p.PartnershipId).HasMaxLength(63);
            partnership.Property(p => p.Facts).AsJson(Json);
        });

        model.Entity<ProgressReview>(review =>
        {
            review.ToTable("progress_reviews");
            review.HasKey(r => new { r.TenantId, r.PartnershipId, r.Id });
            review.Property(r => r.TenantId).HasMaxLength(63);
            review.Property(r => r.PartnershipId).HasMaxLength(63);
            review.Property(r => r.Id).HasMaxLength(63);
            review.Property(r => r.Period).AsJson(Json);
            review.Property(r => r.Reflections).HasMaxLength(10_000);
            review.Property(r => r.BestPractices).AsJson(Json);
            review.Property(r => r.Actions).AsJson(Json);
            review.Property(r => r.Figures).AsJson(Json);
            review.HasEtagVersion();
            review.Ignore(r => r.DomainEvents);
        });

        model.Entity<Survey>(survey =>
        {
            survey.HasKey(r => new { r.TenantId, r.PartnershipId, r.Id });
            survey.Property(r => r.TenantId).HasMaxLength(63);
            survey.Property(r => r.PartnershipId).HasMaxLength(63);
            survey.Property(r => r.Id).HasMaxLength(63);
            survey.Property(r => r.Title).HasMaxLength(200);
            survey.Property(r => r.Audience).HasConversion<string>().HasMaxLength(20);
            survey.Property(r => r.Questions).AsJson(Json);
            survey.HasEtagVersion();
            survey.Ignore(r => r.DomainEvents);
        });

        model.Entity<SurveyResponse>(response =>
        {
            response.HasKey(r => new { r.TenantId, r.PartnershipId, r.SurveyId, r.Id });
            response.Property(r => r.TenantId).HasMaxLength(63);
            response.Property(r => r.PartnershipId).HasMaxLength(63);
            response.Property(r => r.SurveyId).HasMaxLength(63);
            response.Property(r => r.Id).HasMaxLength(63);
            response.Property(r => r.Respondent).HasMaxLength(200);
            response.Property(r => r.Answers).AsJson(Json);
            response.Ignore(r => r.DomainEvents);
        });

        model.Entity<GoalMeasure>(measure =>
        {
            measure.HasKey(r => new { r.TenantId, r.PartnershipId, r.Id });
            measure.Property(r => r.TenantId).HasMaxLength(63);
            measure.Property(r => r.PartnershipId).HasMaxLength(63);
            measure.Property(r => r.Id).HasMaxLength(63);
            measure.Property(r => r.Metric).HasMaxLength(200);
            measure.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
            measure.Property(r => r.HandFigures).AsJson(Json);
            measure.HasEtagVersion();
            measure.Ignore(r => r.DomainEvents);
        });

        model.Entity<MetricsSettings>(settings =>
        {
            settings.ToTable("tenant_settings");
            settings.HasKey(s => s.TenantId);
            settings.Property(s => s.TenantId).HasMaxLength(63);
            settings.HasEtagVersion();
        });

        model.Entity<TenantGeneration>(generation =>
        {
            generation.HasKey(g => g.TenantId);
            generation.Property(g => g.TenantId).HasMaxLength(63);
        });

        model.UseSnakeCaseNames();
        FilterByTenant(model);
    }

    /// <summary>Counts one more change to the tenant's periods, in the transaction that applies it.</summary>
    public Task AdvanceGenerationAsync(string tenant, CancellationToken cancellationToken) => Database.ExecuteSqlInterpolatedAsync(
        $"INSERT INTO tenant_generations (tenant_id, generation) VALUES ({tenant}, 1) ON CONFLICT (tenant_id) DO UPDATE SET generation = tenant_generations.generation + 1",
        cancellationToken);

    /// <summary>Stores a change the tenant's cached answers depend on, with the generation advanced in the same transaction.</summary>
    public async Task AdvancingGenerationAsync(string tenant, Func<Task> store, CancellationToken cancellationToken)
    {
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await store();
        await AdvanceGenerationAsync(tenant, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task SaveAdvancingGenerationAsync(string tenant, CancellationToken cancellationToken) =>
        AdvancingGenerationAsync(tenant, () => SaveChangesAsync(cancellationToken), cancellationToken);

    public async Task<long> GenerationAsync(string tenant, CancellationToken cancellationToken) =>
        await TenantGenerations.AsNoTracking().Where(g => g.TenantId == tenant).Select(g => g.Generation).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The partnership's facts, created empty when none are held yet, with its row locked until the transaction ends: two
    /// consumers of different events about one partnership apply one after the other, neither losing the other's change.
    /// </summary>
    public async Task<ProjectedPartnership> LockPartnershipAsync(string tenant, string partnership, CancellationToken cancellationToken)
    {
        await Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO partnership_facts (tenant_id, partnership_id, facts) VALUES ({tenant}, {partnership}, '{{}}'::jsonb) ON CONFLICT DO NOTHING",
            cancellationToken);
        await Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM partnership_facts WHERE tenant_id = {tenant} AND partnership_id = {partnership} FOR UPDATE", cancellationToken);
        return await Partnerships.SingleAsync(p => p.TenantId == tenant && p.PartnershipId == partnership, cancellationToken);
    }

    /// <summary>Whether the entity was read from the database rather than made up as a default.</summary>
    public bool IsStored(object entity) => Entry(entity).State is not EntityState.Detached and not EntityState.Added;
}
