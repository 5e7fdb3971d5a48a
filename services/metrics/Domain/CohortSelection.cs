using System.Globalization;
using SectorMesh.Domain;
using SectorMesh.Metrics.Domain.Rules;

namespace SectorMesh.Metrics.Domain;

/// <summary>
/// Which cohort each indicator counts: a program year alone gives each indicator the cohort of the annual statewide report;
/// an exit window gives every exit-based indicator that window, and skill gains the program year (the given one, or the one
/// the window ends in).
/// </summary>
public sealed record CohortSelection(int ProgramYear, Window? Exits)
{
    public const int FirstProgramYear = 2000;
    public const int LastProgramYear = 2100;

    public static CohortSelection Read(int programYear, string exitStart, string exitEnd, DateOnly today)
    {
        var start = Date(exitStart, "exit_start", out var startProblem);
        var end = Date(exitEnd, "exit_end", out var endProblem);
        new Violations()
            .Require(programYear == 0 || programYear is >= FirstProgramYear and <= LastProgramYear, "program_year",
                $"must be a year from {FirstProgramYear} to {LastProgramYear}, such as 2024 for July 1, 2024 to June 30, 2025.")
            .Require(programYear != 0 || exitStart.Length > 0 || exitEnd.Length > 0, "program_year", "give program_year, or exit_start and exit_end.")
            .Require(startProblem is null, "exit_start", startProblem ?? "")
            .Require(endProblem is null, "exit_end", endProblem ?? "")
            .Require(exitStart.Length > 0 || exitEnd.Length == 0, "exit_start", "is required with exit_end.")
            .Require(exitEnd.Length > 0 || exitStart.Length == 0, "exit_end", "is required with exit_start.")
            .Require(start is null || end is null || end >= start, "exit_end", "must be on or after exit_start.")
            .ThrowIfAny();
        var exits = start is { } s && end is { } e ? new Window(s, e) : null;
        var year = programYear != 0 ? programYear : ProgramYearOf(exits!.End);
        BusinessRules.Check(new ProgramYearHasBegun(year, today));
        return new CohortSelection(year, exits);
    }

    /// <summary>The cohort of one indicator.</summary>
    public Window WindowFor(Indicator indicator) =>
        indicator == Indicator.MeasurableSkillGainsRate ? Window.ProgramYear(ProgramYear)
        : Exits ?? Window.ReportedFor(indicator, ProgramYear);

    /// <summary>The program year a date falls in: July 1 starts the next.</summary>
    public static int ProgramYearOf(DateOnly date) => date.Month >= 7 ? date.Year : date.Year - 1;

    private static DateOnly? Date(string text, string field, out string? problem)
    {
        problem = null;
        if (text.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problem = $"'{(text.Length <= 20 ? text : text[..20] + "…")}' is not a date as YYYY-MM-DD.";
        return null;
    }
}
