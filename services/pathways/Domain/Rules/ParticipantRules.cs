using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain.Rules;

/// <summary>A participant's exit is the last date of service; a later service is a new period of participation, not a second exit.</summary>
public sealed record ExitsOnce(DateOnly? ExitDate) : IBusinessRule
{
    public string Message => $"The participant already exited on {ExitDate:yyyy-MM-dd}.";

    public bool IsBroken() => ExitDate is not null;
}

/// <summary>Outcomes are measured in the quarters after exit, so a participant who has not exited has none.</summary>
public sealed record OutcomesFollowExit(DateOnly? ExitDate) : IBusinessRule
{
    public string Message => "Employment outcomes are recorded for the quarters after exit; the participant has not exited.";

    public bool IsBroken() => ExitDate is null;
}
