using System.Net.Http.Json;
using Grpc.Core;
using SectorMesh.Contracts.Metrics.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>Surveys through the gateway: responses checked against questions, anonymity kept, small counts hidden.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SurveyApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _survey = "";

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        var partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        _survey = (await platform.MetricsThroughGateway.CreateSurveyAsync(new CreateSurveyRequest
        {
            Parent = partnership, SurveyId = "worker-feedback",
            Survey = new Survey
            {
                Title = "How was your training?", Audience = SurveyAudience.Workers, Anonymous = true, Invited = 8,
                Questions = { new SurveyQuestion { Id = "useful", Text = "The training was useful.", Kind = QuestionKind.Likert } },
            },
        }, _tenant.Board)).Name;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<SurveyResponse> RespondAsync(int id, int likert, string respondent = "") =>
        platform.MetricsThroughGateway.CreateSurveyResponseAsync(new CreateSurveyResponseRequest
        {
            Parent = _survey, ResponseId = $"r-{id}",
            Response = new SurveyResponse { Respondent = respondent, Answers = { new SurveyAnswer { QuestionId = "useful", Likert = likert } } },
        }, _tenant.Board).ResponseAsync;

    [Fact]
    public async Task Results_of_fewer_responses_than_the_threshold_show_the_count_only()
    {
        await RespondAsync(1, 5);
        await RespondAsync(2, 4);

        var results = await platform.MetricsThroughGateway.GetSurveyResultsAsync(new GetSurveyResultsRequest { Name = $"{_survey}/results" }, _tenant.Board);

        Assert.Equal((2, 0.25, true, 0), (results.Responses, results.ResponseRate, results.Questions[0].Suppressed, results.Questions[0].Counts.Count));
    }

    [Fact]
    public async Task With_the_tenants_threshold_lowered_the_results_show_counts_and_the_mean()
    {
        using var http = platform.Json(_tenant.BoardToken);
        await http.PatchAsJsonAsync($"/v1/{_tenant.Tenant}/metricsSettings?updateMask=suppressionThreshold", new { suppressionThreshold = 3 });
        foreach (var (id, point) in new[] { (1, 5), (2, 4), (3, 3) })
        {
            await RespondAsync(id, point);
        }

        var question = (await platform.MetricsThroughGateway.GetSurveyResultsAsync(new GetSurveyResultsRequest { Name = $"{_survey}/results" }, _tenant.Board)).Questions[0];

        Assert.Equal((false, 4.0, 1), (question.Suppressed, question.MeanLikert, question.Counts.Single(c => c.Answer == "5").Count));
    }

    [Fact]
    public async Task An_anonymous_survey_refuses_a_named_respondent()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => RespondAsync(1, 5, respondent: "M. Lopez"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("anonymous", error.Status.Detail + error.Trailers.ToString());
    }

    [Fact]
    public async Task The_same_response_submitted_twice_is_counted_once()
    {
        await RespondAsync(1, 5);

        var again = await Assert.ThrowsAsync<RpcException>(() => RespondAsync(1, 5));

        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
    }
}
