using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using Organizations = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// Job quality through the gateway, over gRPC and JSON: a healthcare partnership asks for $18.00 an
/// hour, health insurance and paid leave and 14 days' notice of schedules; its employers are
/// assessed and its participants' hires are checked against that.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class JobQualityApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";

    private JobQuality.JobQualityClient Client => platform.JobQualityThroughGateway;
    private string Guidelines => $"{_partnership}/jobQualityGuidelines";

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        foreach (var organization in new[] { "hospital", "board" })
        {
            await platform.PartnershipsThroughGateway.AddPartnerAsync(new Organizations.AddPartnerRequest
            {
                Parent = _partnership, Partner = new Organizations.Partner { Organization = _tenant.Organization(organization) },
            }, _tenant.Board);
        }
        await platform.PathwaysThroughGateway.CreateParticipantAsync(new CreateParticipantRequest
        {
            Parent = _partnership, ParticipantId = "p-001",
            Participant = new Participant { EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 } },
        }, _tenant.Board);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Google.Type.Money Usd(long units, int cents = 0) => new() { CurrencyCode = "USD", Units = units, Nanos = cents * 10_000_000 };

    private Task<JobQualityGuidelines> SetHealthcareStandardsAsync(string etag = "") => Client.UpdateJobQualityGuidelinesAsync(new UpdateJobQualityGuidelinesRequest
    {
        JobQualityGuidelines = new JobQualityGuidelines
        {
            Name = Guidelines, Etag = etag,
            Commitments = { new FactorCommitment { Factor = JobQualityFactor.Pay, Commitment = "Every entry-level job pays at least a regional living wage." } },
            Standards =
            {
                new JobQualityStandard { MinimumHourlyWage = Usd(18) },
                new JobQualityStandard { RequiredBenefit = Benefit.HealthInsurance },
                new JobQualityStandard { RequiredBenefit = Benefit.PaidLeave },
                new JobQualityStandard { MinimumScheduleNoticeDays = 14 },
            },
        },
        UpdateMask = new FieldMask { Paths = { "commitments", "standards" } },
    }, _tenant.Board).ResponseAsync;

    private Placement Hire(long dollars, int cents) => new()
    {
        Participant = $"{_partnership}/participants/p-001", Employer = _tenant.Organization("hospital"), Occupation = "31-1131",
        StartDate = new Google.Type.Date { Year = 2026, Month = 10, Day = 5 }, HourlyWage = Usd(dollars, cents), WeeklyHours = 36,
        Benefits = { Benefit.HealthInsurance, Benefit.PaidLeave }, ScheduleNoticeDays = 14,
    };

    private static async Task<JsonElement> Body(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static IEnumerable<string?> Fields(JsonElement body) =>
        body.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString());

    [Fact]
    public async Task Guidelines_start_empty_are_updated_with_their_etag_and_a_stale_etag_is_refused()
    {
        var empty = await Client.GetJobQualityGuidelinesAsync(new GetJobQualityGuidelinesRequest { Name = Guidelines }, _tenant.Board);

        var updated = await SetHealthcareStandardsAsync(empty.Etag);

        Assert.Empty(empty.Standards);
        Assert.Equal(4, updated.Standards.Count);
        Assert.Equal(JobQualityFactor.Pay, updated.Standards[0].Factor);
        Assert.NotEqual(empty.Etag, updated.Etag);
        var read = await Client.GetJobQualityGuidelinesAsync(new GetJobQualityGuidelinesRequest { Name = Guidelines }, _tenant.Board);
        Assert.Equal((updated.Etag, 18L), (read.Etag, read.Standards[0].MinimumHourlyWage.Units));
        var stale = await Assert.ThrowsAsync<RpcException>(() => SetHealthcareStandardsAsync(empty.Etag));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    [Fact]
    public async Task Guidelines_are_updated_over_JSON_with_an_update_mask()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PatchAsJsonAsync($"/v1/{Guidelines}?updateMask=standards", new
        {
            standards = new object[] { new { minimumHourlyWage = new { currencyCode = "USD", units = "18" } }, new { requiredBenefit = "BENEFIT_PAID_LEAVE" } },
            commitments = new[] { new { factor = "JOB_QUALITY_FACTOR_PAY", commitment = "Not in the mask, so not changed." } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Body(response);
        Assert.Equal(2, body.GetProperty("standards").GetArrayLength());
        Assert.False(body.TryGetProperty("commitments", out var commitments) && commitments.GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_placement_below_the_minimum_wage_does_not_meet_the_guidelines_and_says_why_over_JSON()
    {
        await SetHealthcareStandardsAsync();
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsync($"/v1/{_partnership}/placements?placementId=hire-1",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(Hire(16, 50)), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var placement = await Body(response);
        Assert.Equal("GUIDELINES_CHECK_DOES_NOT_MEET", placement.GetProperty("guidelinesCheck").GetString());
        Assert.Equal(["The job pays $16.50 an hour, below the partnership's minimum of $18.00."],
            placement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_placement_that_meets_every_standard_is_read_back_and_listed()
    {
        await SetHealthcareStandardsAsync();

        var created = await Client.CreatePlacementAsync(new CreatePlacementRequest { Parent = _partnership, PlacementId = "hire-2", Placement = Hire(19, 0) }, _tenant.Board);
        var listed = await Client.ListPlacementsAsync(new ListPlacementsRequest { Parent = _partnership }, _tenant.Board);

        Assert.Equal(GuidelinesCheck.Meets, created.GuidelinesCheck);
        Assert.Equal(created, await Client.GetPlacementAsync(new GetPlacementRequest { Name = created.Name }, _tenant.Board));
        Assert.Equal([created.Name], listed.Placements.Select(p => p.Name));
    }

    [Fact]
    public async Task A_placement_goes_through_the_outbox_with_its_verdict_and_reasons()
    {
        await SetHealthcareStandardsAsync();
        await Client.CreatePlacementAsync(new CreatePlacementRequest { Parent = _partnership, PlacementId = "hire-3", Placement = Hire(16, 50) }, _tenant.Board);

        var payload = await Servers.ScalarAsync<string>(platform.ServiceDatabase("pathways"),
            $"SELECT payload::text FROM outbox_messages WHERE tenant_id = '{_tenant.TenantId}' AND type LIKE '%PlacementRecorded%'");

        using var recorded = JsonDocument.Parse(payload);
        var root = recorded.RootElement;
        Assert.Equal((JsonValueKind.False, "hire-3"), (Property(root, "MeetsGuidelines").ValueKind, Property(root, "PlacementId").GetString()));
        Assert.Contains("below the partnership's minimum of $18.00", Property(root, "Reasons")[0].GetString());
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public async Task A_placement_without_guidelines_says_so_rather_than_meeting_them()
    {
        var placement = await Client.CreatePlacementAsync(new CreatePlacementRequest { Parent = _partnership, Placement = Hire(19, 0) }, _tenant.Board);

        Assert.Equal(GuidelinesCheck.NoGuidelines, placement.GuidelinesCheck);
        Assert.Contains("no concrete job quality standard", placement.Reasons.Single());
    }

    [Fact]
    public async Task A_placement_with_bad_fields_is_refused_over_JSON_naming_each_field()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsJsonAsync($"/v1/{_partnership}/placements", new
        {
            participant = $"{_partnership}/participants/p-001", employer = _tenant.Organization("hospital"), occupation = "nurse",
            startDate = new { year = 2026, month = 10, day = 5 }, hourlyWage = new { currencyCode = "EUR", units = "18" }, weeklyHours = 36,
            benefits = new[] { "BENEFIT_UNSPECIFIED" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = Fields(await Body(response)).ToList();
        Assert.Contains("placement.occupation", fields);
        Assert.Contains("placement.hourly_wage.currency_code", fields);
        Assert.Contains("placement.benefits[0]", fields);
    }

    [Fact]
    public async Task A_placement_of_a_participant_who_does_not_exist_is_not_found()
    {
        var hire = Hire(19, 0);
        hire.Participant = $"{_partnership}/participants/nobody";

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreatePlacementAsync(new CreatePlacementRequest { Parent = _partnership, Placement = hire }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_standard_out_of_range_is_refused_naming_its_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateJobQualityGuidelinesAsync(new UpdateJobQualityGuidelinesRequest
        {
            JobQualityGuidelines = new JobQualityGuidelines
            {
                Name = Guidelines,
                Commitments = { new FactorCommitment { Commitment = "A factor is missing." } },
                Standards = { new JobQualityStandard { RequiredBenefit = Benefit.Retirement }, new JobQualityStandard { MinimumScheduleNoticeDays = 400 } },
            },
            UpdateMask = new FieldMask { Paths = { "commitments", "standards" } },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["job_quality_guidelines.commitments[0].factor", "job_quality_guidelines.standards[1].minimum_schedule_notice_days"], fields);
    }

    [Fact]
    public async Task An_employer_partner_is_assessed_with_pay_rated_from_its_facts_and_found_by_employer()
    {
        await SetHealthcareStandardsAsync();

        var assessment = await Client.CreateJobQualityAssessmentAsync(new CreateJobQualityAssessmentRequest
        {
            Parent = _partnership, JobQualityAssessmentId = "hospital-2026",
            JobQualityAssessment = new JobQualityAssessment
            {
                Employer = _tenant.Organization("hospital"), AssessmentDate = new Google.Type.Date { Year = 2026, Month = 11, Day = 2 },
                Facts = new EmployerFacts { StartingHourlyWage = Usd(17, 25), WeeklyHours = 36, Benefits = { Benefit.HealthInsurance, Benefit.PaidLeave }, ScheduleNoticeDays = 21 },
                Findings = { new FactorFinding { Factor = JobQualityFactor.EmpowermentAndRepresentation, Rating = JobQualityRating.Meets, Evidence = "Nurses sit on the staffing committee." } },
            },
        }, _tenant.Board);
        var listed = await Client.ListJobQualityAssessmentsAsync(new ListJobQualityAssessmentsRequest
        {
            Parent = _partnership, Filter = $"employer = \"{_tenant.Organization("hospital")}\"",
        }, _tenant.Board);
        var none = await Client.ListJobQualityAssessmentsAsync(new ListJobQualityAssessmentsRequest
        {
            Parent = _partnership, Filter = $"employer = \"{_tenant.Organization("clinic")}\"",
        }, _tenant.Board);

        var pay = assessment.Findings.Single(f => f.Factor == JobQualityFactor.Pay);
        Assert.Equal((JobQualityRating.DoesNotMeet, true), (pay.Rating, pay.FromStandards));
        Assert.Equal((8, 3), (assessment.Findings.Count, assessment.FactorsMet));
        Assert.Equal([assessment.Name], listed.JobQualityAssessments.Select(a => a.Name));
        Assert.Empty(none.JobQualityAssessments);
    }

    [Fact]
    public async Task An_assessment_of_an_organization_that_is_not_an_employer_partner_is_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateJobQualityAssessmentAsync(new CreateJobQualityAssessmentRequest
        {
            Parent = _partnership,
            JobQualityAssessment = new JobQualityAssessment
            {
                Employer = _tenant.Organization("board"), AssessmentDate = new Google.Type.Date { Year = 2026, Month = 11, Day = 2 },
                Facts = new EmployerFacts { StartingHourlyWage = Usd(20), WeeklyHours = 40 },
            },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("job_quality_assessment.employer", error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Another_tenant_finds_neither_the_guidelines_nor_a_placement()
    {
        await SetHealthcareStandardsAsync();
        var placement = await Client.CreatePlacementAsync(new CreatePlacementRequest { Parent = _partnership, Placement = Hire(19, 0) }, _tenant.Board);
        var other = await TenantScenario.CreateAsync(platform);

        var guidelines = await Assert.ThrowsAsync<RpcException>(() => Client.GetJobQualityGuidelinesAsync(new GetJobQualityGuidelinesRequest { Name = Guidelines }, other.Board).ResponseAsync);
        var hire = await Assert.ThrowsAsync<RpcException>(() => Client.GetPlacementAsync(new GetPlacementRequest { Name = placement.Name }, other.Board).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (guidelines.StatusCode, hire.StatusCode));
    }

    [Fact]
    public async Task A_viewer_reads_the_guidelines_but_cannot_change_them()
    {
        await SetHealthcareStandardsAsync();
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var read = await Client.GetJobQualityGuidelinesAsync(new GetJobQualityGuidelinesRequest { Name = Guidelines }, viewer);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateJobQualityGuidelinesAsync(new UpdateJobQualityGuidelinesRequest
        {
            JobQualityGuidelines = new JobQualityGuidelines { Name = Guidelines },
            UpdateMask = new FieldMask { Paths = { "standards" } },
        }, viewer).ResponseAsync);

        Assert.Equal(4, read.Standards.Count);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
