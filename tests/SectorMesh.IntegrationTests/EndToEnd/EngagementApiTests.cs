using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using SectorMesh.Contracts.Engagement.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using Date = Google.Type.Date;
using Events = SectorMesh.Contracts.Events.Engagement;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// A board engages its employers, imports labor market and O*NET files and reads sector rankings
/// and skills gaps, all through the gateway; employers arrive from the Partnerships service's events.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EngagementApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private Contracts.Partnerships.V1.Partnership _partnership = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        // hospital (an employer) and board (a workforce board) are partners.
        _partnership = await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare");
        await PartnershipCopiedAsync();
    }

    /// <summary>
    /// Waits until the Engagement service has copied the partnership from its event. An empty cohort
    /// is the probe: refused as invalid once the partnership is known, not found before.
    /// </summary>
    private Task PartnershipCopiedAsync() => Eventually.UntilAsync(async () =>
    {
        try
        {
            await Client.CreateWorkforceCohortAsync(new CreateWorkforceCohortRequest { Parent = _partnership.Name, Cohort = new WorkforceCohort() }, _tenant.Board);
            throw new InvalidOperationException("An empty cohort was accepted; the probe cannot tell whether the partnership was copied.");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            return true;
        }
    }, "Engagement to copy the partnership from its events");

    public Task DisposeAsync() => Task.CompletedTask;

    private Engagement.EngagementClient Client => platform.EngagementThroughGateway;

    private string Employer(string id) => $"{_partnership.Name}/employers/{id}";

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static string SampleFile(string name) => SampleFiles.Path(name);

    /// <summary>The partnership's employers once the events have been copied so that they are <paramref name="ready"/>; fails the test if they are not within 30 s.</summary>
    private Task<IReadOnlyList<EmployerEngagement>> EmployersAsync(Func<IReadOnlyList<EmployerEngagement>, bool> ready) =>
        Eventually.ValueAsync<IReadOnlyList<EmployerEngagement>>(
            async () => (await Client.ListEmployerEngagementsAsync(new ListEmployerEngagementsRequest { Parent = _partnership.Name }, _tenant.Board)).EmployerEngagements,
            ready, "the partnership's employers as copied from its events");

    private async Task<HttpResponseMessage> Import(string kind, string body, string? token = null, string query = "")
    {
        using var http = platform.Json(token ?? _tenant.BoardToken);
        return await http.PostAsync($"/v1/{_tenant.Tenant}/lmi/{kind}:import{query}", new StringContent(body, Encoding.UTF8, "text/csv"));
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>A count of the import report; protobuf JSON leaves out zeros and writes 64-bit numbers as strings.</summary>
    private static long Count(JsonElement report, string name) =>
        report.TryGetProperty(name, out var value) ? long.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()) : 0;

    private static string Field(RpcException error) => error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.First().Field;

    [Fact]
    public async Task An_employer_partner_appears_from_the_partnership_events_and_other_partners_do_not()
    {
        var employers = await EmployersAsync(e => e.Count >= 1);

        var hospital = Assert.Single(employers);
        Assert.Equal((Employer("hospital"), EngagementLevel.Informed, true), (hospital.Name, hospital.Level, hospital.CurrentPartner));
    }

    [Fact]
    public async Task An_employer_that_leaves_keeps_its_record_but_is_no_longer_a_current_partner()
    {
        await EmployersAsync(e => e.Count >= 1);

        await platform.PartnershipsThroughGateway.RemovePartnerAsync(new Contracts.Partnerships.V1.RemovePartnerRequest
        {
            Name = $"{_partnership.Name}/partners/hospital", LeaveDate = Day(2026, 10, 1),
        }, _tenant.Board);

        var employers = await EmployersAsync(e => e.Any(x => !x.CurrentPartner));
        Assert.False(Assert.Single(employers).CurrentPartner);
    }

    [Fact]
    public async Task Recording_engagement_publishes_an_event_and_counts_towards_recognition()
    {
        await using var events = await EventListener.StartAsync();
        var hospital = (await EmployersAsync(e => e.Count >= 1))[0];

        await Client.UpdateEmployerEngagementAsync(new UpdateEmployerEngagementRequest
        {
            EmployerEngagement = new EmployerEngagement { Name = hospital.Name, Etag = hospital.Etag, Level = EngagementLevel.Leading, Champions = { "Chief Nursing Officer" } },
            UpdateMask = new() { Paths = { "level", "champions" } },
        }, _tenant.Board);
        await Client.RecordEmployerActivityAsync(new RecordEmployerActivityRequest
        {
            Name = hospital.Name, Activity = new EmployerActivity { Kind = EmployerActivityKind.HiringCommitment, Date = Day(2026, 10, 1), Quantity = 12 },
        }, _tenant.Board);

        var recognition = await Client.GetRecognitionAsync(new GetRecognitionRequest { Name = $"{_partnership.Name}/recognition" }, _tenant.Board);
        Assert.Equal((EngagementLevel.Leading, 12), (recognition.Employers[0].Level, recognition.Employers[0].HiresCommitted));
        await events.WaitForAsync(r => r.Select(x => x.Event).OfType<Events.EmployerEngagementRecorded>()
            .Any(e => e.PartnershipId == "healthcare" && e.TenantId == _tenant.TenantId && e.ActivityKind == "HiringCommitment" && e.ActivityQuantity == 12),
            "EmployerEngagementRecorded of the hiring commitment", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Needs_of_employers_add_up_by_occupation()
    {
        await EmployersAsync(e => e.Count >= 1);
        await _tenant.AddSecondEmployerAsync(_partnership.Name);
        await EmployersAsync(e => e.Count >= 2);
        foreach (var (employer, openings) in new[] { ("hospital", 30), ("clinic", 10) })
        {
            await Client.RecordEmployerNeedAsync(new RecordEmployerNeedRequest
            {
                Name = Employer(employer),
                Need = new EmployerNeed { SocCode = "29-1141", Openings12Months = openings, Openings36Months = openings * 3, HardToFill = true, WageMin = 70000, WageMax = 90000 },
            }, _tenant.Board);
        }

        var analysis = await Client.GetNeedsAnalysisAsync(new GetNeedsAnalysisRequest { Name = $"{_partnership.Name}/needsAnalysis" }, _tenant.Board);

        var nurses = Assert.Single(analysis.Occupations);
        Assert.Equal((2, 40, 120, 2), (nurses.Employers, nurses.Openings12Months, nurses.Openings36Months, nurses.HardToFill));
    }

    [Fact]
    public async Task A_board_imports_a_QCEW_file_and_reads_the_regions_sector_ranking()
    {
        var response = await Import("qcew", await File.ReadAllTextAsync(SampleFile("qcew-2024-annual-central-ohio.csv")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Count(await Body(response), "rowsRejected"));

        var selection = await Client.GetSectorSelectionAsync(new GetSectorSelectionRequest { Name = $"{_tenant.Region}/sectorSelection", Year = 2024 }, _tenant.Board);

        // Franklin and Delaware counties: health care 131,000 of 900,000 jobs against 21,000,000 of 150,000,000 nationally.
        var healthCare = selection.Sectors[0];
        Assert.Equal(("62", 131_000L, 1.04), (healthCare.IndustryCode, healthCare.Employment, healthCare.LocationQuotient));
        // Delaware's 332 is suppressed: at least Franklin's 6,000, and no quotient (it read 0.67; Franklin alone is 0.75).
        var metals = selection.Sectors.Single(s => s.IndustryCode == "332");
        Assert.Equal((1, 6_000L, true, false, false), (metals.SuppressedCounties, metals.Employment, metals.EmploymentIsLowerBound, metals.HasLocationQuotient, metals.HasEmploymentChangePercent));
        Assert.StartsWith("Employment is at least 6,000: BLS suppressed the figures of 39041", metals.Explanation);
        Assert.Equal(IndustryDetail.ThreeDigit, metals.IndustryDetail);
    }

    [Fact]
    public async Task A_region_given_as_a_metropolitan_area_is_ranked_from_the_areas_own_rows()
    {
        await platform.TenantsThroughGateway.CreateRegionAsync(new Contracts.Partnerships.V1.CreateRegionRequest
        {
            Parent = _tenant.Tenant, RegionId = "columbus", Region = new Contracts.Partnerships.V1.Region { DisplayName = "Columbus, OH", MetroArea = "C1814" },
        }, _tenant.Board);
        await Import("qcew", await File.ReadAllTextAsync(SampleFile("qcew-2024-annual-central-ohio.csv")));

        var selection = await Client.GetSectorSelectionAsync(new GetSectorSelectionRequest { Name = $"{_tenant.Tenant}/regions/columbus/sectorSelection", Year = 2024 }, _tenant.Board);

        // Columbus MSA health care: 155,000 of 1,100,000 jobs ÷ 0.14 nationally = 1.01; growth 3,400 ÷ 151,600 = +2.2 %.
        var healthCare = selection.Sectors[0];
        Assert.Equal(("C1814", 0), (selection.MetroArea, selection.CountyFips.Count));
        Assert.Equal(("62", 155_000L, 1.01, 2.2), (healthCare.IndustryCode, healthCare.Employment, healthCare.LocationQuotient, healthCare.EmploymentChangePercent));
    }

    [Fact]
    public async Task An_import_keeps_the_good_rows_and_names_the_bad_by_line()
    {
        var lines = File.ReadLines(SampleFile("qcew-2024-annual-central-ohio.csv")).Take(4).ToList();
        lines.Insert(2, "\"39049\",\"7\",\"62\",\"74\",\"0\",\"2024\",\"A\",\"\",1,2,3,0,0,0,4");

        var report = await Body(await Import("qcew", string.Join('\n', lines)));

        Assert.Equal((3L, 1L), (Count(report, "rowsKept"), Count(report, "rowsRejected")));
        Assert.Equal("3", report.GetProperty("rejected")[0].GetProperty("line").GetString());
    }

    [Fact]
    public async Task A_file_with_the_wrong_header_is_refused_as_a_whole()
    {
        var response = await Import("qcew", "county,jobs\n39049,100\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violation = (await Body(response)).GetProperty("details")[0].GetProperty("fieldViolations")[0];
        Assert.Equal("file", violation.GetProperty("field").GetString());
        Assert.Contains("area_fips", violation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_OEWS_import_needs_its_year_and_keeps_unpublished_figures_unknown()
    {
        var file = await File.ReadAllTextAsync(SampleFile("oews-2024-ohio-healthcare.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Import("oews", file)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Import("oews", file, query: "?year=2024")).StatusCode);

        var rows = await Client.ListOccupationEmploymentAsync(new ListOccupationEmploymentRequest { Parent = _tenant.Tenant, OccupationCode = "31-1131" }, _tenant.Board);
        var aides = Assert.Single(rows.OccupationEmployment);
        Assert.Equal((false, 38_350d), (aides.HasEmployment, aides.AnnualMeanWage));
    }

    [Fact]
    public async Task A_skills_gap_analysis_ranks_what_the_cohort_lacks_and_publishes_its_completion()
    {
        await using var events = await EventListener.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await Import("onet", await File.ReadAllTextAsync(SampleFile("onet-skills-healthcare.txt")))).StatusCode);
        var cohort = await Client.CreateWorkforceCohortAsync(new CreateWorkforceCohortRequest
        {
            Parent = _partnership.Name, CohortId = "fall",
            Cohort = new WorkforceCohort { DisplayName = "Fall cohort", Skills = { new WorkforceSkill { ElementId = "2.A.1.a", Level = 3.5 }, new WorkforceSkill { ElementId = "2.A.2.a", Level = 2 } } },
        }, _tenant.Board);

        var analysis = await Client.CreateSkillsGapAnalysisAsync(new CreateSkillsGapAnalysisRequest
        {
            Parent = _partnership.Name, SkillsGapAnalysisId = "rn",
            SkillsGapAnalysis = new SkillsGapAnalysis { Cohort = cohort.Name, TargetOccupations = { "29-1141.00" } },
        }, _tenant.Board);

        // Critical thinking 60.7 − 28.6 = 32.1, reading 62.6 − 50 = 12.6; active listening and social perceptiveness
        // were not assessed, so they have no gap figure (as level 0 they read as gaps of 60.7 and 57.1).
        Assert.Equal([("2.A.2.a", 32.1), ("2.A.1.a", 12.6)], analysis.Gaps.Select(g => (g.ElementId, Math.Round(g.Gap, 1))));
        Assert.Equal(["2.A.1.b", "2.B.1.a"], analysis.NotAssessed.Select(s => s.ElementId));
        await events.WaitForAsync(r => r.Select(x => x.Event).OfType<Events.SkillsGapAnalysisCompleted>()
            .Any(e => e.TenantId == _tenant.TenantId && e.AnalysisId == "rn"), "SkillsGapAnalysisCompleted of rn", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_meetings_late_action_items_are_listed_until_completed()
    {
        await using var events = await EventListener.StartAsync();
        var meeting = await Client.CreateMeetingAsync(new CreateMeetingRequest
        {
            Parent = _partnership.Name, MeetingId = "kickoff",
            Meeting = new Meeting
            {
                Date = Day(2025, 9, 10), Agenda = { "Apprenticeship pilot" }, Attendees = { "hospital", "board" },
                ActionItems = { new ActionItem { Description = "Draft the budget", Owner = "Board", DueDate = Day(2025, 10, 1) } },
            },
        }, _tenant.Board);

        var overdue = await Client.ListOverdueActionItemsAsync(new ListOverdueActionItemsRequest { Parent = _partnership.Name }, _tenant.Board);
        Assert.Equal("Draft the budget", Assert.Single(overdue.ActionItems).Item.Description);

        await Client.CompleteActionItemAsync(new CompleteActionItemRequest { Name = meeting.Name, ActionItem = 0 }, _tenant.Board);

        Assert.Empty((await Client.ListOverdueActionItemsAsync(new ListOverdueActionItemsRequest { Parent = _partnership.Name }, _tenant.Board)).ActionItems);
        await events.WaitForAsync(r => r.Select(x => x.Event).OfType<Events.ActionItemCompleted>()
            .Any(e => e.TenantId == _tenant.TenantId && e.MeetingId == "kickoff" && e.CompletedLate), "ActionItemCompleted, late, of kickoff", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_employer_disputes_a_figure_for_itself_and_the_figure_is_contested()
    {
        await EmployersAsync(e => e.Count >= 1);
        var member = Platform.Bearer(await MemberToken("hospital"));

        await Client.CreateLmiReviewAsync(new CreateLmiReviewRequest
        {
            Parent = _partnership.Name,
            LmiReview = new LmiReview { DataPoint = "qcew/2024/39049/62/employment", Organization = _tenant.Organization("hospital"), Verdict = LmiVerdict.Disputed, Comment = "Our hiring doubled." },
        }, member);

        var validation = await Client.GetLmiValidationAsync(new GetLmiValidationRequest { Name = $"{_partnership.Name}/lmiValidation" }, _tenant.Board);
        Assert.Equal(LmiStanding.Contested, Assert.Single(validation.DataPoints).Standing);
    }

    [Fact]
    public async Task A_partner_member_cannot_review_figures_for_another_organization()
    {
        await EmployersAsync(e => e.Count >= 1);
        var member = Platform.Bearer(await MemberToken("clinic"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateLmiReviewAsync(new CreateLmiReviewRequest
        {
            Parent = _partnership.Name,
            LmiReview = new LmiReview { DataPoint = "qcew/2024/39049/62/employment", Organization = _tenant.Organization("hospital"), Verdict = LmiVerdict.Confirmed },
        }, member).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private async Task<string> MemberToken(string organization)
    {
        using var http = platform.Json(null);
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/dev/token",
            new { tenant = _tenant.TenantId, roles = new[] { "partner-member" }, partnerships = new[] { "healthcare" }, organization });
        response.EnsureSuccessStatusCode();
        return (await Body(response)).GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_it_and_cannot_import_into_it()
    {
        var other = await TenantScenario.CreateAsync(platform);

        var read = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListEmployerEngagementsAsync(new ListEmployerEngagementsRequest { Parent = _partnership.Name }, other.Board).ResponseAsync);
        var import = await Import("onet", "O*NET-SOC Code\tElement ID\n", other.BoardToken);

        Assert.Equal((StatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, import.StatusCode));
    }

    [Fact]
    public async Task Every_engagement_write_names_its_invalid_fields_and_changes_nothing()
    {
        var hospital = (await EmployersAsync(e => e.Count >= 1))[0];
        var cohort = await Client.CreateWorkforceCohortAsync(new CreateWorkforceCohortRequest
        {
            Parent = _partnership.Name, CohortId = "spring", Cohort = new WorkforceCohort { DisplayName = "Spring", Skills = { new WorkforceSkill { ElementId = "2.A.1.a", Level = 3 } } },
        }, _tenant.Board);
        var meeting = await Client.CreateMeetingAsync(new CreateMeetingRequest
        {
            Parent = _partnership.Name, MeetingId = "m1", Meeting = new Meeting { Date = Day(2026, 1, 5), Agenda = { "Budget" }, Attendees = { "hospital" } },
        }, _tenant.Board);

        var writes = new (string Field, Func<Task> Call)[]
        {
            ("update_mask", () => Client.UpdateEmployerEngagementAsync(new UpdateEmployerEngagementRequest { EmployerEngagement = new EmployerEngagement { Name = hospital.Name, Etag = hospital.Etag }, UpdateMask = new() { Paths = { "organization" } } }, _tenant.Board).ResponseAsync),
            ("activity.kind", () => Client.RecordEmployerActivityAsync(new RecordEmployerActivityRequest { Name = hospital.Name, Activity = new EmployerActivity { Date = Day(2026, 1, 1) } }, _tenant.Board).ResponseAsync),
            ("need.soc_code", () => Client.RecordEmployerNeedAsync(new RecordEmployerNeedRequest { Name = hospital.Name, Need = new EmployerNeed { SocCode = "nurse" } }, _tenant.Board).ResponseAsync),
            ("lmi_review.verdict", () => Client.CreateLmiReviewAsync(new CreateLmiReviewRequest { Parent = _partnership.Name, LmiReview = new LmiReview { DataPoint = "x", Organization = _tenant.Organization("hospital") } }, _tenant.Board).ResponseAsync),
            ("cohort.skills[0].level", () => Client.CreateWorkforceCohortAsync(new CreateWorkforceCohortRequest { Parent = _partnership.Name, Cohort = new WorkforceCohort { DisplayName = "Bad", Skills = { new WorkforceSkill { ElementId = "2.A.1.a", Level = 9 } } } }, _tenant.Board).ResponseAsync),
            ("skills_gap_analysis.target_occupations[0]", () => Client.CreateSkillsGapAnalysisAsync(new CreateSkillsGapAnalysisRequest { Parent = _partnership.Name, SkillsGapAnalysis = new SkillsGapAnalysis { Cohort = cohort.Name, TargetOccupations = { "29-1141" } } }, _tenant.Board).ResponseAsync),
            ("meeting.agenda", () => Client.CreateMeetingAsync(new CreateMeetingRequest { Parent = _partnership.Name, Meeting = new Meeting { Date = Day(2026, 1, 5), Attendees = { "hospital" } } }, _tenant.Board).ResponseAsync),
            ("action_item", () => Client.CompleteActionItemAsync(new CompleteActionItemRequest { Name = meeting.Name, ActionItem = 3 }, _tenant.Board).ResponseAsync),
        };

        var fields = new List<string>();
        foreach (var (_, call) in writes)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            fields.Add(Field(error));
        }

        Assert.Equal(writes.Select(w => w.Field), fields);
        var after = await Client.GetEmployerEngagementAsync(new GetEmployerEngagementRequest { Name = hospital.Name }, _tenant.Board);
        Assert.Equal(hospital.Etag, after.Etag);
        Assert.Single((await Client.ListWorkforceCohortsAsync(new ListWorkforceCohortsRequest { Parent = _partnership.Name }, _tenant.Board)).Cohorts);
        Assert.Single((await Client.ListMeetingsAsync(new ListMeetingsRequest { Parent = _partnership.Name }, _tenant.Board)).Meetings);
    }

    [Fact]
    public async Task An_import_may_be_larger_than_the_gateways_limit_for_other_requests()
    {
        // The test gateway allows 64 KiB bodies; a file of 2,000 rows is about 200 KiB.
        var header = File.ReadLines(SampleFile("qcew-2024-annual-central-ohio.csv")).First();
        var rows = Enumerable.Range(0, 2_000).Select(i => $"\"39049\",\"5\",\"{100000 + i}\",\"78\",\"0\",\"2023\",\"A\",\"\",1,10,500000,0,0,0,50000,\"\",0,0,0,0,0,0,0,\"\",0,0,0,1.0,0,0,0,0,0,0,0,0,0,0");
        var file = string.Join('\n', rows.Prepend(header));
        Assert.True(file.Length > 65_536);

        var response = await Import("qcew", file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2_000, Count(await Body(response), "rowsKept"));
    }

    [Fact]
    public async Task An_internal_service_streams_a_file_over_gRPC_and_follows_its_progress()
    {
        var header = File.ReadLines(SampleFile("qcew-2024-annual-central-ohio.csv")).First();
        var rows = Enumerable.Range(0, 12_000).Select(i => $"\"39049\",\"5\",\"{200000 + i}\",\"78\",\"0\",\"2022\",\"A\",\"\",1,10,500000,0,0,0,50000,\"\",0,0,0,0,0,0,0,\"\",0,0,0,1.0,0,0,0,0,0,0,0,0,0,0");
        var file = Encoding.UTF8.GetBytes(string.Join('\n', rows.Prepend(header)));
        using var call = Client.ImportLaborMarketData(_tenant.Board);

        var reports = new List<ImportReport>();
        var reading = Task.Run(async () =>
        {
            await foreach (var report in call.ResponseStream.ReadAllAsync())
            {
                reports.Add(report);
            }
        });
        for (var offset = 0; offset < file.Length; offset += 8192)
        {
            var chunk = new ImportChunk { Data = Google.Protobuf.ByteString.CopyFrom(file, offset, Math.Min(8192, file.Length - offset)) };
            if (offset == 0)
            {
                (chunk.Parent, chunk.Format) = (_tenant.Tenant, ImportFormat.QcewCsv);
            }
            await call.RequestStream.WriteAsync(chunk);
        }
        await call.RequestStream.CompleteAsync();
        await reading;

        Assert.Equal([5_000L, 10_000L, 12_000L], reports.Select(r => r.RowsKept));
        Assert.True(reports[^1].Done);
    }

    [Fact]
    public async Task A_streamed_import_without_a_format_is_refused()
    {
        using var call = Client.ImportLaborMarketData(_tenant.Board);
        await call.RequestStream.WriteAsync(new ImportChunk { Parent = _tenant.Tenant, Data = Google.Protobuf.ByteString.CopyFromUtf8("area_fips\n") });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());

        Assert.Equal((StatusCode.InvalidArgument, "format"), (error.StatusCode, Field(error)));
    }

    [Fact]
    public async Task With_the_partnerships_service_down_employers_stay_readable_and_a_new_sector_selection_is_unavailable()
    {
        await EmployersAsync(e => e.Count >= 1);
        var isolated = await platform.StartReplicaAsync("engagement", new Dictionary<string, string>
        {
            ["services__partnerships__http__0"] = $"http://127.0.0.1:{Servers.FreePort()}",
        });
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(isolated);
        var client = new Engagement.EngagementClient(channel);

        var employers = await client.ListEmployerEngagementsAsync(new ListEmployerEngagementsRequest { Parent = _partnership.Name }, _tenant.Board);
        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetSectorSelectionAsync(
            new GetSectorSelectionRequest { Name = $"{_tenant.Region}/sectorSelection", Year = 2024 }, _tenant.Board).ResponseAsync);

        Assert.Single(employers.EmployerEngagements);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task A_cohorts_skills_are_imported_from_a_file_and_a_new_file_replaces_them()
    {
        await EmployersAsync(e => e.Count >= 1);
        using var http = platform.Json(_tenant.BoardToken);
        var path = $"/v1/{_partnership.Name}/cohorts/evening:importSkills?displayName=Evening%20cohort";

        var created = await http.PostAsync(path, new StringContent("element_id,level\n2.A.1.a,3.5\n2.A.2.a,2.8\n"));
        var replaced = await http.PostAsync(path, new StringContent("element_id,level\n2.A.1.a,4.2\n"));
        var refused = await http.PostAsync(path, new StringContent("element_id,level\n2.A.1.a,9\n"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest), (created.StatusCode, replaced.StatusCode, refused.StatusCode));
        var cohort = Assert.Single((await Client.ListWorkforceCohortsAsync(new ListWorkforceCohortsRequest { Parent = _partnership.Name }, _tenant.Board)).Cohorts);
        Assert.Equal(("Evening cohort", 4.2), (cohort.DisplayName, Assert.Single(cohort.Skills).Level));
    }

    [Fact]
    public async Task Importing_a_file_again_replaces_its_figures_instead_of_adding_them()
    {
        var header = File.ReadLines(SampleFile("qcew-2024-annual-central-ohio.csv")).First();
        string Row(int employment) => $"\"39049\",\"5\",\"999\",\"74\",\"0\",\"2019\",\"A\",\"\",1,{employment},500000,0,0,0,50000,\"\",0,0,0,0,0,0,0,\"\",0,0,0,1.0,0,0,0,0,0,0,0,0,0,0";
        string Totals() => "\"39049\",\"0\",\"10\",\"70\",\"0\",\"2019\",\"A\",\"\",1,1000,500000,0,0,0,50000,\"\",0,0,0,0,0,0,0,\"\",0,0,0,1.0,0,0,0,0,0,0,0,0,0,0";

        await Import("qcew", string.Join('\n', header, Totals(), Row(100)));
        await Import("qcew", string.Join('\n', header, Totals(), Row(250)));

        var selection = await Client.GetSectorSelectionAsync(new GetSectorSelectionRequest { Name = $"{_tenant.Region}/sectorSelection", Year = 2019 }, _tenant.Board);
        Assert.Equal(250, Assert.Single(selection.Sectors).Employment);
    }

    [Fact]
    public async Task Meetings_are_listed_page_by_page_and_read_one_by_one()
    {
        foreach (var id in new[] { "m-jan", "m-feb", "m-mar" })
        {
            await Client.CreateMeetingAsync(new CreateMeetingRequest
            {
                Parent = _partnership.Name, MeetingId = id, Meeting = new Meeting { Date = Day(2026, 1, 5), Agenda = { "Budget" }, Attendees = { "hospital" } },
            }, _tenant.Board);
        }

        var first = await Client.ListMeetingsAsync(new ListMeetingsRequest { Parent = _partnership.Name, PageSize = 2 }, _tenant.Board);
        var second = await Client.ListMeetingsAsync(new ListMeetingsRequest { Parent = _partnership.Name, PageSize = 2, PageToken = first.NextPageToken }, _tenant.Board);
        var one = await Client.GetMeetingAsync(new GetMeetingRequest { Name = $"{_partnership.Name}/meetings/m-mar" }, _tenant.Board);

        Assert.Equal(["m-feb", "m-jan", "m-mar"], first.Meetings.Concat(second.Meetings).Select(m => m.Name.Split('/')[^1]));
        Assert.Equal("Budget", Assert.Single(one.Agenda));
    }

    [Fact]
    public async Task A_partnership_reads_the_evidence_of_its_sectors_regional_significance_to_cite()
    {
        await EmployersAsync(e => e.Count >= 1);
        await Import("qcew", await File.ReadAllTextAsync(SampleFile("qcew-2024-annual-central-ohio.csv")));

        var evidence = await Client.GetRegionalSignificanceAsync(new GetRegionalSignificanceRequest { Name = $"{_partnership.Name}/regionalSignificance", Year = 2024 }, _tenant.Board);

        Assert.Equal(("62", 131_000L, 1.04, 1), (evidence.NaicsCode, evidence.Sector.Employment, evidence.Sector.LocationQuotient, evidence.Rank));
        Assert.Equal("BLS QCEW 2024 annual averages, 2 counties: NAICS 62 employs 131,000, location quotient 1.04, over-the-year employment change +2.2%; largest 1 of 2 industries at its NAICS level.",
            evidence.Citation);
    }

    [Fact]
    public async Task A_retargeted_partnership_cites_the_evidence_of_its_new_sector()
    {
        await Import("qcew", await File.ReadAllTextAsync(SampleFile("qcew-2024-annual-central-ohio.csv")));

        await platform.PartnershipsThroughGateway.UpdatePartnershipAsync(new Contracts.Partnerships.V1.UpdatePartnershipRequest
        {
            Partnership = new Contracts.Partnerships.V1.Partnership
            {
                Name = _partnership.Name,
                TargetSector = new Contracts.Partnerships.V1.TargetSector { NaicsCode = "5415", Title = "Computer Systems Design" },
            },
            UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("target_sector"),
        }, _tenant.Board);

        var request = new GetRegionalSignificanceRequest { Name = $"{_partnership.Name}/regionalSignificance", Year = 2024 };
        await Eventually.ValueAsync(async () => await Client.GetRegionalSignificanceAsync(request, _tenant.Board), evidence => evidence.NaicsCode == "5415",
            "the evidence to be of NAICS 5415, the sector the partnership was retargeted to");
    }

    [Fact]
    public async Task A_partnership_targeting_NAICS_31_cites_manufacturing_as_QCEW_publishes_it_31_33()
    {
        await Import("qcew", await File.ReadAllTextAsync(SampleFile("qcew-2024-annual-central-ohio.csv")));
        await platform.PartnershipsThroughGateway.UpdatePartnershipAsync(new Contracts.Partnerships.V1.UpdatePartnershipRequest
        {
            Partnership = new Contracts.Partnerships.V1.Partnership
            {
                Name = _partnership.Name,
                TargetSector = new Contracts.Partnerships.V1.TargetSector { NaicsCode = "31", Title = "Manufacturing" },
            },
            UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("target_sector"),
        }, _tenant.Board);

        var request = new GetRegionalSignificanceRequest { Name = $"{_partnership.Name}/regionalSignificance", Year = 2024 };
        var evidence = await Eventually.ValueAsync(async () => await Client.GetRegionalSignificanceAsync(request, _tenant.Board), e => e.NaicsCode == "31",
            "the evidence to be of NAICS 31, the sector the partnership was retargeted to");

        // 45,000 + 9,000 = 54,000 of 900,000 ÷ (12,900,000 ÷ 150,000,000) = 0.70; change (−300 + 150) ÷ (45,300 + 8,850) = −0.3 %;
        // second of the two sectors, after health care's 131,000.
        Assert.Equal("BLS QCEW 2024 annual averages, 2 counties: NAICS 31-33 employs 54,000, location quotient 0.70, " +
            "over-the-year employment change -0.3%; largest 2 of 2 industries at its NAICS level.", evidence.Citation);
    }

    [Fact]
    public async Task Bad_input_over_JSON_gets_400_with_each_invalid_field()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsync($"/v1/{_partnership.Name}/meetings",
            new StringContent("""{"date": {"year": 2026, "month": 1, "day": 5}, "actionItems": [{"owner": "Board"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await Body(response)).GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["meeting.agenda", "meeting.attendees", "meeting.action_items[0].description", "meeting.action_items[0].due_date"], fields);
    }

    [Fact]
    public async Task An_upload_asking_for_lines_follows_its_progress_to_the_final_report()
    {
        var header = File.ReadLines(SampleFile("qcew-2024-annual-central-ohio.csv")).First();
        var rows = Enumerable.Range(0, 12_000).Select(i => $"\"39041\",\"5\",\"{300000 + i}\",\"78\",\"0\",\"2021\",\"A\",\"\",1,10,500000,0,0,0,50000,\"\",0,0,0,0,0,0,0,\"\",0,0,0,1.0,0,0,0,0,0,0,0,0,0,0");
        using var http = platform.Json(_tenant.BoardToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/{_tenant.Tenant}/lmi/qcew:import")
        {
            Content = new StringContent(string.Join('\n', rows.Prepend(header))),
        };
        request.Headers.Accept.ParseAdd("application/x-ndjson");

        using var response = await http.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([5_000L, 10_000L, 12_000L], lines.Select(l => Count(l, "rowsKept")));
        Assert.True(lines[^1].GetProperty("done").GetBoolean());
    }
}
