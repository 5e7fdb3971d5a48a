using System.Net;
using Grpc.Core;
using SectorMesh.Contracts.Metrics.V1;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>Goals set in Partnerships, measured in Metrics from participants imported into Career Pathways, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GoalProgressApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        await platform.PartnershipsThroughGateway.UpdatePartnershipAsync(new UpdatePartnershipRequest
        {
            Partnership = new Partnership
            {
                Name = _partnership,
                Goals =
                {
                    new Goal { Statement = "Enrol three participants", Metric = "participants enrolled", Target = 3 },
                    new Goal { Statement = "Employers host tours", Metric = "tours", Target = 10 },
                },
            },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "goals" } },
        }, _tenant.Board);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<GoalProgress> ProgressAsync(Func<GoalProgress, bool> accept, string what) => Eventually.ValueAsync(
        async () => await platform.MetricsThroughGateway.GetGoalProgressAsync(new GetGoalProgressRequest { Name = $"{_partnership}/goalProgress" }, _tenant.Board),
        accept, what, TimeSpan.FromSeconds(30), p => p.ToString());

    [Fact]
    public async Task A_goal_bound_to_participants_enrolled_counts_the_periods_imported()
    {
        await platform.MetricsThroughGateway.CreateGoalMeasureAsync(new CreateGoalMeasureRequest
        {
            Parent = _partnership, GoalMeasureId = "enrolled", GoalMeasure = new GoalMeasure { Metric = "Participants enrolled", Kind = MeasureKind.ParticipantsEnrolled },
        }, _tenant.Board);
        using var http = platform.Json(_tenant.BoardToken);
        var imported = await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent("100,900\nG1,20260105\nG2,20260210\nG3,20260402\n"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var goal = (await ProgressAsync(p => p.Goals.Count == 2 && p.Goals[0].Current == 3, "three periods counted")).Goals[0];

        Assert.Equal((true, 2), (goal.OnTrack, goal.ByQuarter.Count));
        Assert.Contains("counting periods of participation by entry date", goal.Explanation);
    }

    [Fact]
    public async Task A_goal_measured_by_hand_adds_the_quarters_figures()
    {
        var measure = (await platform.MetricsThroughGateway.CreateGoalMeasureAsync(new CreateGoalMeasureRequest
        {
            Parent = _partnership, GoalMeasureId = "tours", GoalMeasure = new GoalMeasure { Metric = "Tours", Kind = MeasureKind.EnteredByHand },
        }, _tenant.Board)).Name;

        await platform.MetricsThroughGateway.RecordGoalFigureAsync(new RecordGoalFigureRequest { Name = measure, Quarter = "2026-Q3", Value = 4 }, _tenant.Board);

        var goal = (await ProgressAsync(p => p.Goals.Count == 2 && p.Goals[1].HasCurrent, "the tours goal measured")).Goals[1];
        Assert.Equal((4.0, false), (goal.Current, goal.OnTrack));
    }

    [Fact]
    public async Task A_figure_for_a_computed_measure_is_refused_naming_the_field()
    {
        var measure = (await platform.MetricsThroughGateway.CreateGoalMeasureAsync(new CreateGoalMeasureRequest
        {
            Parent = _partnership, GoalMeasureId = "enrolled", GoalMeasure = new GoalMeasure { Metric = "participants enrolled", Kind = MeasureKind.ParticipantsEnrolled },
        }, _tenant.Board)).Name;

        var error = await Assert.ThrowsAsync<RpcException>(() => platform.MetricsThroughGateway.RecordGoalFigureAsync(
            new RecordGoalFigureRequest { Name = measure, Quarter = "2026-Q3", Value = 4 }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
