using SectorMesh.Domain;

namespace SectorMesh.Pathways.Domain.Rules;

/// <summary>An opportunity cannot place more learners than it has places; offering more is a new opportunity, or a larger one recorded anew.</summary>
public sealed record PlacesFilledWithinPlacesOffered(int PlacesFilled, int PlacesOffered) : IBusinessRule
{
    public string Message => $"{PlacesFilled} places filled is more than the {PlacesOffered} places the opportunity offers.";

    public bool IsBroken() => PlacesFilled > PlacesOffered;
}
