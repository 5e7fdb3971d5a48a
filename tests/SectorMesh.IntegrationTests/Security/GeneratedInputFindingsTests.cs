using Google.Rpc;
using Grpc.Core;
using SectorMesh.IntegrationTests.Infrastructure;
using Engagement = SectorMesh.Contracts.Engagement.V1;
using SectorMesh.Contracts.Partnerships.V1;
using Resources = SectorMesh.Contracts.Resources.V1;

namespace SectorMesh.IntegrationTests.Security;

/// <summary>
/// The inputs that generated inputs (<see cref="GeneratedInputTests"/>) found answered with UNKNOWN, or with the gateway's
/// 503, each kept as the caller's invalid argument naming the field.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Suite", "Security")]
public sealed class GeneratedInputFindingsTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        await KnownResources.CreateAsync(_tenant);
        _partnership = $"{_tenant.Tenant}/partnerships/healthcare";
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static async Task<(StatusCode Status, string? Field)> RefusalOf<T>(AsyncUnaryCall<T> call)
    {
        try
        {
            await call;
            return (StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault()?.Field);
        }
    }

    [Fact]
    public async Task A_wage_that_is_not_a_number_is_refused_naming_the_field()
    {
        var refusal = await RefusalOf(platform.EngagementThroughGateway.RecordEmployerNeedAsync(new Engagement.RecordEmployerNeedRequest
        {
            Name = $"{_partnership}/employers/hospital", Need = new Engagement.EmployerNeed { SocCode = "29-1141", WageMin = double.NaN, WageMax = 40 },
        }, _tenant.Board));

        Assert.Equal((StatusCode.InvalidArgument, "need.wage_min"), refusal);
    }

    [Fact]
    public async Task A_skill_level_of_infinity_is_refused_naming_the_skill()
    {
        var refusal = await RefusalOf(platform.EngagementThroughGateway.CreateWorkforceCohortAsync(new Engagement.CreateWorkforceCohortRequest
        {
            Parent = _partnership,
            Cohort = new Engagement.WorkforceCohort
            {
                DisplayName = "Evening cohort",
                Skills = { new Engagement.WorkforceSkill { ElementId = "2.A.1.a", Level = 3 }, new Engagement.WorkforceSkill { ElementId = "2.A.1.b", Level = double.PositiveInfinity } },
            },
        }, _tenant.Board));

        Assert.Equal((StatusCode.InvalidArgument, "cohort.skills[1].level"), refusal);
    }

    [Fact]
    public async Task Hours_of_staff_time_past_what_a_decimal_holds_are_refused_naming_the_field()
    {
        var refusal = await RefusalOf(platform.ResourcesThroughGateway.CreateCommitmentAsync(new Resources.CreateCommitmentRequest
        {
            Parent = _partnership,
            Commitment = new Resources.Commitment
            {
                Organization = _tenant.Organization("hospital"), Agreement = $"{_partnership}/agreements/1", Kind = Resources.CommitmentKind.StaffTime,
                Hours = 1e29, HourlyRate = new Google.Type.Money { CurrencyCode = "USD", Units = 50 },
                Period = new Resources.Period { StartDate = Day(2026, 1, 1), EndDate = Day(2026, 12, 31) },
            },
        }, _tenant.Board));

        Assert.Equal((StatusCode.InvalidArgument, "commitment.hours"), refusal);
    }

    [Fact]
    public async Task Contributed_hours_past_what_a_decimal_holds_are_refused_naming_the_field()
    {
        var refusal = await RefusalOf(platform.ResourcesThroughGateway.RecordContributionAsync(new Resources.RecordContributionRequest
        {
            Name = $"{_partnership}/commitments/hospital-cash", Contribution = new Resources.Contribution { Date = Day(2026, 2, 1), Hours = 1e29 },
        }, _tenant.Board));

        Assert.Equal((StatusCode.InvalidArgument, "contribution.hours"), refusal);
    }

    [Fact]
    public async Task A_contribution_past_a_trillion_is_refused_so_that_the_commitments_total_still_fits_an_answer()
    {
        var refusal = await RefusalOf(platform.ResourcesThroughGateway.RecordContributionAsync(new Resources.RecordContributionRequest
        {
            Name = $"{_partnership}/commitments/hospital-cash",
            Contribution = new Resources.Contribution { Date = Day(2026, 2, 1), Value = new Google.Type.Money { CurrencyCode = "USD", Units = long.MaxValue } },
        }, _tenant.Board));

        Assert.Equal((StatusCode.InvalidArgument, "contribution.value.amount"), refusal);
    }

    [Fact]
    public async Task An_amount_whose_nanos_are_the_smallest_integer_is_refused_naming_the_field()
    {
        var refusal = await RefusalOf(platform.ResourcesThroughGateway.CreateFundingSourceAsync(new Resources.CreateFundingSourceRequest
        {
            Parent = _partnership,
            FundingSource = new Resources.FundingSource
            {
                DisplayName = "State grant", Kind = Resources.FundingKind.State, Amount = new Google.Type.Money { CurrencyCode = "USD", Units = -1, Nanos = int.MinValue },
                Period = new Resources.Period { StartDate = Day(2026, 1, 1), EndDate = Day(2026, 12, 31) },
            },
        }, _tenant.Board));

        Assert.Equal((StatusCode.InvalidArgument, "funding_source.amount.nanos"), refusal);
    }

    [Fact]
    public async Task A_review_of_a_data_point_holding_a_nul_character_is_refused_naming_the_field()
    {
        var refusal = await RefusalOf(platform.EngagementThroughGateway.CreateLmiReviewAsync(new Engagement.CreateLmiReviewRequest
        {
            Parent = _partnership,
            LmiReview = new Engagement.LmiReview { DataPoint = "\0", Organization = _tenant.Organization("hospital"), Verdict = Engagement.LmiVerdict.Confirmed },
        }, _tenant.Board));

        Assert.Equal((StatusCode.InvalidArgument, "lmi_review.data_point"), refusal);
    }

    [Fact]
    public async Task A_skills_gap_analysis_of_an_occupation_holding_a_nul_character_is_refused_naming_the_occupation()
    {
        var refusal = await RefusalOf(platform.EngagementThroughGateway.CreateSkillsGapAnalysisAsync(new Engagement.CreateSkillsGapAnalysisRequest
        {
            Parent = _partnership,
            SkillsGapAnalysis = new Engagement.SkillsGapAnalysis { Cohort = $"{_partnership}/cohorts/nurses", TargetOccupations = { "29-1141.00", "a\0b" } },
        }, _tenant.Board));

        Assert.Equal((StatusCode.InvalidArgument, "skills_gap_analysis.target_occupations[1]"), refusal);
    }

    [Fact]
    public async Task A_request_with_hundreds_of_invalid_fields_gets_its_refusal_through_the_gateway()
    {
        var refusal = await RefusalOf(platform.TenantsThroughGateway.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = _tenant.Tenant, RegionId = "everywhere",
            Region = new Region { DisplayName = "Everywhere", CountyFips = { Enumerable.Range(0, 300).Select(i => $"not a county {i}") } },
        }, _tenant.Board));

        Assert.Equal(StatusCode.InvalidArgument, refusal.Status);
    }
}
