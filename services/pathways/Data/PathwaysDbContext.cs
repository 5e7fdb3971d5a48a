using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SectorMesh.Messaging;
using SectorMesh.Pathways.Domain;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Pathways.Data;

/// <summary>
/// The Career Pathways database. A pathway's steps and bridges are jsonb columns of its row (it is
/// read and validated whole); personal data sits in a table of its own, sealed, so no read of a
/// participant touches it.
/// </summary>
public sealed class PathwaysDbContext(DbContextOptions<PathwaysDbContext> options, TenantScope? tenants = null) : TenantDbContext(options, tenants)
{
    public DbSet<TrainingProgram> Programs => Set<TrainingProgram>();
    public DbSet<CareerPathway> CareerPathways => Set<CareerPathway>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<SealedPersonalData> PersonalData => Set<SealedPersonalData>();
    public DbSet<JobQualityGuidelines> JobQualityGuidelines => Set<JobQualityGuidelines>();
    public DbSet<JobQualityAssessment> JobQualityAssessments => Set<JobQualityAssessment>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<WorkBasedLearningOpportunity> WorkBasedLearning => Set<WorkBasedLearningOpportunity>();
    public DbSet<WorkerFeedback> WorkerFeedback => Set<WorkerFeedback>();
    public DbSet<CapacityBuildingActivity> CapacityBuilding => Set<CapacityBuildingActivity>();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.MapMessaging();

        model.Entity<TrainingProgram>(program =>
        {
            program.HasKey(p => new { p.TenantId, p.Id });
            Ids(program.Property(p => p.TenantId), program.Property(p => p.Id), program.Property(p => p.ProviderId));
            program.Property(p => p.DisplayName).HasMaxLength(300);
            program.Property(p => p.Cost).HasPrecision(12, 2);
            program.Property(p => p.Modality).HasConversion<string>().HasMaxLength(20);
            program.Property(p => p.Schedule).HasMaxLength(300);
            program.Property(p => p.Credential).AsJson(Json);
            program.Property(p => p.Skills).AsJson(Json);
            // Programs recorded before they could name needs and gaps read as naming none.
            program.Property(p => p.EmployerNeeds).AsJson(Json).HasDefaultValueSql("'[]'::jsonb");
            program.Property(p => p.SkillsGaps).AsJson(Json).HasDefaultValueSql("'[]'::jsonb");
            program.HasEtagVersion();
            program.Ignore(p => p.DomainEvents);
        });

        model.Entity<CareerPathway>(pathway =>
        {
            pathway.HasKey(p => new { p.TenantId, p.PartnershipId, p.Id });
            Ids(pathway.Property(p => p.TenantId), pathway.Property(p => p.PartnershipId), pathway.Property(p => p.Id));
            pathway.Property(p => p.DisplayName).HasMaxLength(300);
            pathway.Property(p => p.Steps).AsJson(Json);
            pathway.Property(p => p.Bridges).AsJson(Json);
            pathway.HasEtagVersion();
            pathway.Ignore(p => p.DomainEvents);
        });

        model.Entity<Participant>(participant =>
        {
            participant.HasKey(p => new { p.TenantId, p.PartnershipId, p.Id });
            Ids(participant.Property(p => p.TenantId), participant.Property(p => p.PartnershipId), participant.Property(p => p.Id));
            participant.Property(p => p.EmploymentStatusAtEntry).HasConversion<string>().HasMaxLength(30);
            participant.Property(p => p.CareerPathwayId).HasMaxLength(63);
            participant.Property(p => p.CurrentStep).HasMaxLength(63);
            participant.Property(p => p.PirlIdentifier).HasMaxLength(12);
            participant.Property(p => p.ExitReason).HasConversion<string>().HasMaxLength(40);
            // A PIRL import writes a million of these rows at once, and nothing queries inside their lists.
            const string ParticipantDocument = "json";
            participant.Property(p => p.Training).AsJson(Json, ParticipantDocument);
            participant.Property(p => p.Credentials).AsJson(Json, ParticipantDocument);
            participant.Property(p => p.SkillGains).AsJson(Json, ParticipantDocument);
            participant.Property(p => p.EmploymentOutcomes).AsJson(Json, ParticipantDocument);
            // Participants enrolled before barriers and supportive services were kept read as having none.
            participant.Property(p => p.Barriers).AsJson(Json, ParticipantDocument).HasDefaultValueSql("'[]'::json");
            participant.Property(p => p.SupportiveServices).AsJson(Json, ParticipantDocument).HasDefaultValueSql("'[]'::json");
            // Participants enrolled before periods, reporting details and demographics were kept read as one period with none recorded.
            participant.Property(p => p.EarlierPeriods).AsJson(Json, ParticipantDocument).HasDefaultValueSql("'[]'::json");
            participant.Ignore(p => p.CurrentPeriod);
            participant.Ignore(p => p.Periods);
            participant.Property(p => p.ReportingDetails).AsJson(Json, ParticipantDocument)
                .HasDefaultValueSql("""'{"programs":[],"ageAtEntry":null,"education":{"postsecondary":false,"secondary":false}}'::json""");
            participant.Property(p => p.Demographics).AsJson(Json, ParticipantDocument).HasDefaultValueSql("""'{"sex":null,"ethnicityAndRace":[]}'::json""");
            participant.HasEtagVersion();
            participant.Ignore(p => p.DomainEvents);
        });

        model.Entity<SealedPersonalData>(data =>
        {
            data.ToTable("participant_personal_data");
            data.HasKey(d => new { d.TenantId, d.PartnershipId, d.ParticipantId });
            Ids(data.Property(d => d.TenantId), data.Property(d => d.PartnershipId), data.Property(d => d.ParticipantId));
        });

