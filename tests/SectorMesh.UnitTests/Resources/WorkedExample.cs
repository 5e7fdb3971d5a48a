using SectorMesh.Resources.Domain;

namespace SectorMesh.UnitTests.Resources;

/// <summary>
/// One partnership's resources, small enough to check by hand, in USD:
/// WIOA Title I 400,000 and State 100,000 for 2026, philanthropy 150,000 over 2026-2027 (all
/// awarded), an employer gift of 50,000 still a prospect; the hospital pledged 60,000 cash for
/// 2026 and gave 30,000; the clinic pledged 500 staff hours at 80 (40,000) from July 2026 to
/// June 2027 and gave 600 hours. The nursing strategy needs 800,000 in 2026 and 600,000 in 2027.
/// </summary>
internal static class WorkedExample
{
    public const string Nursing = "Nursing apprenticeships";
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly PartnershipRoster Roster = new(new HashSet<string> { "hospital", "clinic", "board" }, new HashSet<int> { 1 });

    public static Money Usd(decimal amount) => new(amount, "USD");

    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static FundingSource Funding(string id, FundingKind kind, decimal amount, Period period, FundingStatus status) =>
        FundingSource.Record("oh", "healthcare", id, id, kind, Usd(amount), period, "", status, Nursing, Now);

    public static List<FundingSource> Funding() =>
    [
        Funding("wioa", FundingKind.WioaTitleI, 400_000, Year(2026), FundingStatus.Awarded),
        Funding("state", FundingKind.State, 100_000, Year(2026), FundingStatus.Awarded),
        Funding("foundation", FundingKind.Philanthropic, 150_000, new Period(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), FundingStatus.Awarded),
        Funding("employer-gift", FundingKind.EmployerOrPrivate, 50_000, Year(2026), FundingStatus.Prospect),
    ];

    public static List<ResourceCommitment> Commitments()
    {
        var hospital = ResourceCommitment.Make("oh", "healthcare", "hospital-cash", "hospital", 1, CommitmentKind.Cash, "Tuition support",
            Usd(60_000), null, null, Year(2026), Nursing, Roster, Now);
        hospital.RecordContribution(new DateOnly(2026, 6, 1), Usd(30_000), null, "First half", Now);
        var clinic = ResourceCommitment.Make("oh", "healthcare", "clinic-preceptors", "clinic", 1, CommitmentKind.StaffTime, "Preceptor hours",
            null, 500, Usd(80), new Period(new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30)), Nursing, Roster, Now);
        clinic.RecordContribution(new DateOnly(2026, 10, 1), null, 600, "Preceptors, July to September", Now);
        return [hospital, clinic];
    }

    public static List<ResourceNeed> Needs() =>
    [
        ResourceNeed.Plan("oh", "healthcare", "nursing-2026", Nursing, Year(2026), Usd(800_000)),
        ResourceNeed.Plan("oh", "healthcare", "nursing-2027", Nursing, Year(2027), Usd(600_000)),
    ];

    public static ResourceFigures Figures(List<FundingSource>? funding = null) =>
        new(funding ?? Funding(), Commitments(), Needs(), "USD");
}
