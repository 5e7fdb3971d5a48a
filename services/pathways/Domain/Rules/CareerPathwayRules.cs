using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain.Rules;

/// <summary>A participant stands on a step of the pathway, so a revision that drops the step would leave them nowhere.</summary>
public sealed record StepsInUseStay(IReadOnlyCollection<string> StepsInUse, IReadOnlyCollection<string> StepsKept) : IBusinessRule
{
    private IEnumerable<string> Dropped => StepsInUse.Except(StepsKept).Order(StringComparer.Ordinal);

    public string Message => $"Participants stand on {string.Join(", ", Dropped)}; move them to another step before removing it.";

    public bool IsBroken() => Dropped.Any();
}
