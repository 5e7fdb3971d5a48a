using SectorMesh.Metrics.Domain;

namespace SectorMesh.UnitTests.Metrics;

/// <summary>Periods of participation for worked examples: an adult who entered on 2023-01-09 and exited on 2023-09-15 unless told otherwise.</summary>
public static class Periods
{
    public static readonly DateOnly Exit = new(2023, 9, 15);

    /// <summary>Program year 2023's Q2 cohort (exits 2022-07-01 to 2023-06-30) does not hold Exit; this window does.</summary>
    public static readonly Window Cohort = new(new DateOnly(2023, 7, 1), new DateOnly(2023, 12, 31));

    public static readonly DateOnly LongAfter = new(2026, 1, 1);

    public static ParticipationPeriod Exited(
        QuarterAfterExit? q2 = null, QuarterAfterExit? q4 = null, ExitReason reason = ExitReason.None, WioaProgram program = WioaProgram.Adult,
        TrainingType[]? training = null, Credential[]? credentials = null, SkillGains? gains = null, DateOnly? exit = null, string id = "p1",
        bool postsecondary = false, bool secondary = false, bool noEducationalLevel = false, DateOnly? educationAfterExit = null,
        bool? retained = null, QuarterAfterExit? q1 = null, Demographics? demographics = null) =>
        new("healthcare", id, new DateOnly(2023, 1, 9), exit ?? Exit, program, reason, training ?? [], postsecondary, secondary, noEducationalLevel,
            educationAfterExit, [q1 ?? NotEmployed, q2 ?? NotEmployed, NotEmployed, q4 ?? NotEmployed], retained, credentials ?? [], gains ?? SkillGains.None,
            demographics ?? Demographics.Unknown);

    public static QuarterAfterExit Employed(decimal wages = 9_000m, string? employer = null, QuarterStatus status = QuarterStatus.Unsubsidized) =>
        new(status, 1, wages, employer);

    public static readonly QuarterAfterExit NotEmployed = new(QuarterStatus.NotEmployed, 0, 0m, null);
}
