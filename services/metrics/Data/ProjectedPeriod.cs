using Microsoft.EntityFrameworkCore;
using SectorMesh.Metrics.Domain;

namespace SectorMesh.Metrics.Data;

/// <summary>
/// A period of participation as Metrics holds it: keyed as the Career Pathways service keys its participant and the
/// period's number among that participant's periods (1 the oldest), with the revision it was projected from (an older or
/// repeated event changes nothing), when that change happened, the dates cohorts are selected by, the period itself, and
/// its outcomes (<see cref="PeriodOutcomes"/>) in small columns, which are all the indicators read.
/// </summary>
public sealed class ProjectedPeriod
{
    public string TenantId { get; set; } = "";
    public string PartnershipId { get; set; } = "";
    public string ParticipantId { get; set; } = "";
    public int PeriodNumber { get; set; }
    public long SourceRevision { get; set; }
    public DateTimeOffset SourceTime { get; set; }
    public DateOnly? ExitDate { get; set; }
    public DateOnly? TrainingEntered { get; set; }
    public DateOnly? TrainingCompleted { get; set; }

    /// <summary>The period's <see cref="ParticipationPeriod.Progressing"/>, as a column the scorecard counts by.</summary>
    public bool Progressing { get; set; }

    /// <summary>The period itself, in a table of its own so that a report over a million periods scans only the small columns.</summary>
    public PeriodDocument Document { get; set; } = null!;

    /// <summary>The <see cref="PeriodOutcomes.RulesVersion"/> the outcome columns were decided by; 0 for a period stored before there were any.</summary>
    public int OutcomesVersion { get; set; }
    public ExitReason ExitReason { get; set; }
    public Outcome EmployedQ2 { get; set; }
    public Outcome EmployedQ4 { get; set; }
    public Outcome EarningsQ2 { get; set; }
    public decimal? WagesQ2 { get; set; }
    public Outcome Credential { get; set; }
    public Outcome Retention { get; set; }
    public bool SkillGainsExcluded { get; set; }
    public int[] GainProgramYears { get; set; } = [];
    public Sex? Sex { get; set; }

    /// <summary>The ethnicity and race categories, a bit each (1 &lt;&lt; <see cref="EthnicityOrRace"/>).</summary>
    public int EthnicityAndRace { get; set; }
    public AgeBand? AgeBand { get; set; }
    public bool? Disability { get; set; }
    public string[] Barriers { get; set; } = [];

    /// <summary>Takes the period and the outcomes the indicators' rules give it.</summary>
    public void Hold(ParticipationPeriod period)
    {
        var outcomes = PeriodOutcomes.Of(period);
        Document ??= new PeriodDocument { TenantId = TenantId, PartnershipId = PartnershipId, ParticipantId = ParticipantId, PeriodNumber = PeriodNumber };
        Document.Period = period;
        (ExitDate, Progressing) = (period.Exit, period.Progressing);
        (TrainingEntered, TrainingCompleted) = (outcomes.EducationOrTrainingEntered, outcomes.EducationOrTrainingCompleted);
        (OutcomesVersion, ExitReason, EmployedQ2, EmployedQ4, EarningsQ2, WagesQ2, Credential, Retention, SkillGainsExcluded, GainProgramYears) =
            (PeriodOutcomes.RulesVersion, outcomes.ExitReason, outcomes.EmployedQ2, outcomes.EmployedQ4, outcomes.EarningsQ2, outcomes.WagesQ2,
                outcomes.Credential, outcomes.Retention, outcomes.SkillGainsExcluded, [.. outcomes.GainProgramYears]);
        var demographics = outcomes.Demographics;
        (Sex, EthnicityAndRace, AgeBand, Disability, Barriers) = (demographics.Sex,
            demographics.EthnicityAndRace.Aggregate(0, (mask, category) => mask | 1 << (int)category), demographics.AgeAtEntry, demographics.Disability,
            [.. demographics.Barriers]);
    }
}

/// <summary>A projected period's document: what the period holds, read where a figure needs more than its outcomes.</summary>
public sealed class PeriodDocument
{
    public string TenantId { get; set; } = "";
    public string PartnershipId { get; set; } = "";
    public string ParticipantId { get; set; } = "";
    public int PeriodNumber { get; set; }
    public ParticipationPeriod Period { get; set; } = null!;
}

/// <summary>The outcome columns of periods as the domain's <see cref="PeriodOutcomes"/>, alike demographics read as one instance.</summary>
public static class StoredOutcomes
{
    public static async Task<List<PeriodOutcomes>> ReadAsync(IQueryable<ProjectedPeriod> periods, CancellationToken cancellationToken)
    {
        var current = await periods.Where(p => p.OutcomesVersion == PeriodOutcomes.RulesVersion)
            .Select(p => new Row(p.ExitDate, p.ExitReason, p.EmployedQ2, p.EmployedQ4, p.EarningsQ2, p.WagesQ2, p.Credential, p.Retention,
                p.SkillGainsExcluded, p.TrainingEntered, p.TrainingCompleted, p.GainProgramYears, p.Sex, p.EthnicityAndRace, p.AgeBand, p.Disability, p.Barriers))
            .ToListAsync(cancellationToken);
        var demographics = new Dictionary<(Sex?, int, AgeBand?, bool?, string), Demographics>();
        var outcomes = new List<PeriodOutcomes>(current.Count);
        foreach (var r in current)
        {
            var key = (r.Sex, r.EthnicityAndRace, r.AgeBand, r.Disability, string.Join('\u001f', r.Barriers));
            if (!demographics.TryGetValue(key, out var shared))
            {
                shared = demographics[key] = new Demographics(r.Sex,
                    [.. Enum.GetValues<EthnicityOrRace>().Where(c => (r.EthnicityAndRace & 1 << (int)c) != 0)], r.AgeBand, r.Disability, r.Barriers);
            }
            outcomes.Add(new PeriodOutcomes(r.Exit, r.ExitReason, r.EmployedQ2, r.EmployedQ4, r.EarningsQ2, r.WagesQ2, r.Credential, r.Retention,
                r.SkillGainsExcluded, r.TrainingEntered, r.TrainingCompleted, r.GainProgramYears, shared));
        }
        // Periods stored under older rules (until they are decided again) are decided from the period itself.
        var older = await periods.Where(p => p.OutcomesVersion != PeriodOutcomes.RulesVersion).Select(p => p.Document.Period).ToListAsync(cancellationToken);
        outcomes.AddRange(older.Select(PeriodOutcomes.Of));
        return outcomes;
    }

    private sealed record Row(DateOnly? Exit, ExitReason ExitReason, Outcome EmployedQ2, Outcome EmployedQ4, Outcome EarningsQ2, decimal? WagesQ2,
        Outcome Credential, Outcome Retention, bool SkillGainsExcluded, DateOnly? TrainingEntered, DateOnly? TrainingCompleted, int[] GainProgramYears,
        Sex? Sex, int EthnicityAndRace, AgeBand? AgeBand, bool? Disability, string[] Barriers);
}

/// <summary>
/// How many changes the projections have applied to a tenant's periods: part of every cached answer's key, so an answer is
/// never served after a change it does not count has been applied.
/// </summary>
public sealed class TenantGeneration
{
    public string TenantId { get; set; } = "";
    public long Generation { get; set; }
}

/// <summary>A partnership's facts as the other services' events state them, one row a partnership, for the scorecard and the statewide view.</summary>
public sealed class ProjectedPartnership
{
    public string TenantId { get; set; } = "";
    public string PartnershipId { get; set; } = "";
    public PartnershipFacts Facts { get; set; } = new();
}
