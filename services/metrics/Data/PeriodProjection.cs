using Microsoft.EntityFrameworkCore;
using SectorMesh.Messaging;
using SectorMesh.Metrics.Domain;
using Events = SectorMesh.Contracts.Events.Pathways;

namespace SectorMesh.Metrics.Data;

/// <summary>
/// Keeps each period of participation as the Career Pathways service's newest ParticipationPeriodChanged says: an event of
/// a revision not newer than the one held changes nothing, so redeliveries, replays and events that overtake each other
/// leave the newest state; a `republish` of Pathways rebuilds every period from nothing.
/// </summary>
public sealed class PeriodProjection(MetricsDbContext db, TimeProvider clock, ILogger<PeriodProjection> logger, ProjectionMetrics metrics)
    : IdempotentConsumer<Events.ParticipationPeriodChanged, MetricsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(Events.ParticipationPeriodChanged m, CancellationToken cancellationToken)
    {
        var held = await Db.Periods.SingleOrDefaultAsync(
            p => p.TenantId == m.TenantId && p.PartnershipId == m.PartnershipId && p.ParticipantId == m.ParticipantId, cancellationToken);
        if (held is not null && held.SourceRevision >= m.AggregateVersion)
        {
            return;
        }
        if (held is null)
        {
            held = new ProjectedPeriod { TenantId = m.TenantId, PartnershipId = m.PartnershipId, ParticipantId = m.ParticipantId };
            Db.Periods.Add(held);
        }
        var period = PeriodOf(m);
        held.SourceRevision = m.AggregateVersion;
        held.SourceTime = m.OccurredAt;
        held.ExitDate = period.Exit;
        held.TrainingEntered = period.SkillGains.EducationOrTrainingEntered;
        held.TrainingCompleted = period.SkillGains.EducationOrTrainingCompleted;
        held.Period = period;
        await Db.AdvanceGenerationAsync(m.TenantId, cancellationToken);
        metrics.Applied("pathways", m.OccurredAt);
    }

    /// <summary>
    /// The period the indicators read. What Career Pathways does not yet record (the WIOA program, other reasons for exit,
    /// PIRL 1332, 1401, 408, 1406, 1601-series match types and the demographic elements but disability) is read as
    /// the layout's default: an adult program, not reported.
    /// </summary>
    public static ParticipationPeriod PeriodOf(Events.ParticipationPeriodChanged m)
    {
        var training = m.Training.OrderBy(t => t.Entered).ToList();
        var gains = m.SkillGains.GroupBy(g => g.Kind).ToDictionary(g => g.Key, g => (DateOnly?)g.Max(x => x.Date));
        DateOnly? Latest(string kind) => gains.GetValueOrDefault(kind);
        var skillGains = new SkillGains(Latest("EducationalFunctioningLevel"), Latest("PostsecondaryTranscript"), Latest("SecondaryTranscript"),
            Latest("TrainingMilestone"), Latest("SkillsProgression"),
            training.FirstOrDefault()?.Entered,
            training.Count > 0 && training.All(t => t.Ended is not null) ? training.Max(t => t.Ended) : null);
        var quarters = Enumerable.Range(1, 4)
            .Select(q => m.Quarters.FirstOrDefault(o => o.Quarter == q) is { } o
                ? new QuarterAfterExit((QuarterStatus)o.Status, null, o.Wages, o.EmployerId)
                : QuarterAfterExit.Unreported)
            .ToList();
        var demographics = Demographics.Unknown with
        {
            Disability = m.Barriers.Contains("Disability") ? true : null,
            Barriers = [.. m.Barriers.Where(b => b != "Disability").Distinct().Order(StringComparer.Ordinal)],
        };
        return new ParticipationPeriod(m.PartnershipId, m.ParticipantId, m.EntryDate, m.ExitDate, WioaProgram.Adult, (ExitReason)m.OtherExitReason,
            [.. training.Select(t => (TrainingType)t.Type)], false, false, false, null, quarters, m.RetainedWithSameEmployer,
            [.. m.Credentials.Select(c => new Credential((CredentialType)c.Type, c.Attained))], skillGains, demographics);
    }
}
