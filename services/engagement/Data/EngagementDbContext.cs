using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SectorMesh.Contracts;
using SectorMesh.Domain;
using SectorMesh.Engagement.Domain;
using SectorMesh.Messaging;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Engagement.Data;

/// <summary>
/// The Industry Engagement database. Lists that belong to one record (activities, needs, action
/// items, skills, gaps) are jsonb columns of that record; imported labor market rows are plain
/// tables keyed as BLS and O*NET key them, within a tenant.
/// </summary>
public sealed class EngagementDbContext(DbContextOptions<EngagementDbContext> options, TenantScope? tenants = null) : TenantDbContext(options, tenants)
{
    public DbSet<KnownPartnership> Partnerships => Set<KnownPartnership>();
    public DbSet<EmployerEngagement> Employers => Set<EmployerEngagement>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<LmiReview> LmiReviews => Set<LmiReview>();
    public DbSet<WorkforceCohort> Cohorts => Set<WorkforceCohort>();
    public DbSet<SkillsGapAnalysis> SkillsGapAnalyses => Set<SkillsGapAnalysis>();
    public DbSet<QcewRecord> Qcew => Set<QcewRecord>();
    public DbSet<OewsRecord> Oews => Set<OewsRecord>();
    public DbSet<OnetRating> OnetRatings => Set<OnetRating>();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.MapMessaging();

        model.Entity<KnownPartnership>(partnership =>
        {
            partnership.HasKey(p => new { p.TenantId, p.PartnershipId });
            partnership.Property(p => p.DisplayName).HasMaxLength(200);
            partnership.Property(p => p.RegionId).HasMaxLength(63);
            partnership.Property(p => p.NaicsCode).HasMaxLength(10);
        });

        model.Entity<EmployerEngagement>(employer =>
        {
            employer.HasKey(e => new { e.TenantId, e.PartnershipId, e.OrganizationId });
            employer.Property(e => e.OrganizationName).HasMaxLength(200);
            employer.Property(e => e.Level).HasConversion<string>().HasMaxLength(20);
            employer.Property(e => e.Champions).HasField("_champions").AsJson(Json);
            employer.Property(e => e.Activities).HasField("_activities").AsJson(Json);
            employer.Property(e => e.Needs).HasField("_needs").AsJson(Json);
            employer.HasEtagVersion();
            employer.Ignore(e => e.DomainEvents);
        });

        model.Entity<Meeting>(meeting =>
        {
            meeting.HasKey(m => new { m.TenantId, m.PartnershipId, m.Id });
            meeting.Property(m => m.Agenda).AsJson(Json);
            meeting.Property(m => m.Attendees).AsJson(Json);
            meeting.Property(m => m.Decisions).AsJson(Json);
            meeting.Property(m => m.ActionItems).HasField("_actionItems").AsJson(Json);
            meeting.HasEtagVersion();
            meeting.Ignore(m => m.DomainEvents);
        });

        model.Entity<LmiReview>(review =>
        {
            review.HasKey(r => new { r.TenantId, r.PartnershipId, r.Id });
            review.HasIndex(r => new { r.TenantId, r.PartnershipId, r.DataPoint, r.RecordedAt });
            review.Property(r => r.DataPoint).HasMaxLength(200);
            review.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
            review.Property(r => r.Comment).HasMaxLength(2000);
            review.Ignore(r => r.DomainEvents);
        });

        model.Entity<WorkforceCohort>(cohort =>
        {
            cohort.HasKey(c => new { c.TenantId, c.PartnershipId, c.Id });
            cohort.Property(c => c.DisplayName).HasMaxLength(200);
            cohort.Property(c => c.Skills).AsJson(Json);
        });

        model.Entity<SkillsGapAnalysis>(analysis =>
        {
            analysis.HasKey(a => new { a.TenantId, a.PartnershipId, a.Id });
            analysis.Property(a => a.TargetOccupations).AsJson(Json);
            analysis.Property(a => a.Gaps).AsJson(Json);
            analysis.Property(a => a.NotAssessed).AsJson(Json);
            analysis.Ignore(a => a.DomainEvents);
        });

        model.Entity<QcewRecord>(row =>
        {
            row.ToTable(LmiTables.Qcew);
            row.Property<string>(TenantProperty).HasMaxLength(63);
            row.HasKey(TenantProperty, nameof(QcewRecord.Year), nameof(QcewRecord.Quarter), nameof(QcewRecord.AreaFips),
                nameof(QcewRecord.Ownership), nameof(QcewRecord.IndustryCode));
            row.Property(r => r.AreaFips).HasMaxLength(5);
            row.Property(r => r.IndustryCode).HasMaxLength(10);
            row.Property(r => r.Quarter).HasMaxLength(1);
            row.Property(r => r.TotalWages).HasPrecision(18, 2);
            row.Property(r => r.AverageAnnualPay).HasPrecision(12, 2);
            row.Property(r => r.PublishedLocationQuotient).HasPrecision(8, 2);
            row.Property(r => r.EmploymentChangePercent).HasPrecision(8, 1);
        });

