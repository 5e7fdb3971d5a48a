using SectorMesh.Domain;

namespace SectorMesh.Metrics.Domain.Rules;

/// <summary>A program year that has not begun has no periods to count yet: its figures would all be empty, not zero.</summary>
public sealed record ProgramYearHasBegun(int ProgramYear, DateOnly Today) : IBusinessRule
{
    public string Message =>
        $"Program year {ProgramYear} begins on {Window.ProgramYear(ProgramYear).Start:yyyy-MM-dd}; ask for a program year that has begun.";

    public bool IsBroken() => Window.ProgramYear(ProgramYear).Start > Today;
}
