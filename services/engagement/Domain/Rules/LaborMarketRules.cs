using SectorMesh.Domain;

namespace SectorMesh.Engagement.Domain.Rules;

/// <summary>
/// Labor market figures are validated by the industry itself (Framework element 3): an employer confirms or disputes them
/// while it is a partner of the partnership, and its word stops counting once it leaves.
/// </summary>
public sealed record LaborMarketFiguresAreReviewedByCurrentEmployerPartners(string OrganizationId, EmployerEngagement? Reviewer) : IBusinessRule
{
    public string Message => $"Organization {OrganizationId} is not a current employer partner of the partnership; only those confirm or dispute its labor market figures.";

    public bool IsBroken() => Reviewer is not { IsCurrentPartner: true };
}
