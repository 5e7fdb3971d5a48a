using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain.Rules;

/// <summary>A participant's exit is the last date of service; a later service is a new period of participation, not a second exit.</summary>
public sealed record ExitsOnce(DateOnly? ExitDate) : IBusinessRule
{
    public string Message => $"The participant already exited on {ExitDate:yyyy-MM-dd}; a later service starts a new period of participation (reenter).";

    public bool IsBroken() => ExitDate is not null;
}

/// <summary>Outcomes are measured in the quarters after exit, so a participant who has not exited has none.</summary>
public sealed record OutcomesFollowExit(DateOnly? ExitDate) : IBusinessRule
{
    public string Message => "Employment outcomes are recorded for the quarters after exit; the participant has not exited.";

    public bool IsBroken() => ExitDate is null;
}

/// <summary>A new period of participation starts after the last one has exited, never inside it.</summary>
public sealed record EntersAgainAfterExit(DateOnly? ExitDate, DateOnly EntryDate) : IBusinessRule
{
    public string Message => ExitDate is null
        ? "The participant has not exited; a new period of participation starts only after an exit."
        : $"A new period of participation must start after the exit on {ExitDate:yyyy-MM-dd}, not on {EntryDate:yyyy-MM-dd}.";

    public bool IsBroken() => ExitDate is null || EntryDate <= ExitDate;
}
