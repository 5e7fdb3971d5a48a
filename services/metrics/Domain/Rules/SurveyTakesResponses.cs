using SectorMesh.Domain;

namespace SectorMesh.Metrics.Domain.Rules;

/// <summary>A closed survey's results are final: it takes no more responses and cannot be closed again.</summary>
public sealed record SurveyTakesResponses(string SurveyId, DateOnly? ClosedOn) : IBusinessRule
{
    public string Message => $"Survey {SurveyId} closed on {ClosedOn:yyyy-MM-dd}.";

    public bool IsBroken() => ClosedOn is not null;
}