        model.Entity<OewsRecord>(row =>
        {
            row.ToTable(LmiTables.Oews);
            row.Property<string>(TenantProperty).HasMaxLength(63);
            row.HasKey(TenantProperty, nameof(OewsRecord.OccupationCode), nameof(OewsRecord.Year), nameof(OewsRecord.AreaCode),
                nameof(OewsRecord.IndustryCode), nameof(OewsRecord.OwnershipCode));
            row.Property(r => r.AreaCode).HasMaxLength(10);
            row.Property(r => r.AreaTitle).HasMaxLength(200);
            row.Property(r => r.IndustryCode).HasMaxLength(10);
            row.Property(r => r.OwnershipCode).HasMaxLength(10);
            row.Property(r => r.OccupationCode).HasMaxLength(7);
            row.Property(r => r.OccupationTitle).HasMaxLength(200);
            row.Property(r => r.OccupationGroup).HasMaxLength(20);
            row.Property(r => r.LocationQuotient).HasPrecision(8, 2);
            row.Property(r => r.AnnualMeanWage).HasPrecision(12, 2);
            row.Property(r => r.AnnualMedianWage).HasPrecision(12, 2);
        });

        model.Entity<OnetRating>(rating =>
        {
            rating.ToTable(LmiTables.Onet);
            rating.Property<string>(TenantProperty).HasMaxLength(63);
            rating.HasKey(TenantProperty, nameof(OnetRating.OnetSocCode), nameof(OnetRating.ElementId), nameof(OnetRating.Scale));
            rating.Property(r => r.OnetSocCode).HasMaxLength(10);
            rating.Property(r => r.ElementId).HasMaxLength(20);
            rating.Property(r => r.ElementName).HasMaxLength(200);
            rating.Property(r => r.DataValue).HasPrecision(6, 2);
        });

        model.UseSnakeCaseNames();
        FilterByTenant(model);
        // Every tenant reads the platform's labor market rows beside its own; no tenant reads another's.
        model.Entity<QcewRecord>().HasQueryFilter(r => EveryTenant || EF.Property<string>(r, TenantProperty) == CurrentTenant
            || EF.Property<string>(r, TenantProperty) == LmiTables.Platform);
        model.Entity<OnetRating>().HasQueryFilter(r => EveryTenant || EF.Property<string>(r, TenantProperty) == CurrentTenant
            || EF.Property<string>(r, TenantProperty) == LmiTables.Platform);
    }
}

/// <summary>The tables imports write to with COPY, named here so the SQL and the model agree.</summary>
public static class LmiTables
{
    public const string Qcew = "qcew_rows";
    public const string Oews = "oews_rows";
    public const string Onet = "onet_ratings";

    /// <summary>
    /// The owner of rows imported once for every tenant (the nation's QCEW rows, O*NET files), kept in
    /// the tenant column: it is no valid tenant id, so no tenant's rows can be taken for the platform's.
    /// </summary>
    public const string Platform = "_platform";
}

public static class KnownPartnerships
{
    /// <summary>
    /// Records are only made for a partnership this service has heard of from the Partnerships
    /// service; one it has not (never created, deleted, or its event still on its way) is not found.
    /// </summary>
    public static async Task EnsurePartnershipKnownAsync(this EngagementDbContext db, string tenant, string partnership, CancellationToken cancellationToken)
    {
        if (!await db.Partnerships.AnyAsync(p => p.TenantId == tenant && p.PartnershipId == partnership && !p.Deleted, cancellationToken))
        {
            throw new ResourceNotFound(Names.Partnership.Format(tenant, partnership));
        }
    }
}

public static class TenantRows
{
    /// <summary>Rows of imported data that belong to one tenant.</summary>
    public static IQueryable<T> OfTenant<T>(this IQueryable<T> rows, string tenant) where T : class =>
        rows.Where(r => EF.Property<string>(r, EngagementDbContext.TenantProperty) == tenant);

    /// <summary>
    /// The rows a tenant reads: for each part (an area, an occupation) its own rows when it imported
    /// any, the platform's otherwise, so a board's own file always wins over the shared one.
    /// </summary>
    public static async Task<List<T>> OwnOrPlatformAsync<T, TPart>(this IQueryable<T> rows, string tenant, Func<T, TPart> part,
        CancellationToken cancellationToken) where T : class
    {
        var found = await rows
            .Where(r => EF.Property<string>(r, EngagementDbContext.TenantProperty) == tenant
                || EF.Property<string>(r, EngagementDbContext.TenantProperty) == LmiTables.Platform)
            .Select(r => new { Row = r, Owner = EF.Property<string>(r, EngagementDbContext.TenantProperty) })
            .ToListAsync(cancellationToken);
        return found.GroupBy(r => part(r.Row))
            .SelectMany(g => g.Any(r => r.Owner == tenant) ? g.Where(r => r.Owner == tenant) : g)
            .Select(r => r.Row).ToList();
    }
}
