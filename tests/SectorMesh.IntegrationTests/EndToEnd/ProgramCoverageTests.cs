using System.Net;
using System.Text;
using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using Engagement = SectorMesh.Contracts.Engagement.V1;
using Organizations = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// Programs linked to the employer needs and skills gaps they answer, checked against what the
/// Industry Engagement service holds, and the partnership's view of what no program answers.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgramCoverageTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";
    private string _analysis = "";

    private Pathways.PathwaysClient Client => platform.PathwaysThroughGateway;

    private string Hospital => $"{_partnership}/employers/hospital";

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = (await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare")).Name;
        await platform.OrganizationsThroughGateway.CreateOrganizationAsync(new Organizations.CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, OrganizationId = "state-college",
            Organization = new Organizations.Organization { DisplayName = "Columbus State", Type = Organizations.PartnerType.PostsecondaryEducation },
        }, _tenant.Board);

        var engagement = platform.EngagementThroughGateway;
        // The Engagement service learns of the hospital from the partnership's events.
        await Eventually.SucceedsAsync(() => engagement.RecordEmployerNeedAsync(new Engagement.RecordEmployerNeedRequest
        {
            Name = Hospital, Need = new Engagement.EmployerNeed { SocCode = "29-2061", Openings12Months = 12, Openings36Months = 30, HardToFill = true },
        }, _tenant.Board).ResponseAsync);
        await engagement.RecordEmployerNeedAsync(new Engagement.RecordEmployerNeedRequest
        {
            Name = Hospital, Need = new Engagement.EmployerNeed { SocCode = "29-1141", Openings12Months = 40, Openings36Months = 100 },
        }, _tenant.Board);

        using var http = platform.Json(_tenant.BoardToken);
        var onet = await File.ReadAllTextAsync(SampleFiles.Path("onet-skills-healthcare.txt"));
        (await http.PostAsync($"/v1/{_tenant.Tenant}/lmi/onet:import", new StringContent(onet, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var cohort = await engagement.CreateWorkforceCohortAsync(new Engagement.CreateWorkforceCohortRequest
        {
            Parent = _partnership, CohortId = "fall",
            Cohort = new Engagement.WorkforceCohort { DisplayName = "Fall cohort", Skills = { new Engagement.WorkforceSkill { ElementId = "2.A.1.a", Level = 3.5 } } },
        }, _tenant.Board);
        _analysis = (await engagement.CreateSkillsGapAnalysisAsync(new Engagement.CreateSkillsGapAnalysisRequest
        {
            Parent = _partnership, SkillsGapAnalysisId = "rn",
            SkillsGapAnalysis = new Engagement.SkillsGapAnalysis { Cohort = cohort.Name, TargetOccupations = { "29-1141.00" } },
        }, _tenant.Board)).Name;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private TrainingProgram PracticalNursing() => new()
    {
        DisplayName = "Practical Nursing", Provider = _tenant.Organization("state-college"), DurationWeeks = 48,
        Skills = { "2.A.1.a", "2.B.3.a" },
    };

    [Fact]
    public async Task A_program_linked_to_a_need_and_a_gap_covers_them_and_what_no_program_answers_comes_first()
    {
        var program = PracticalNursing();
        program.EmployerNeeds.Add(new EmployerNeedReference { Employer = Hospital, SocCode = "29-2061" });
        program.SkillsGaps.Add(new SkillsGapReference { SkillsGapAnalysis = _analysis, ElementId = "2.A.1.a" });
        await Client.CreateTrainingProgramAsync(new CreateTrainingProgramRequest { Parent = _tenant.Tenant, ProgramId = "practical-nursing", Program = program }, _tenant.Board);

        var coverage = await Client.GetProgramCoverageAsync(new GetProgramCoverageRequest { Name = $"{_partnership}/programCoverage" }, _tenant.Board);

        Assert.Equal(
            [("29-1141", ""), ("29-2061", $"{_tenant.Tenant}/programs/practical-nursing")],
            coverage.EmployerNeeds.Select(n => (n.Need.SocCode, string.Join(",", n.Programs))));
        Assert.Equal(1, coverage.UncoveredEmployerNeeds);
        var reading = Assert.Single(coverage.SkillsGaps, g => g.Gap.ElementId == "2.A.1.a");
        Assert.Equal([$"{_tenant.Tenant}/programs/practical-nursing"], reading.Programs);
        Assert.Equal(coverage.SkillsGaps.Count - 1, coverage.UncoveredSkillsGaps);
    }

    [Fact]
    public async Task A_need_the_employer_never_recorded_is_refused_over_JSON_naming_the_field()
    {
        var program = PracticalNursing();
        program.EmployerNeeds.Add(new EmployerNeedReference { Employer = Hospital, SocCode = "31-9092" });
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsync($"/v1/{_tenant.Tenant}/programs?programId=unrecorded-need",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(program), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("program.employer_needs[0].soc_code", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Linking_later_needs_the_current_etag_and_an_old_one_changes_nothing()
    {
        var created = await Client.CreateTrainingProgramAsync(new CreateTrainingProgramRequest { Parent = _tenant.Tenant, ProgramId = "linked-later", Program = PracticalNursing() }, _tenant.Board);
        var change = new TrainingProgram { Name = created.Name, Etag = created.Etag, EmployerNeeds = { new EmployerNeedReference { Employer = Hospital, SocCode = "29-1141" } } };
        var mask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "employer_needs" } };

        var updated = await Client.UpdateTrainingProgramAsync(new UpdateTrainingProgramRequest { Program = change, UpdateMask = mask }, _tenant.Board);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateTrainingProgramAsync(new UpdateTrainingProgramRequest
        {
            Program = new TrainingProgram { Name = created.Name, Etag = created.Etag, DisplayName = "Renamed" }, UpdateMask = new() { Paths = { "display_name" } },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(("29-1141", "Practical Nursing"), (Assert.Single(updated.EmployerNeeds).SocCode, updated.DisplayName));
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("Practical Nursing", (await Client.GetTrainingProgramAsync(new GetTrainingProgramRequest { Name = created.Name }, _tenant.Board)).DisplayName);
    }

    [Fact]
    public async Task A_gap_in_a_skill_the_program_does_not_teach_is_refused()
    {
        var program = PracticalNursing();
        program.Skills.Remove("2.A.1.a");
        program.SkillsGaps.Add(new SkillsGapReference { SkillsGapAnalysis = _analysis, ElementId = "2.A.1.a" });

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateTrainingProgramAsync(
            new CreateTrainingProgramRequest { Parent = _tenant.Tenant, ProgramId = "not-taught", Program = program }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "program.skills_gaps[0].element_id");
    }

    [Fact]
    public async Task Another_tenant_sees_no_coverage_of_the_partnership()
    {
        var other = await TenantScenario.CreateAsync(platform);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetProgramCoverageAsync(
            new GetProgramCoverageRequest { Name = $"{_partnership}/programCoverage" }, other.Board).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
