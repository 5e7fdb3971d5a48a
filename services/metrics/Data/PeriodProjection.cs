using Microsoft.EntityFrameworkCore;
using SectorMesh.Messaging;
using SectorMesh.Metrics.Domain;
using SectorMesh.ServiceDefaults;
using Events = SectorMesh.Contracts.Events.Pathways;

namespace SectorMesh.Metrics.Data;

/// <summary>
/// Keeps each period of participation as the Career Pathways service's newest ParticipationPeriodChanged says: an event of
/// a revision not newer than the one held changes nothing, so redeliveries, replays and events that overtake each other
/// leave the newest state; a `republish` of Pathways rebuilds every period from nothing. Events come in batches (an import
/// sends one per period of every participant), each batch read, applied and its tenants' generations advanced in one
/// transaction.
/// </summary>
public sealed class PeriodProjection(MetricsDbContext db, TenantScope tenants, TimeProvider clock, ProjectionMetrics metrics)
    : IdempotentBatchConsumer<Events.ParticipationPeriodChanged, MetricsDbContext>(db, tenants, clock)
{
    protected override async Task HandleAsync(IReadOnlyList<Events.ParticipationPeriodChanged> messages, CancellationToken cancellationToken)
    {
        foreach (var partnership in messages.GroupBy(m => (m.TenantId, m.PartnershipId)))
        {
            var (tenant, partnershipId) = partnership.Key;
            var participants = partnership.Select(m => m.ParticipantId).Distinct().ToList();
            var held = await Db.Periods.Include(p => p.Document)
                .Where(p => p.TenantId == tenant && p.PartnershipId == partnershipId && participants.Contains(p.ParticipantId))
                .ToDictionaryAsync(p => (p.ParticipantId, p.PeriodNumber), cancellationToken);
            foreach (var m in partnership.OrderBy(m => m.AggregateVersion))
            {
                Apply(held, m);
            }
        }
        foreach (var tenant in messages.Select(m => m.TenantId).Distinct())
        {
            await Db.AdvanceGenerationAsync(tenant, cancellationToken);
        }
    }

    private void Apply(Dictionary<(string, int), ProjectedPeriod> held, Events.ParticipationPeriodChanged m)
    {
        if (!held.TryGetValue((m.ParticipantId, m.Period), out var period))
        {
            period = new ProjectedPeriod { TenantId = m.TenantId, PartnershipId = m.PartnershipId, ParticipantId = m.ParticipantId, PeriodNumber = m.Period };
            held[(m.ParticipantId, m.Period)] = period;
            Db.Periods.Add(period);
        }
        else if (period.SourceRevision >= m.AggregateVersion)
        {
            return;
        }
        period.SourceRevision = m.AggregateVersion;
        period.SourceTime = m.OccurredAt;
        period.Hold(PeriodOf(m));
        metrics.Applied("pathways", m.OccurredAt);
    }

    /// <summary>
    /// The period the indicators read. A period reported under Youth (PIRL 905) is read as Youth, whose exclusions and
    /// placement rules differ; otherwise Dislocated Worker, Wagner-Peyser or, when no program is reported, Adult. Without
    /// 1811/1813, the span of education or training is the first training's entry to the last one's end.
    /// </summary>
    public static ParticipationPeriod PeriodOf(Events.ParticipationPeriodChanged m)
    {
        var training = m.Training.OrderBy(t => t.Entered).ToList();
        var gains = m.SkillGains.GroupBy(g => g.Kind).ToDictionary(g => g.Key, g => (DateOnly?)g.Max(x => x.Date));
        DateOnly? Latest(string kind) => gains.GetValueOrDefault(kind);
        var education = m.Education ?? new Events.PeriodEducation(false, false, null, null, null, null);
        var derivedSpan = education.CredentialTrainingEntered is null;
        var skillGains = new SkillGains(Latest("EducationalFunctioningLevel"), Latest("PostsecondaryTranscript"), Latest("SecondaryTranscript"),
            Latest("TrainingMilestone"), Latest("SkillsProgression"),
            derivedSpan ? training.FirstOrDefault()?.Entered : education.CredentialTrainingEntered,
            !derivedSpan ? education.CredentialTrainingCompleted
            : training.Count > 0 && training.All(t => t.Ended is not null) ? training.Max(t => t.Ended) : null);
        var quarters = Enumerable.Range(1, 4)
            .Select(q => m.Quarters.FirstOrDefault(o => o.Quarter == q) is { } o
                ? new QuarterAfterExit((QuarterStatus)o.Status, o.MatchType, o.Wages, o.EmployerId)
                : QuarterAfterExit.Unreported)
            .ToList();
        var demographics = new Demographics(
            m.Sex is { } sex && Enum.IsDefined((Sex)sex) ? (Sex)sex : null,
            [.. (m.EthnicityAndRace ?? []).Select(c => Enum.TryParse<EthnicityOrRace>(c, out var category) ? category : (EthnicityOrRace?)null).OfType<EthnicityOrRace>()],
            Enum.TryParse<AgeBand>(m.AgeBand, out var band) ? band : null,
            m.Barriers.Contains("Disability") ? true : null,
            [.. m.Barriers.Where(b => b != "Disability").Distinct().Order(StringComparer.Ordinal)]);
        var programs = m.Programs ?? [];
        var program = programs.Contains("Youth") ? WioaProgram.Youth
            : programs.Contains("Adult") ? WioaProgram.Adult
            : programs.Contains("DislocatedWorker") ? WioaProgram.DislocatedWorker
            : programs.Contains("WagnerPeyser") ? WioaProgram.WagnerPeyser
            : WioaProgram.Adult;
        return new ParticipationPeriod(m.PartnershipId, m.ParticipantId, m.EntryDate, m.ExitDate, program, (ExitReason)m.OtherExitReason,
            [.. training.Select(t => (TrainingType)t.Type)], education.Postsecondary, education.Secondary, education.HighestLevelAtEntry == 0,
            education.EnrolledAfterExit, quarters, m.RetainedWithSameEmployer,
            [.. m.Credentials.Select(c => new Credential((CredentialType)c.Type, c.Attained))], skillGains, demographics);
    }
}
