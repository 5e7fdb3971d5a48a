using SectorMesh.Resources.Domain;

namespace SectorMesh.UnitTests.Resources;

/// <summary>
/// One partnership's resources, small enough to check by hand, in USD:
/// WIOA Title I 400,000 and State 100,000 for 2026, philanthropy 150,000 over 2026-2027 (all
/// awarded), an employer gift of 50,000 still a prospect; the hospital pledged 60,000 cash for
/// 2026 and gave 30,000; the clinic pledged 500 staff hours at 80 (40,000) from July 2026 to
/// June 2027 and gave 600 hours. The nursing strategy needs 800,000 in 2026 and 600,000 in 2027.
/// All of it is for the nursing strategy, and the report is read on 1 November 2026.
/// </summary>
internal static class WorkedExample
{
    public static readonly StrategyRef Nursing = new("nursing", "Nursing apprenticeships");
    public static readonly StrategyRef Welding = new("welding", "Welding pre-apprenticeship");
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Hospital, clinic and board are partners and the parties to agreement 1, which is signed.</summary>
    public static readonly PartnershipRoster Roster = RosterWith(new AgreementOnFile(1, AgreementStanding.Signed, Parties("hospital", "clinic", "board")));

    public static PartnershipRoster RosterWith(params AgreementOnFile[] agreements) => new(
        Parties("hospital", "clinic", "board"), agreements,
        new Dictionary<string, string> { [Nursing.Id] = Nursing.Title, [Welding.Id] = Welding.Title });

    public static HashSet<string> Parties(params string[] organizations) => [.. organizations];

    public static Money Usd(decimal amount) => new(amount, "USD");

    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static FundingSource Funding(string id, FundingKind kind, decimal amount, Period period, FundingStatus status) =>
        Funding(id, kind, amount, period, status, Nursing);

    public static FundingSource Funding(string id, FundingKind kind, decimal amount, Period period, FundingStatus status, StrategyRef strategy,
        string funder = "") =>
        FundingSource.Record("oh", "healthcare", id, id, kind, Usd(amount), period, "", status, strategy, funder, Now);

    public static List<FundingSource> Funding() =>
    [
        Funding("wioa", FundingKind.WioaTitleI, 400_000, Year(2026), FundingStatus.Awarded),
        Funding("state", FundingKind.State, 100_000, Year(2026), FundingStatus.Awarded),
        Funding("foundation", FundingKind.Philanthropic, 150_000, new Period(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), FundingStatus.Awarded),
        Funding("employer-gift", FundingKind.EmployerOrPrivate, 50_000, Year(2026), FundingStatus.Prospect),
    ];

    public static ResourceCommitment Cash(string id, string organization, decimal amount, Period period, StrategyRef strategy, string fundingSourceId = "",
        int agreement = 1, PartnershipRoster? roster = null) =>
        ResourceCommitment.Make("oh", "healthcare", id, organization, agreement, CommitmentKind.Cash, "", Usd(amount), null, null, period, strategy,
            fundingSourceId, roster ?? Roster, Now);

    public static List<ResourceCommitment> Commitments()
    {
        var hospital = ResourceCommitment.Make("oh", "healthcare", "hospital-cash", "hospital", 1, CommitmentKind.Cash, "Tuition support",
            Usd(60_000), null, null, Year(2026), Nursing, "", Roster, Now);
        hospital.RecordContribution(new DateOnly(2026, 6, 1), Usd(30_000), null, "First half", Now);
        var clinic = ResourceCommitment.Make("oh", "healthcare", "clinic-preceptors", "clinic", 1, CommitmentKind.StaffTime, "Preceptor hours",
            null, 500, Usd(80), new Period(new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30)), Nursing, "", Roster, Now);
        clinic.RecordContribution(new DateOnly(2026, 10, 1), null, 600, "Preceptors, July to September", Now);
        return [hospital, clinic];
    }

    public static ResourceNeed Need(string id, StrategyRef strategy, Period period, decimal amount) =>
        ResourceNeed.Plan("oh", "healthcare", id, strategy, period, Usd(amount));

    public static List<ResourceNeed> Needs() =>
    [
        Need("nursing-2026", Nursing, Year(2026), 800_000),
        Need("nursing-2027", Nursing, Year(2027), 600_000),
    ];

    public static ResourceFigures Figures(List<FundingSource>? funding = null) =>
        new(funding ?? Funding(), Commitments(), Needs(), "USD", Today);

    public static ResourceFigures Figures(List<FundingSource> funding, List<ResourceCommitment> commitments, List<ResourceNeed> needs) =>
        new(funding, commitments, needs, "USD", Today);
}
