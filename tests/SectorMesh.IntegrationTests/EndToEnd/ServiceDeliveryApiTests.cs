using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using PartnershipsV1 = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// Work-based learning, worker voice and capacity building through the gateway, over gRPC and JSON,
/// on a healthcare partnership whose employer partner is the hospital (the clinic is an employer of
/// the tenant but not a partner) and whose nursing pathway runs from nursing assistant to practical nurse.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ServiceDeliveryApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";

    private WorkBasedLearning.WorkBasedLearningClient Opportunities => platform.WorkBasedLearningThroughGateway;
    private WorkerVoice.WorkerVoiceClient Voice => platform.WorkerVoiceThroughGateway;
    private CapacityBuilding.CapacityBuildingClient Capacity => platform.CapacityBuildingThroughGateway;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        foreach (var organization in new[] { "hospital", "board" })
        {
            await platform.PartnershipsThroughGateway.AddPartnerAsync(new PartnershipsV1.AddPartnerRequest
            {
                Parent = _partnership, Partner = new PartnershipsV1.Partner { Organization = _tenant.Organization(organization) },
            }, _tenant.Board);
        }
        await platform.OrganizationsThroughGateway.CreateOrganizationAsync(new PartnershipsV1.CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, OrganizationId = "state-college",
            Organization = new PartnershipsV1.Organization { DisplayName = "Columbus State", Type = PartnershipsV1.PartnerType.PostsecondaryEducation },
        }, _tenant.Board);
        await platform.PathwaysThroughGateway.CreateTrainingProgramAsync(new CreateTrainingProgramRequest
        {
            Parent = _tenant.Tenant, ProgramId = "practical-nursing",
            Program = new TrainingProgram { DisplayName = "Practical Nursing", Provider = _tenant.Organization("state-college"), DurationWeeks = 48 },
        }, _tenant.Board);
        await platform.PathwaysThroughGateway.CreateCareerPathwayAsync(new CreateCareerPathwayRequest
        {
            Parent = _partnership, CareerPathwayId = "nursing",
            CareerPathway = new CareerPathway
            {
                DisplayName = "Nursing",
                Steps =
                {
                    new PathwayStep { StepId = "nursing-assistant", Occupation = "31-1131", Title = "Nursing Assistant", TypicalHourlyWage = 18.40, Entry = true },
                    new PathwayStep { StepId = "practical-nurse", Occupation = "29-2061", Title = "Licensed Practical Nurse", TypicalHourlyWage = 28.10 },
                },
                Bridges = { new Bridge { FromStep = "nursing-assistant", ToStep = "practical-nurse", Kind = BridgeKind.Program, Program = $"{_tenant.Tenant}/programs/practical-nursing", Months = 12 } },
            },
        }, _tenant.Board);
        await platform.PathwaysThroughGateway.CreateParticipantAsync(new CreateParticipantRequest
        {
            Parent = _partnership, ParticipantId = "p-001",
            Participant = new Participant { EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 } },
        }, _tenant.Board);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private WorkBasedLearningOpportunity Apprenticeship() => new()
    {
        DisplayName = "Practical Nurse Apprenticeship", Kind = WorkBasedLearningKind.RegisteredApprenticeship, RapidsProgramNumber = "2026-OH-0412",
        Employer = _tenant.Organization("hospital"), CareerPathway = $"{_partnership}/careerPathways/nursing", PathwayStep = "practical-nurse",
        StartDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 1 }, EndDate = new Google.Type.Date { Year = 2027, Month = 2, Day = 28 },
        HourlyWage = new Google.Type.Money { CurrencyCode = "USD", Units = 22, Nanos = 500_000_000 }, PlacesOffered = 12,
    };

    private Task<WorkBasedLearningOpportunity> OfferAsync(string id, WorkBasedLearningOpportunity opportunity) =>
        Opportunities.CreateWorkBasedLearningOpportunityAsync(new CreateWorkBasedLearningOpportunityRequest
        {
            Parent = _partnership, OpportunityId = id, Opportunity = opportunity,
        }, _tenant.Board).ResponseAsync;

    private Task<WorkerFeedback> GiveFeedbackAsync(WorkerFeedback feedback, string id = "") =>
        Voice.CreateWorkerFeedbackAsync(new CreateWorkerFeedbackRequest { Parent = _partnership, WorkerFeedback = feedback, WorkerFeedbackId = id }, _tenant.Board)
            .ResponseAsync;

    private WorkerFeedback AnonymousAboutTheHospital(int rating) => new()
    {
        Subject = WorkerFeedbackSubject.JobQuality, Employer = _tenant.Organization("hospital"), Rating = rating, Anonymous = true,
        Comment = "Shifts change with two days' notice.", FeedbackDate = new Google.Type.Date { Year = 2026, Month = 11, Day = 2 },
    };

    private static string[] Fields(RpcException error) =>
        [.. error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field)];

    private static StringContent Json(Google.Protobuf.IMessage message) =>
        new(Google.Protobuf.JsonFormatter.Default.Format(message), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_apprenticeship_is_offered_on_the_pathway_step_and_its_places_are_filled()
    {
        var offered = await OfferAsync("lpn-apprenticeship", Apprenticeship());

        var filled = await Opportunities.RecordPlacesFilledAsync(new RecordPlacesFilledRequest { Name = offered.Name, PlacesFilled = 10 }, _tenant.Board);

        Assert.Equal(("29-2061", 12, 10, 22L), (filled.Occupation, filled.PlacesOffered, filled.PlacesFilled, filled.HourlyWage.Units));
        var listed = await Opportunities.ListWorkBasedLearningOpportunitiesAsync(new ListWorkBasedLearningOpportunitiesRequest { Parent = _partnership }, _tenant.Board);
        Assert.Contains(listed.Opportunities, o => o.Name == offered.Name && o.PlacesFilled == 10);
    }

    [Fact]
    public async Task An_apprenticeship_without_its_RAPIDS_program_number_is_refused_over_JSON_naming_the_field()
    {
        using var http = platform.Json(_tenant.BoardToken);
        var apprenticeship = Apprenticeship();
        apprenticeship.RapidsProgramNumber = "";

        var response = await http.PostAsync($"/v1/{_partnership}/workBasedLearning", Json(apprenticeship));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("opportunity.rapids_program_number", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Filling_more_places_than_offered_is_refused_over_gRPC_and_JSON()
    {
        var offered = await OfferAsync("lpn-apprenticeship-2", Apprenticeship());
        using var http = platform.Json(_tenant.BoardToken);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Opportunities.RecordPlacesFilledAsync(new RecordPlacesFilledRequest { Name = offered.Name, PlacesFilled = 13 }, _tenant.Board).ResponseAsync);
        var response = await http.PostAsJsonAsync($"/v1/{offered.Name}:recordPlacesFilled", new { placesFilled = 13 });

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than the 12 places", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_opportunity_at_an_employer_that_is_not_a_partner_or_on_a_step_the_pathway_lacks_is_refused_naming_both()
    {
        var opportunity = Apprenticeship();
        opportunity.Employer = _tenant.Organization("clinic");
        opportunity.PathwayStep = "registered-nurse";

        var error = await Assert.ThrowsAsync<RpcException>(() => OfferAsync("", opportunity));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["opportunity.employer", "opportunity.pathway_step"], Fields(error));
    }

    [Fact]
    public async Task Anonymous_feedback_stores_no_identity_and_is_seen_only_in_a_summary_of_at_least_five()
    {
        var summaryName = $"{_partnership}/workerVoiceSummary";
        var answered = await GiveFeedbackAsync(AnonymousAboutTheHospital(2));
        foreach (var rating in new[] { 3, 2, 1 })
        {
            await GiveFeedbackAsync(AnonymousAboutTheHospital(rating));
        }

        var withheld = Assert.Single((await Voice.GetWorkerVoiceSummaryAsync(new GetWorkerVoiceSummaryRequest { Name = summaryName }, _tenant.Board)).Groups);
        await GiveFeedbackAsync(AnonymousAboutTheHospital(4));
        var shown = Assert.Single((await Voice.GetWorkerVoiceSummaryAsync(new GetWorkerVoiceSummaryRequest { Name = summaryName }, _tenant.Board)).Groups);

        Assert.Equal((true, 0, "fewer than 5 responses"), (withheld.Withheld, withheld.Responses, withheld.Note));
        Assert.Equal((false, 5, 2.4, _tenant.Organization("hospital")), (shown.Withheld, shown.Responses, shown.AverageRating, shown.Employer));
        Assert.Equal("", answered.Name);
        Assert.Empty((await Voice.ListWorkerFeedbackAsync(new ListWorkerFeedbackRequest { Parent = _partnership }, _tenant.Board)).WorkerFeedback);
        var database = platform.ServiceDatabase("pathways");
        Assert.Equal(0L, await Servers.ScalarAsync<long>(database,
            $"SELECT count(*) FROM worker_feedback WHERE tenant_id = '{_tenant.TenantId}' AND participant_id IS NOT NULL"));
        var events = await Servers.ScalarAsync<string>(database,
            $"SELECT string_agg(payload::text, ' ') FROM outbox_messages WHERE tenant_id = '{_tenant.TenantId}' AND type LIKE '%.WorkerFeedbackRecorded'");
        Assert.DoesNotContain("Shifts change", events);
        Assert.DoesNotContain("\"participantId\": \"", events);
        Assert.DoesNotContain("\"feedbackId\": \"", events);
    }

    [Fact]
    public async Task Anonymous_feedback_naming_a_participant_is_refused()
    {
        var feedback = AnonymousAboutTheHospital(3);
        feedback.Participant = $"{_partnership}/participants/p-001";

        var error = await Assert.ThrowsAsync<RpcException>(() => GiveFeedbackAsync(feedback));

        Assert.Equal(["worker_feedback.participant"], Fields(error));
    }

    [Fact]
    public async Task Named_feedback_is_listed_and_read_back_over_JSON()
    {
        var named = await GiveFeedbackAsync(new WorkerFeedback
        {
            Subject = WorkerFeedbackSubject.Program, Program = $"{_tenant.Tenant}/programs/practical-nursing", Rating = 5,
            Participant = $"{_partnership}/participants/p-001", FeedbackDate = new Google.Type.Date { Year = 2026, Month = 10, Day = 30 },
        }, "f-named");
        using var http = platform.Json(_tenant.BoardToken);

        var read = await http.GetFromJsonAsync<JsonElement>($"/v1/{named.Name}");
        var listed = await http.GetFromJsonAsync<JsonElement>($"/v1/{_partnership}/workerFeedback");

        Assert.Equal(($"{_partnership}/participants/p-001", "WORKER_FEEDBACK_SUBJECT_PROGRAM"),
            (read.GetProperty("participant").GetString(), read.GetProperty("subject").GetString()));
        Assert.Contains(listed.GetProperty("workerFeedback").EnumerateArray(), f => f.GetProperty("name").GetString() == named.Name);
    }

    [Fact]
    public async Task Feedback_with_a_rating_of_9_and_no_date_is_refused_naming_both_fields()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GiveFeedbackAsync(new WorkerFeedback
        {
            Subject = WorkerFeedbackSubject.Barrier, Barrier = FeedbackBarrier.Transportation, Rating = 9, Anonymous = true,
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["worker_feedback.rating", "worker_feedback.feedback_date"], Fields(error));
    }

    [Fact]
    public async Task A_capacity_building_activity_is_recorded_and_listed_over_JSON()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsJsonAsync($"/v1/{_partnership}/capacityBuilding?activityId=navigators", new
        {
            audience = "CAPACITY_BUILDING_AUDIENCE_TALENT_FACING_STAFF", topic = "Nursing career pathways for career navigators",
            activityDate = new { year = 2026, month = 10, day = 14 }, hours = 6, peopleTrained = 18, provider = _tenant.Organization("state-college"),
        });
        var listed = await Capacity.ListCapacityBuildingActivitiesAsync(new ListCapacityBuildingActivitiesRequest { Parent = _partnership }, _tenant.Board);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activity = Assert.Single(listed.Activities);
        Assert.Equal(($"{_partnership}/capacityBuilding/navigators", 18, 6.0), (activity.Name, activity.PeopleTrained, activity.Hours));
    }

    [Fact]
    public async Task A_capacity_building_activity_without_audience_or_people_is_refused_over_JSON()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsJsonAsync($"/v1/{_partnership}/capacityBuilding", new { topic = "Mentoring apprentices", activityDate = new { year = 2026, month = 9, day = 3 }, hours = 3 });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("activity.audience", body);
        Assert.Contains("activity.people_trained", body);
    }

    [Fact]
    public async Task Another_tenants_opportunity_is_not_found()
    {
        var offered = await OfferAsync("lpn-apprenticeship-3", Apprenticeship());
        var other = await TenantScenario.CreateAsync(platform);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Opportunities.GetWorkBasedLearningOpportunityAsync(new GetWorkBasedLearningOpportunityRequest { Name = offered.Name }, other.Board).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_viewer_cannot_record_feedback_or_fill_places()
    {
        var offered = await OfferAsync("lpn-apprenticeship-4", Apprenticeship());
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var feedback = await Assert.ThrowsAsync<RpcException>(() => Voice.CreateWorkerFeedbackAsync(
            new CreateWorkerFeedbackRequest { Parent = _partnership, WorkerFeedback = AnonymousAboutTheHospital(4) }, viewer).ResponseAsync);
        var places = await Assert.ThrowsAsync<RpcException>(() => Opportunities.RecordPlacesFilledAsync(
            new RecordPlacesFilledRequest { Name = offered.Name, PlacesFilled = 1 }, viewer).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (feedback.StatusCode, places.StatusCode));
    }
}