        model.Entity<JobQualityGuidelines>(guidelines =>
        {
            guidelines.HasKey(g => new { g.TenantId, g.PartnershipId });
            Ids(guidelines.Property(g => g.TenantId), guidelines.Property(g => g.PartnershipId));
            guidelines.Property(g => g.Commitments).AsJson(Json);
            guidelines.Property(g => g.Standards).AsJson(Json);
            guidelines.HasEtagVersion();
            guidelines.Ignore(g => g.DomainEvents);
        });

        model.Entity<JobQualityAssessment>(assessment =>
        {
            assessment.HasKey(a => new { a.TenantId, a.PartnershipId, a.Id });
            Ids(assessment.Property(a => a.TenantId), assessment.Property(a => a.PartnershipId), assessment.Property(a => a.Id),
                assessment.Property(a => a.EmployerId));
            assessment.HasIndex(a => new { a.TenantId, a.PartnershipId, a.EmployerId });
            assessment.Property(a => a.Facts).AsJson(Json);
            assessment.Property(a => a.Findings).AsJson(Json);
            assessment.Ignore(a => a.FactorsMet);
            assessment.Ignore(a => a.FactorsAssessed);
            assessment.Ignore(a => a.DomainEvents);
        });

        model.Entity<Placement>(placement =>
        {
            placement.HasKey(p => new { p.TenantId, p.PartnershipId, p.Id });
            Ids(placement.Property(p => p.TenantId), placement.Property(p => p.PartnershipId), placement.Property(p => p.Id),
                placement.Property(p => p.ParticipantId), placement.Property(p => p.EmployerId));
            placement.Property(p => p.Occupation).HasMaxLength(7);
            placement.Property(p => p.Facts).AsJson(Json);
            placement.Property(p => p.Verdict).HasConversion<string>().HasMaxLength(20);
            placement.Property(p => p.Reasons).AsJson(Json);
            placement.Ignore(p => p.DomainEvents);
        });

        model.Entity<Referral>(referral =>
        {
            referral.HasKey(r => new { r.TenantId, r.PartnershipId, r.ParticipantId, r.Id });
            Ids(referral.Property(r => r.TenantId), referral.Property(r => r.PartnershipId), referral.Property(r => r.ParticipantId),
                referral.Property(r => r.Id), referral.Property(r => r.OrganizationId));
            referral.Property(r => r.Barrier).HasConversion<string>().HasMaxLength(30);
            referral.Property(r => r.Need).HasConversion<string>().HasMaxLength(30);
            referral.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
            referral.HasEtagVersion();
            referral.Ignore(r => r.DomainEvents);
        });

        model.Entity<WorkBasedLearningOpportunity>(opportunity =>
        {
            opportunity.ToTable("work_based_learning_opportunities");
            opportunity.HasKey(o => new { o.TenantId, o.PartnershipId, o.Id });
            Ids(opportunity.Property(o => o.TenantId), opportunity.Property(o => o.PartnershipId), opportunity.Property(o => o.Id),
                opportunity.Property(o => o.EmployerId), opportunity.Property(o => o.CareerPathwayId), opportunity.Property(o => o.PathwayStep));
            opportunity.Property(o => o.DisplayName).HasMaxLength(300);
            opportunity.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            opportunity.Property(o => o.RapidsProgramNumber).HasMaxLength(30);
            opportunity.Property(o => o.Occupation).HasMaxLength(7);
            opportunity.Property(o => o.HourlyWage).HasPrecision(8, 2);
            opportunity.HasEtagVersion();
            opportunity.Ignore(o => o.DomainEvents);
        });

        // Anonymous feedback keeps no participant and no time of its own beyond the day it was given.
        model.Entity<WorkerFeedback>(feedback =>
        {
            feedback.ToTable("worker_feedback", table =>
                table.HasCheckConstraint("ck_worker_feedback_anonymous_names_no_participant", "NOT anonymous OR participant_id IS NULL"));
            feedback.HasKey(f => new { f.TenantId, f.PartnershipId, f.Id });
            Ids(feedback.Property(f => f.TenantId), feedback.Property(f => f.PartnershipId), feedback.Property(f => f.Id));
            feedback.Property(f => f.Subject).HasConversion<string>().HasMaxLength(30);
            feedback.Property(f => f.Barrier).HasConversion<string>().HasMaxLength(30);
            feedback.Property(f => f.ProgramId).HasMaxLength(63);
            feedback.Property(f => f.EmployerId).HasMaxLength(63);
            feedback.Property(f => f.Comment).HasMaxLength(Domain.WorkerFeedback.MaxCommentLength);
            feedback.Property(f => f.ParticipantId).HasMaxLength(63);
            feedback.Ignore(f => f.DomainEvents);
        });

        model.Entity<CapacityBuildingActivity>(activity =>
        {
            activity.ToTable("capacity_building_activities");
            activity.HasKey(a => new { a.TenantId, a.PartnershipId, a.Id });
            Ids(activity.Property(a => a.TenantId), activity.Property(a => a.PartnershipId), activity.Property(a => a.Id));
            activity.Property(a => a.Audience).HasConversion<string>().HasMaxLength(30);
            activity.Property(a => a.Topic).HasMaxLength(300);
            activity.Property(a => a.Hours).HasPrecision(7, 2);
            activity.Property(a => a.ProviderId).HasMaxLength(63);
            activity.Ignore(a => a.DomainEvents);
        });

        model.UseSnakeCaseNames();
        FilterByTenant(model);
    }

    private static void Ids(params PropertyBuilder<string>[] ids)
    {
        foreach (var id in ids)
        {
            id.HasMaxLength(63);
        }
    }
}
