using SectorMesh.Partnerships.Domain;

namespace SectorMesh.UnitTests.Partnerships;

/// <summary>Builds partnerships in the states the rules talk about, so each test states only what it varies.</summary>
internal static class PartnershipBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A partner member signing for its own organization.</summary>
    public static readonly Signer Member = new("member-of-the-party", OnBehalf: false);

    public static Organization Org(string id, PartnerType type) => Organization.Create("oh", id, $"Organization {id}", type, null);

    public static readonly Organization Hospital = Org("hospital", PartnerType.Employer);
    public static readonly Organization Clinic = Org("clinic", PartnerType.Employer);
    public static readonly Organization Board = Org("board", PartnerType.WorkforceBoard);
    public static readonly Organization College = Org("college", PartnerType.PostsecondaryEducation);

    public static Partnership Exploring() =>
        Partnership.Create("oh", "healthcare", "Central Ohio Healthcare Partnership", "central", new TargetSector("62", "Health Care and Social Assistance"), null, Now);

    public static IReadOnlyList<IntermediaryAssignment> AllRolesTo(string organizationId) =>
        Enum.GetValues<IntermediaryRole>().Select(r => new IntermediaryAssignment(r, organizationId)).ToList();

    public static Partnership WithPartners(params Organization[] organizations)
    {
        var partnership = Exploring();
        foreach (var organization in organizations)
        {
            partnership.AddPartner(organization, ["member"], new DateOnly(2026, 1, 15), Now);
        }
        return partnership;
    }

    public static void SignAgreement(Partnership partnership, params Organization[] parties)
    {
        var agreement = partnership.DraftAgreement(
            parties.Select(p => new AgreementTerm(p.Id, "A skilled pipeline", "Attend quarterly meetings")).ToList(), null, Now);
        partnership.CirculateAgreement(agreement.Version, "agreement", Now);
        foreach (var party in parties)
        {
            partnership.SignAgreement(agreement.Version, "agreement", party.Id, "A. Signer", "Director", Member, Now);
        }
    }

    /// <summary>A partnership that meets every condition to become active.</summary>
    public static Partnership ReadyToActivate()
    {
        var partnership = WithPartners(Hospital, Clinic, Board);
        partnership.DesignateIntermediary(AllRolesTo(Board.Id), Now);
        partnership.SetVision("Every resident can reach a family-sustaining health care career.", Now);
        SignAgreement(partnership, Hospital, Clinic, Board);
        return partnership;
    }
}
