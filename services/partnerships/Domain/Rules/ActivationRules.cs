using SectorMesh.Domain;

namespace SectorMesh.Partnerships.Domain.Rules;

/// <summary>A relationship with one employer is not a sector partnership.</summary>
public sealed record ActivePartnershipNeedsMinimumEmployerPartners(int EmployerPartners, int Minimum) : IBusinessRule
{
    public string Message =>
        $"An active partnership needs at least {Minimum} employer partners; it has {EmployerPartners}.";

    public bool IsBroken() => EmployerPartners < Minimum;
}

public sealed record ActivePartnershipNeedsIntermediary(Intermediary? Intermediary) : IBusinessRule
{
    public string Message => "An active partnership needs a designated intermediary.";

    public bool IsBroken() => Intermediary is null;
}

public sealed record ActivePartnershipNeedsVision(string Vision) : IBusinessRule
{
    public string Message => "An active partnership needs a shared vision.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(Vision);
}

public sealed record ActivePartnershipNeedsSignedAgreement(IReadOnlyList<PartnerAgreement> Agreements) : IBusinessRule
{
    public string Message => "An active partnership needs a signed partner agreement.";

    public bool IsBroken() => Agreements.All(a => a.Status != AgreementStatus.Signed);
}

public sealed record ActivePartnershipCannotBeDeleted(PartnershipStage Stage) : IBusinessRule
{
    public string Message => $"A partnership that is {Stage.ToString().ToLowerInvariant()} cannot be deleted; make it inactive first.";

    public bool IsBroken() => Stage.IsOperating();
}
