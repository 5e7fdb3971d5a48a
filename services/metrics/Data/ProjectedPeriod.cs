using Microsoft.EntityFrameworkCore;
using Npgsql;
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

/// <summary>
/// The outcome columns of the periods some cohort can hold, read straight from the data reader (a statewide report reads a
/// million rows, and every allocation a row counts), alike demographics read as one instance.
/// </summary>
public static class StoredOutcomes
{
    private const string Columns =
        "exit_date, exit_reason, employed_q2, employed_q4, earnings_q2, wages_q2, credential, retention, skill_gains_excluded, " +
        "training_entered, training_completed, gain_program_years, sex, ethnicity_and_race, age_band, disability, barriers";

    /// <summary>Periods with an exit in <paramref name="exits"/>, or education or training overlapping <paramref name="programYear"/>.</summary>
    public static async Task<List<PeriodOutcomes>> ReadAsync(MetricsDbContext db, string tenant, string? partnership, Window exits, Window programYear,
        CancellationToken cancellationToken)
    {
        var outcomes = new List<PeriodOutcomes>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM periods WHERE tenant_id = @tenant AND (@partnership::text IS NULL OR partnership_id = @partnership) " +
                "AND outcomes_version = @version AND ((exit_date >= @first_exit AND exit_date <= @last_exit) " +
                "OR (training_entered <= @year_end AND (training_completed IS NULL OR training_completed >= @year_start)))", connection);
            command.Parameters.AddWithValue("tenant", tenant);
            command.Parameters.Add(new NpgsqlParameter("partnership", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)partnership ?? DBNull.Value });
            command.Parameters.AddWithValue("version", PeriodOutcomes.RulesVersion);
            command.Parameters.AddWithValue("first_exit", exits.Start);
            command.Parameters.AddWithValue("last_exit", exits.End);
            command.Parameters.AddWithValue("year_start", programYear.Start);
            command.Parameters.AddWithValue("year_end", programYear.End);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var demographics = new Dictionary<(int, int, int, int, string), Demographics>();
            while (await reader.ReadAsync(cancellationToken))
            {
                outcomes.Add(Read(reader, demographics));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // Periods stored under older rules (until they are decided again) are decided from the period itself.
        var older = await db.Periods.AsNoTracking()
            .Where(p => p.TenantId == tenant && (partnership == null || p.PartnershipId == partnership) && p.OutcomesVersion != PeriodOutcomes.RulesVersion)
            .Where(p => (p.ExitDate >= exits.Start && p.ExitDate <= exits.End)
                || (p.TrainingEntered <= programYear.End && (p.TrainingCompleted == null || p.TrainingCompleted >= programYear.Start)))
            .Select(p => p.Document.Period).ToListAsync(cancellationToken);
        outcomes.AddRange(older.Select(PeriodOutcomes.Of));
        return outcomes;
    }

    private static PeriodOutcomes Read(NpgsqlDataReader r, Dictionary<(int, int, int, int, string), Demographics> demographics)
    {
        DateOnly? Date(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
        int? Number(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
        var (sex, ethnicity, age, disability) = (Number(12), r.GetInt32(13), Number(14), r.IsDBNull(15) ? (bool?)null : r.GetBoolean(15));
        var barriers = r.GetFieldValue<string[]>(16);
        var key = (sex ?? -1, ethnicity, age ?? -1, disability is { } d ? (d ? 1 : 0) : -1, barriers.Length == 0 ? "" : string.Join('\u001f', barriers));
        if (!demographics.TryGetValue(key, out var shared))
        {
            shared = demographics[key] = new Demographics((Sex?)sex, [.. Enum.GetValues<EthnicityOrRace>().Where(c => (ethnicity & 1 << (int)c) != 0)],
                (AgeBand?)age, disability, barriers);
        }
        return new PeriodOutcomes(Date(0), (ExitReason)r.GetInt32(1), (Outcome)r.GetInt32(2), (Outcome)r.GetInt32(3), (Outcome)r.GetInt32(4),
            r.IsDBNull(5) ? null : r.GetDecimal(5), (Outcome)r.GetInt32(6), (Outcome)r.GetInt32(7), r.GetBoolean(8), Date(9), Date(10),
            r.GetFieldValue<int[]>(11), shared);
    }
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
