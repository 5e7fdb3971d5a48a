using SectorMesh.Domain;

namespace SectorMesh.Metrics.Domain.Rules;

/// <summary>A progress review looks back on a period, so it is held once the period has ended and its figures can be frozen.</summary>
public sealed record ReviewFollowsItsPeriod(string Period, DateOnly PeriodEnd, DateOnly HeldOn) : IBusinessRule
{
    public string Message => $"A review of {Period} is held after the period ends on {PeriodEnd:yyyy-MM-dd}, not on {HeldOn:yyyy-MM-dd}.";

    public bool IsBroken() => HeldOn <= PeriodEnd;
}
