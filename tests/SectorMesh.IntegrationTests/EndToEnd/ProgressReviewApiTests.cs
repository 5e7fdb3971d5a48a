using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using SectorMesh.Contracts.Metrics.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>Progress reviews through the gateway: the figures of the period frozen, follow-up actions tracked, the schedule read.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgressReviewApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        using var http = platform.Json(_tenant.BoardToken);
        var imported = await http.PostAsync($"/v1/{_partnership}/participants:import",
            new StringContent("100,900,901,1602,1704\nR1,20250105,20250815,1,6000.00\nR2,20250105,20250901,0,0.00\n"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        await Eventually.ValueAsync(() => http.GetFromJsonAsync<JsonElement>($"/v1/{_partnership}/performanceIndicators?exitStart=2025-07-01&exitEnd=2025-09-30"),
            f => f.GetProperty("employmentRateQ2").TryGetProperty("denominator", out var d) && d.GetInt64() == 2, "the two exits projected");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<ProgressReview> HoldAsync(string period, params FollowUpAction[] actions) =>
        platform.MetricsThroughGateway.CreateProgressReviewAsync(new CreateProgressReviewRequest
        {
            Parent = _partnership,
            ProgressReview = new ProgressReview
            {
                Period = period, HeldDate = new Google.Type.Date { Year = 2025, Month = 10, Day = 20 }, Reflections = "Half placed; the other half is in school.",
                BestPractices = { "Employer-led interviews" }, FollowUpActions = { actions },
            },
        }, _tenant.Board).ResponseAsync;

    [Fact]
    public async Task A_quarterly_review_freezes_the_indicators_of_the_exits_in_its_quarter()
    {
        var review = await HoldAsync("2025-Q3");

        var q2 = review.Figures.Single(f => f.Key == "employmentRateQ2");
        Assert.Equal(($"{_partnership}/progressReviews/2025-q3", 1L, 2L, true), (review.Name, q2.Numerator, q2.Denominator, review.HeldOnTime));
        Assert.Contains(review.Figures, f => f.Key == "workerVoiceJobQuality");
    }

    [Fact]
    public async Task A_second_review_of_the_same_period_is_refused_as_existing()
    {
        await HoldAsync("2025-Q3");

        var error = await Assert.ThrowsAsync<RpcException>(() => HoldAsync("2025-q3"));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task An_open_follow_up_action_past_its_due_date_is_listed_on_the_schedule()
    {
        await HoldAsync("2025-Q3", new FollowUpAction
        {
            Description = "Recruit a labor representative", Owner = "Board staff", DueDate = new Google.Type.Date { Year = 2025, Month = 12, Day = 1 },
        });

        var schedule = await platform.MetricsThroughGateway.GetReviewScheduleAsync(new GetReviewScheduleRequest { Name = $"{_partnership}/reviewSchedule" }, _tenant.Board);

        var overdue = schedule.OverdueActions.Single();
        Assert.Equal(("Recruit a labor representative", $"{_partnership}/progressReviews/2025-q3"), (overdue.Action.Description, overdue.ProgressReview));
        Assert.True(overdue.DaysOverdue > 300);
    }

    [Fact]
    public async Task Marking_an_action_done_with_a_stale_etag_is_refused_and_with_the_current_one_accepted()
    {
        var review = await HoldAsync("2025-Q3", new FollowUpAction { Description = "Report", Owner = "Intermediary", DueDate = new Google.Type.Date { Year = 2025, Month = 12, Day = 1 } });
        var done = review.Clone();
        done.FollowUpActions[0].Status = FollowUpStatus.Done;
        var mask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "follow_up_actions" } };
        await platform.MetricsThroughGateway.UpdateProgressReviewAsync(new UpdateProgressReviewRequest { ProgressReview = done, UpdateMask = mask }, _tenant.Board);

        var stale = await Assert.ThrowsAsync<RpcException>(() => platform.MetricsThroughGateway.UpdateProgressReviewAsync(
            new UpdateProgressReviewRequest { ProgressReview = done, UpdateMask = mask }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    [Fact]
    public async Task A_review_held_before_its_period_ends_is_refused_naming_the_rule()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => HoldAsync("2025-Q4"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("after the period ends on 2025-12-31", error.Status.Detail);
    }
}
