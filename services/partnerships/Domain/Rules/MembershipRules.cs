using SectorMesh.Domain;

namespace SectorMesh.Partnerships.Domain.Rules;

/// <summary>The eight intermediary roles and fiscal agent are each held by exactly one organization.</summary>
public sealed record IntermediaryCoversEveryRoleOnce(IReadOnlyList<IntermediaryAssignment> Assignments) : IBusinessRule
{
    public IReadOnlyList<IntermediaryRole> Missing =>
        Enum.GetValues<IntermediaryRole>().Where(r => Assignments.All(a => a.Role != r)).ToList();

    public IReadOnlyList<IntermediaryRole> Repeated =>
        Assignments.GroupBy(a => a.Role).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    public string Message =>
        "Every intermediary role must be covered exactly once."
        + (Missing.Count > 0 ? $" Missing: {string.Join(", ", Missing)}." : "")
        + (Repeated.Count > 0 ? $" Assigned more than once: {string.Join(", ", Repeated)}." : "");

    public bool IsBroken() => Missing.Count > 0 || Repeated.Count > 0;
}

/// <summary>The Framework allows one intermediary, or two sharing the roles.</summary>
public sealed record IntermediaryIsOneOrTwoOrganizations(IReadOnlyList<IntermediaryAssignment> Assignments) : IBusinessRule
{
    private int Organizations => Assignments.Select(a => a.OrganizationId).Distinct().Count();

    public string Message => $"An intermediary is one organization or two sharing the roles; {Organizations} were named.";

    public bool IsBroken() => Organizations is < 1 or > 2;
}

public sealed record IntermediaryIsAPartner(IReadOnlyList<IntermediaryAssignment> Assignments, IReadOnlyList<PartnerMembership> Partners) : IBusinessRule
{
    private IReadOnlyList<string> Outsiders =>
        Assignments.Select(a => a.OrganizationId).Distinct()
            .Where(o => !Partners.Any(p => p.IsCurrent && p.OrganizationId == o)).ToList();

    public string Message => $"The intermediary must be a current partner; not partners: {string.Join(", ", Outsiders)}.";

    public bool IsBroken() => Outsiders.Count > 0;
}

public sealed record AgreementPartiesArePartners(IReadOnlyList<AgreementTerm> Terms, IReadOnlyList<PartnerMembership> Partners) : IBusinessRule
{
    private IReadOnlyList<string> Outsiders =>
        Terms.Select(t => t.OrganizationId)
            .Where(o => !Partners.Any(p => p.IsCurrent && p.OrganizationId == o)).ToList();

    public string Message => $"Every party to an agreement must be a current partner; not partners: {string.Join(", ", Outsiders)}.";

    public bool IsBroken() => Outsiders.Count > 0;
}

public sealed record OrganizationJoinsOnce(string OrganizationId, IReadOnlyList<PartnerMembership> Partners) : IBusinessRule
{
    public string Message => $"Organization {OrganizationId} is already a partner.";

    public bool IsBroken() => Partners.Any(p => p.IsCurrent && p.OrganizationId == OrganizationId);
}

/// <summary>An operating partnership cannot drop below its employer minimum by losing a partner.</summary>
public sealed record OperatingPartnershipKeepsMinimumEmployerPartners(
    PartnershipStage Stage, PartnerMembership Leaving, int EmployerPartners, int Minimum) : IBusinessRule
{
    public string Message =>
        $"The partnership is {Stage.ToString().ToLowerInvariant()} and needs at least {Minimum} employer partners; "
        + "add another employer or change the stage before this one leaves.";

    public bool IsBroken() =>
        Stage.IsOperating() && Leaving.PartnerType == PartnerType.Employer && EmployerPartners - 1 < Minimum;
}
