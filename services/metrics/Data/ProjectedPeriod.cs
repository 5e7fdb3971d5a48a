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
    public decimal? WagesQ2 { get; set; }
    public int[] GainProgramYears { get; set; } = [];
    public string[] Barriers { get; set; } = [];

    /// <summary>The five exit-based outcomes, the exit reason and whether skill gains exclude the period (<see cref="PackedOutcomes"/>).</summary>
    public int Outcomes { get; set; }

    /// <summary>Sex, age band, disability and the ethnicity and race categories (<see cref="PackedOutcomes"/>).</summary>
    public int DemographicCodes { get; set; }

    /// <summary>Takes the period and the outcomes the indicators' rules give it.</summary>
    public void Hold(ParticipationPeriod period)
    {
        var outcomes = PeriodOutcomes.Of(period);
        Document ??= new PeriodDocument { TenantId = TenantId, PartnershipId = PartnershipId, ParticipantId = ParticipantId, PeriodNumber = PeriodNumber };
        Document.Period = period;
        (ExitDate, Progressing) = (period.Exit, period.Progressing);
        (TrainingEntered, TrainingCompleted) = (outcomes.EducationOrTrainingEntered, outcomes.EducationOrTrainingCompleted);
        (OutcomesVersion, WagesQ2, GainProgramYears, Barriers) =
            (PeriodOutcomes.RulesVersion, outcomes.WagesQ2, [.. outcomes.GainProgramYears], [.. outcomes.Demographics.Barriers]);
        (Outcomes, DemographicCodes) = (PackedOutcomes.Outcomes(outcomes), PackedOutcomes.Demographics(outcomes.Demographics));
    }
}

/// <summary>
/// How a period's outcomes and demographics are packed into two integer columns: a report reads a million rows, and each
/// column a row costs PostgreSQL time to send. Outcomes take three bits each (EmployedQ2 from bit 0, then EmployedQ4,
/// EarningsQ2, Credential, Retention), the exit reason three bits from bit 15, skill gains excluded bit 18. Demographics: sex
/// in bits 0–1 (0 not reported, 1 male, 2 female, 3 did not self-identify), age band + 1 in bits 2–4 (0 not reported),
/// disability in bits 5–6 (0 not disclosed, 1 no, 2 yes), and a bit per ethnicity or race category from bit 7.
/// </summary>
public static class PackedOutcomes
{
    private static readonly EthnicityOrRace[] Categories = Enum.GetValues<EthnicityOrRace>();

    public static int Outcomes(PeriodOutcomes o) =>
        (int)o.EmployedQ2 | (int)o.EmployedQ4 << 3 | (int)o.EarningsQ2 << 6 | (int)o.Credential << 9 | (int)o.Retention << 12
        | (int)o.ExitReason << 15 | (o.SkillGainsExcluded ? 1 << 18 : 0);

    public static Outcome Outcome(int packed, int slot) => (Outcome)(packed >> 3 * slot & 7);

    public static ExitReason ExitReason(int packed) => (ExitReason)(packed >> 15 & 7);

    public static bool SkillGainsExcluded(int packed) => (packed & 1 << 18) != 0;

    public static int Demographics(Demographics d) =>
        (d.Sex switch { Sex.Male => 1, Sex.Female => 2, Sex.DidNotSelfIdentify => 3, _ => 0 })
        | (d.AgeAtEntry is { } age ? (int)age + 1 : 0) << 2
        | (d.Disability switch { null => 0, false => 1, true => 2 }) << 5
        | d.EthnicityAndRace.Aggregate(0, (mask, category) => mask | 1 << (int)category) << 7;

    public static Demographics Demographics(int packed, IReadOnlyList<string> barriers) => new(
        (packed & 3) switch { 1 => Sex.Male, 2 => Sex.Female, 3 => Sex.DidNotSelfIdentify, _ => null },
        [.. Categories.Where(c => (packed >> 7 & 1 << (int)c) != 0)],
        (packed >> 2 & 7) is var age and > 0 ? (AgeBand)(age - 1) : null,
        (packed >> 5 & 3) switch { 1 => false, 2 => true, _ => null },
        barriers);
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
    private const string Columns = "exit_date, wages_q2, training_entered, training_completed, gain_program_years, outcomes, demographic_codes, barriers";

    /// <summary>A period some cohort can hold: an exit in the exit windows, or education or training overlapping the program year.</summary>
    private const string InCohorts =
        "tenant_id = @tenant AND (@partnership::text IS NULL OR partnership_id = @partnership) " +
        "AND ((exit_date >= @first_exit AND exit_date <= @last_exit) " +
        "OR (training_entered <= @year_end AND (training_completed IS NULL OR training_completed >= @year_start)))";

    /// <summary>
    /// Hands <paramref name="count"/> each period with an exit in <paramref name="exits"/>, or education or training overlapping
    /// <paramref name="programYear"/>, as it is read.
    /// </summary>
    public static async Task ReadAsync(MetricsDbContext db, string tenant, string? partnership, Window exits, Window programYear,
        Action<PeriodOutcomes> count, CancellationToken cancellationToken)
    {
        NpgsqlParameter[] Parameters() =>
        [
            new("tenant", tenant), new("partnership", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)partnership ?? DBNull.Value },
            new("version", PeriodOutcomes.RulesVersion), new("first_exit", exits.Start), new("last_exit", exits.End),
            new("year_start", programYear.Start), new("year_end", programYear.End),
        ];
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM periods WHERE {InCohorts} AND outcomes_version = @version", connection);
            command.Parameters.AddRange(Parameters());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var demographics = new Dictionary<(int, string), Demographics>();
            while (await reader.ReadAsync(cancellationToken))
            {
                count(Read(reader, demographics));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // Periods stored under older rules (until they are decided again) are decided from the period itself.
        var older = await db.Periods.FromSqlRaw($"SELECT * FROM periods WHERE {InCohorts} AND outcomes_version <> @version", Parameters())
            .AsNoTracking().Select(p => p.Document.Period).ToListAsync(cancellationToken);
        foreach (var period in older)
        {
            count(PeriodOutcomes.Of(period));
        }
    }

    private static PeriodOutcomes Read(NpgsqlDataReader r, Dictionary<(int, string), Demographics> demographics)
    {
        DateOnly? Date(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
        var (outcomes, codes, barriers) = (r.GetInt32(5), r.GetInt32(6), r.GetFieldValue<string[]>(7));
        var key = (codes, barriers.Length == 0 ? "" : string.Join('\u001f', barriers));
        if (!demographics.TryGetValue(key, out var shared))
        {
            shared = demographics[key] = PackedOutcomes.Demographics(codes, barriers);
        }
        return new PeriodOutcomes(Date(0), PackedOutcomes.ExitReason(outcomes), PackedOutcomes.Outcome(outcomes, 0), PackedOutcomes.Outcome(outcomes, 1),
            PackedOutcomes.Outcome(outcomes, 2), r.IsDBNull(1) ? null : r.GetDecimal(1), PackedOutcomes.Outcome(outcomes, 3), PackedOutcomes.Outcome(outcomes, 4),
            PackedOutcomes.SkillGainsExcluded(outcomes), Date(2), Date(3), r.GetFieldValue<int[]>(4), shared);
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
