using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using Organizations = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>The Career Pathways service through the gateway, over gRPC and JSON: programs, a nursing pathway, participants and their personal data.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PathwaysApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";

    private Pathways.PathwaysClient Client => platform.PathwaysThroughGateway;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        await platform.OrganizationsThroughGateway.CreateOrganizationAsync(new Organizations.CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, OrganizationId = "state-college",
            Organization = new Organizations.Organization { DisplayName = "Columbus State", Type = Organizations.PartnerType.PostsecondaryEducation },
        }, _tenant.Board);
        await Client.CreateTrainingProgramAsync(new CreateTrainingProgramRequest
        {
            Parent = _tenant.Tenant, ProgramId = "practical-nursing",
            Program = new TrainingProgram
            {
                DisplayName = "Practical Nursing", Provider = _tenant.Organization("state-college"), DurationWeeks = 48,
                Cost = new Google.Type.Money { CurrencyCode = "USD", Units = 9000 },
                Credential = new Credential { Title = "LPN license", Kind = CredentialKind.License, Issuer = "Ohio Board of Nursing", StacksInto = "RN license" },
                Skills = { "2.A.1.a", "2.B.3.a" },
            },
        }, _tenant.Board);
        await Client.CreateCareerPathwayAsync(new CreateCareerPathwayRequest { Parent = _partnership, CareerPathwayId = "nursing", CareerPathway = Nursing() }, _tenant.Board);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private CareerPathway Nursing() => new()
    {
        DisplayName = "Nursing",
        Steps =
        {
            new PathwayStep { StepId = "cna", Occupation = "31-1131", Title = "Nursing Assistant", TypicalHourlyWage = 18.40, Entry = true },
            new PathwayStep { StepId = "lpn", Occupation = "29-2061", Title = "Licensed Practical Nurse", TypicalHourlyWage = 28.10 },
            new PathwayStep { StepId = "rn", Occupation = "29-1141", Title = "Registered Nurse", TypicalHourlyWage = 41.20 },
        },
        Bridges =
        {
            new Bridge { FromStep = "cna", ToStep = "lpn", Kind = BridgeKind.Program, Program = $"{_tenant.Tenant}/programs/practical-nursing", Description = "Practical Nursing", Months = 12 },
            new Bridge { FromStep = "lpn", ToStep = "rn", Kind = BridgeKind.Credential, Description = "RN license", Months = 18 },
        },
    };

    private Task<Participant> EnrolAsync(string id) => Client.CreateParticipantAsync(new CreateParticipantRequest
    {
        Parent = _partnership, ParticipantId = id,
        Participant = new Participant
        {
            EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 }, EmploymentStatusAtEntry = EmploymentStatus.Unemployed,
            CareerPathway = $"{_partnership}/careerPathways/nursing", CurrentStep = "cna",
            PersonalData = new ParticipantPersonalData { GivenName = "Maria", FamilyName = "Lopez", Email = "maria@example.org" },
        },
    }, _tenant.Board).ResponseAsync;

    [Fact]
    public async Task A_pathway_with_a_cycle_is_refused_over_JSON_naming_the_cycle()
    {
        using var http = platform.Json(_tenant.BoardToken);
        var pathway = Nursing();
        pathway.Bridges.Add(new Bridge { FromStep = "rn", ToStep = "cna", Kind = BridgeKind.WorkExperience, Months = 1 });

        var response = await http.PostAsync($"/v1/{_partnership}/careerPathways",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(pathway), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cna → lpn → rn → cna", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_program_from_an_employer_rather_than_a_training_provider_is_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateTrainingProgramAsync(new CreateTrainingProgramRequest
        {
            Parent = _tenant.Tenant,
            Program = new TrainingProgram { DisplayName = "Orientation", Provider = _tenant.Organization("hospital"), DurationWeeks = 1 },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task A_participant_is_read_without_personal_data()
    {
        await EnrolAsync("p-001");

        var participant = await Client.GetParticipantAsync(new GetParticipantRequest { Name = $"{_partnership}/participants/p-001" }, _tenant.Board);

        Assert.Null(participant.PersonalData);
        Assert.Equal("cna", participant.CurrentStep);
    }

    [Fact]
    public async Task Personal_data_is_stored_encrypted()
    {
        await EnrolAsync("p-002");

        var stored = await Servers.ScalarAsync<string>(platform.ServiceDatabase("pathways"),
            "SELECT encode(sealed_data, 'escape') FROM participant_personal_data WHERE participant_id = 'p-002'");

        Assert.DoesNotContain("Lopez", stored);
    }

    [Fact]
    public async Task A_viewer_never_sees_personal_data()
    {
        await EnrolAsync("p-003");
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetParticipantPersonalDataAsync(
            new GetParticipantPersonalDataRequest { Name = $"{_partnership}/participants/p-003/personalData" }, viewer).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_pii_reader_reads_personal_data_and_the_read_is_audited()
    {
        await EnrolAsync("p-004");
        var reader = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, ["partnership-staff", "pii-reader"], ["healthcare"], null, "caseworker@board.example"));
        var name = $"{_partnership}/participants/p-004/personalData";

        var data = await Client.GetParticipantPersonalDataAsync(new GetParticipantPersonalDataRequest { Name = name }, reader);

        Assert.Equal(("Maria", "Lopez"), (data.GivenName, data.FamilyName));
        var trail = await Eventually.ValueAsync(async () => await platform.TenantsThroughGateway.ListAuditEntriesAsync(new Organizations.ListAuditEntriesRequest
        {
            Parent = _tenant.Tenant, Resource = name, Subject = "caseworker@board.example",
        }, _tenant.Board), entries => entries.AuditEntries.Count > 0, "the read of personal data to be entered in the audit trail", TimeSpan.FromSeconds(20));
        Assert.Equal(("OK", "pathways"), (trail.AuditEntries[0].Outcome, trail.AuditEntries[0].Service));
    }

    [Fact]
    public async Task Next_steps_over_JSON_name_the_route_to_the_target_occupation()
    {
        await EnrolAsync("p-005");
        using var http = platform.Json(_tenant.BoardToken);

        var steps = await http.GetFromJsonAsync<JsonElement>($"/v1/{_partnership}/participants/p-005:nextSteps?targetOccupation=29-1141");

        var route = steps.GetProperty("routes")[0];
        Assert.Equal(["cna", "lpn", "rn"], route.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(30, route.GetProperty("months").GetInt32());
    }

    [Fact]
    public async Task A_participants_training_credential_and_employment_after_exit_are_kept_on_their_record()
    {
        var name = (await EnrolAsync("p-007")).Name;
        await Client.RecordTrainingAsync(new RecordTrainingRequest
        {
            Name = name,
            Training = new TrainingEnrolment
            {
                EnteredDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 9 }, Type = TrainingType.OccupationalSkills,
                Program = $"{_tenant.Tenant}/programs/practical-nursing", EndedDate = new Google.Type.Date { Year = 2026, Month = 9, Day = 25 },
            },
        }, _tenant.Board);
        await Client.RecordCredentialAsync(new RecordCredentialRequest
        {
            Name = name,
            Credential = new AttainedCredential { Type = CredentialType.OccupationalLicensure, AttainedDate = new Google.Type.Date { Year = 2026, Month = 10, Day = 2 }, Title = "LPN license" },
        }, _tenant.Board);
        await Client.ExitParticipantAsync(new ExitParticipantRequest { Name = name, ExitDate = new Google.Type.Date { Year = 2026, Month = 10, Day = 2 } }, _tenant.Board);

        var participant = await Client.RecordEmploymentOutcomeAsync(new RecordEmploymentOutcomeRequest
        {
            Name = name,
            Outcome = new EmploymentOutcome { Quarter = 1, Status = QuarterEmployment.Unsubsidized, Wages = new Google.Type.Money { CurrencyCode = "USD", Units = 14_600 }, EmployerId = "31-1234567" },
        }, _tenant.Board);

        Assert.Equal((1, 1, 1, 14_600L), (participant.Training.Count, participant.Credentials.Count, participant.EmploymentOutcomes.Count, participant.EmploymentOutcomes[0].Wages.Units));
    }

    [Fact]
    public async Task An_employment_outcome_before_exit_is_refused_over_JSON()
    {
        var name = (await EnrolAsync("p-008")).Name;
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsJsonAsync($"/v1/{name}:recordEmploymentOutcome", new { outcome = new { quarter = 2, status = "QUARTER_EMPLOYMENT_UNSUBSIDIZED" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("has not exited", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_PIRL_file_enrols_its_participants_and_names_the_elements_not_read()
    {
        using var http = platform.Json(_tenant.BoardToken);
        var file = "100,200,400,900,901,1600,1703,1900\nimp-01,19880210,0,20250303,20251219,1,11250.50,1\nimp-02,,1,20250401,,,,\n";

        var response = await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, "1900"), (report.GetProperty("participantsEnrolled").GetInt32(), report.GetProperty("ignoredElements")[0].GetString()));
    }

    [Fact]
    public async Task A_PIRL_file_with_a_bad_row_is_refused_whole_naming_the_line()
    {
        using var http = platform.Json(_tenant.BoardToken);
        var file = "100,900,901\nbad-01,20250303,\nbad-02,20250303,20250101\n";

        var response = await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 3", await response.Content.ReadAsStringAsync());
        var stored = await Servers.ScalarAsync<long>(platform.ServiceDatabase("pathways"), "SELECT count(*) FROM participants WHERE id LIKE 'bad-%'");
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task The_participants_export_as_a_PIRL_csv_without_personal_data()
    {
        await EnrolAsync("p-009");
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.GetAsync($"/v1/{_partnership}/participants:export");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(("text/csv", "100,400,900,901,1302,1303,1308,1600,1602,1604,1606,1703,1704,1705,1706,1800,1801,202,800,801,802,803,804,805,806,807,1806,1807,1808,1809,1810,1618,923,"
            + "1309,1310,1314,1315,1802,1803,1804,1805,1601,1603,1605,1607,1332,1401,408,1406,1811,1813,903,904,905,918,201,210,211,212,213,214,215"),
            (response.Content.Headers.ContentType?.MediaType, lines[0]));
        Assert.Contains("p-009,0,20260302,,,,,,,,,,,,,,,,0,0,0,0,0,0,0,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,", lines);
    }

    [Fact]
    public async Task Two_rows_of_one_identifier_are_one_participant_with_an_earlier_period_of_participation()
    {
        using var http = platform.Json(_tenant.BoardToken);
        var file = "100,900,901,923,1602,1704\nRE-01,20230105,20230410,,1,8100.00\nRE-01,20240901,20250110,03,,\n";

        var response = await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 2), (report.GetProperty("participantsEnrolled").GetInt32(), report.GetProperty("periodsOfParticipation").GetInt32()));
        var participant = await Client.GetParticipantAsync(new GetParticipantRequest { Name = $"{_partnership}/participants/re-01" }, _tenant.Board);
        Assert.Equal(("RE-01", OtherExitReason.Deceased, 2025), (participant.PirlIdentifier, participant.OtherExitReason, participant.ExitDate.Year));
        Assert.Equal((2023, 8100L), (participant.EarlierPeriods.Single().ExitDate.Year, participant.EarlierPeriods[0].EmploymentOutcomes[0].Wages.Units));
    }

    [Fact]
    public async Task An_export_imported_back_changes_nothing_and_a_later_extract_updates_the_outcomes()
    {
        using var http = platform.Json(_tenant.BoardToken);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/v1/{_partnership}/participants:import",
            new StringContent("100,900,901,1602,1704\nUP-01,20230105,20230410,9,999999.99\n"))).StatusCode);
        var export = await (await http.GetAsync($"/v1/{_partnership}/participants:export")).Content.ReadAsStringAsync();

        var again = await (await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent(export))).Content.ReadFromJsonAsync<JsonElement>();
        var later = await (await http.PostAsync($"/v1/{_partnership}/participants:import",
            new StringContent("100,900,901,1602,1704\nUP-01,20230105,20230410,1,7300.00\n"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(again.TryGetProperty("participantsUpdated", out _));
        Assert.True(again.GetProperty("participantsUnchanged").GetInt32() >= 1);
        Assert.Equal(1, later.GetProperty("participantsUpdated").GetInt32());
        var participant = await Client.GetParticipantAsync(new GetParticipantRequest { Name = $"{_partnership}/participants/up-01" }, _tenant.Board);
        Assert.Equal(7300L, participant.EmploymentOutcomes.Single().Wages.Units);
    }

    [Fact]
    public async Task A_participant_who_exited_enters_again_and_the_exit_gives_its_other_reason()
    {
        var name = (await EnrolAsync("p-re")).Name;
        await Client.ExitParticipantAsync(new ExitParticipantRequest { Name = name, ExitDate = new Google.Type.Date { Year = 2026, Month = 4, Day = 1 } }, _tenant.Board);

        var again = await Client.ReenterParticipantAsync(new ReenterParticipantRequest { Name = name, EntryDate = new Google.Type.Date { Year = 2026, Month = 6, Day = 1 } }, _tenant.Board);
        var exited = await Client.ExitParticipantAsync(new ExitParticipantRequest
        {
            Name = name, ExitDate = new Google.Type.Date { Year = 2026, Month = 7, Day = 1 }, OtherExitReason = OtherExitReason.HealthOrMedical,
        }, _tenant.Board);

        Assert.Equal((6, 1), (again.EntryDate.Month, again.EarlierPeriods.Count));
        Assert.Equal(OtherExitReason.HealthOrMedical, exited.OtherExitReason);
    }

    [Fact]
    public async Task Entering_again_before_the_last_exit_is_refused_naming_the_rule()
    {
        var name = (await EnrolAsync("p-re2")).Name;
        await Client.ExitParticipantAsync(new ExitParticipantRequest { Name = name, ExitDate = new Google.Type.Date { Year = 2026, Month = 4, Day = 1 } }, _tenant.Board);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ReenterParticipantAsync(new ReenterParticipantRequest
        {
            Name = name, EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 1 },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("after the exit on 2026-04-01", error.Status.Detail);
    }

    [Fact]
    public async Task A_participant_of_a_partnership_that_does_not_exist_is_not_enrolled()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateParticipantAsync(new CreateParticipantRequest
        {
            Parent = $"{_tenant.Tenant}/partnerships/no-such-partnership",
            Participant = new Participant { EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 } },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Another_tenant_finds_no_participant()
    {
        await EnrolAsync("p-006");
        var other = await TenantScenario.CreateAsync(platform);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetParticipantAsync(
            new GetParticipantRequest { Name = $"{_partnership}/participants/p-006" }, other.Board).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
