using SectorMesh.Contracts.Resources.V1;
using GetPartnershipRequest = SectorMesh.Contracts.Partnerships.V1.GetPartnershipRequest;
using Date = Google.Type.Date;
using Money = Google.Type.Money;

namespace SectorMesh.SampleData;

/// <summary>
/// The Central Ohio healthcare partnership's funding, partner commitments and needs, for the resource report.
/// The state agency awards two of the grants and the community foundation two, so concentration is by funder;
/// the foundation's operating support is unrestricted and covers what the strategies' own funding leaves open;
/// Riverside's tuition pledge is also its employer funding, recorded once as each and counted once.
/// </summary>
public sealed class HealthcareResources(SampleClient client)
{
    private const string Recruitment = "Shared recruitment and screening for entry-level roles";
    private const string Apprenticeship = "Registered apprenticeship expansion";

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    private static Period Span(int fromYear, int toYear) => new()
    {
        StartDate = new Date { Year = fromYear, Month = 1, Day = 1 },
        EndDate = new Date { Year = toYear, Month = 12, Day = 31 },
    };

    public async Task LoadAsync(string partnership, string tenant)
    {
        var auth = client.Auth;
        var strategies = (await client.Partnerships.GetPartnershipAsync(new GetPartnershipRequest { Name = partnership }, auth)).Strategies
            .ToDictionary(s => s.Title, s => s.Name);
        var recruitment = strategies[Recruitment];
        var apprenticeship = strategies[Apprenticeship];
        const string State = "Ohio Department of Job and Family Services";
        const string Foundation = "The Columbus Foundation";
        (string Id, FundingSource Source)[] funding =
        [
            ("wioa-title-i", new() { DisplayName = "WIOA Title I Adult and Dislocated Worker training", Funder = State, Kind = FundingKind.WioaTitleI, Amount = Usd(450_000), Period = Span(2026, 2026), Status = FundingStatus.Awarded, SectorStrategy = apprenticeship, Restrictions = "Eligible training providers only" }),
            ("state-innovation", new() { DisplayName = "State workforce innovation grant", Funder = State, Kind = FundingKind.State, Amount = Usd(120_000), Period = Span(2026, 2026), Status = FundingStatus.Awarded, SectorStrategy = recruitment }),
            ("health-careers-fund", new() { DisplayName = "Community foundation health careers fund", Funder = Foundation, Kind = FundingKind.Philanthropic, Amount = Usd(200_000), Period = Span(2026, 2027), Status = FundingStatus.Awarded, SectorStrategy = apprenticeship }),
            ("operating-support", new() { DisplayName = "Community foundation operating support", Funder = Foundation, Kind = FundingKind.Philanthropic, Amount = Usd(60_000), Period = Span(2026, 2027), Status = FundingStatus.Awarded }),
            ("riverside-tuition", new() { DisplayName = "Riverside tuition support for apprentices", Funder = "Riverside Regional Medical Center", Kind = FundingKind.EmployerOrPrivate, Amount = Usd(80_000), Period = Span(2026, 2026), Status = FundingStatus.Awarded, SectorStrategy = apprenticeship }),
            ("employer-pooled-fund", new() { DisplayName = "Employer pooled training fund", Funder = "Central Ohio hospital employers", Kind = FundingKind.EmployerOrPrivate, Amount = Usd(75_000), Period = Span(2027, 2027), Status = FundingStatus.Prospect, SectorStrategy = apprenticeship }),
        ];
        foreach (var (id, source) in funding)
        {
            await client.Resources.CreateFundingSourceAsync(new CreateFundingSourceRequest { Parent = partnership, FundingSourceId = id, FundingSource = source }, auth);
        }

        var agreement = $"{partnership}/agreements/1";
        var riverside = await client.Resources.CreateCommitmentAsync(new CreateCommitmentRequest
        {
            Parent = partnership, CommitmentId = "riverside-tuition",
            Commitment = new Commitment { Organization = $"{tenant}/organizations/riverside-medical", Agreement = agreement, Kind = CommitmentKind.Cash, Description = "Tuition support for apprentices", Value = Usd(80_000), Period = Span(2026, 2026), SectorStrategy = apprenticeship, FundingSource = $"{partnership}/fundingSources/riverside-tuition" },
        }, auth);
        var scioto = await client.Resources.CreateCommitmentAsync(new CreateCommitmentRequest
        {
            Parent = partnership, CommitmentId = "scioto-preceptors",
            Commitment = new Commitment { Organization = $"{tenant}/organizations/scioto-health", Agreement = agreement, Kind = CommitmentKind.StaffTime, Description = "Preceptor hours for clinical rotations", Hours = 600, HourlyRate = Usd(65), Period = Span(2026, 2026), SectorStrategy = apprenticeship },
        }, auth);
        await client.Resources.CreateCommitmentAsync(new CreateCommitmentRequest
        {
            Parent = partnership, CommitmentId = "capital-state-curriculum",
            Commitment = new Commitment { Organization = $"{tenant}/organizations/capital-state-cc", Agreement = agreement, Kind = CommitmentKind.Curriculum, Description = "Medical assistant curriculum aligned to employer needs", Value = Usd(25_000), Period = Span(2026, 2026), SectorStrategy = recruitment },
        }, auth);
        await client.Resources.RecordContributionAsync(new RecordContributionRequest
        {
            Name = riverside.Name, Contribution = new Contribution { Date = new Date { Year = 2026, Month = 6, Day = 30 }, Value = Usd(40_000), Note = "First semester" },
        }, auth);
        await client.Resources.RecordContributionAsync(new RecordContributionRequest
        {
            Name = scioto.Name, Contribution = new Contribution { Date = new Date { Year = 2026, Month = 9, Day = 30 }, Hours = 350, Note = "Summer rotations" },
        }, auth);

        (string Strategy, Period Period, long Amount)[] needs =
        [
            (recruitment, Span(2026, 2026), 180_000),
            (apprenticeship, Span(2026, 2026), 650_000),
            (apprenticeship, Span(2027, 2027), 500_000),
        ];
        foreach (var (strategy, period, amount) in needs)
        {
            await client.Resources.CreateResourceNeedAsync(new CreateResourceNeedRequest
            {
                Parent = partnership, ResourceNeed = new ResourceNeed { SectorStrategy = strategy, Period = period, Amount = Usd(amount) },
            }, auth);
        }
    }
}
