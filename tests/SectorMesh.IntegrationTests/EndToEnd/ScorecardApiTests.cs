using Grpc.Core;
using SectorMesh.Contracts.Metrics.V1;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// The scorecard and the statewide view through the gateway: writes in Partnerships reach Metrics by events, and a
/// scorecard never shows the state before a change that has been applied.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ScorecardApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantScenario.CreateAsync(platform);

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<PartnershipScorecard> ScorecardAsync(string partnership, Func<PartnershipScorecard, bool> accept, string what) =>
        Eventually.ValueAsync(async () =>
            {
                try
                {
                    return await platform.MetricsThroughGateway.GetPartnershipScorecardAsync(
                        new GetPartnershipScorecardRequest { Name = $"{partnership}/scorecard" }, _tenant.Board);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    return new PartnershipScorecard();
                }
            }, accept, what, TimeSpan.FromSeconds(30), s => s.ToString());

    [Fact]
    public async Task A_partnership_with_a_vision_and_a_signed_agreement_but_no_worker_representative_is_flagged()
    {
        var partnership = (await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare")).Name;

        var scorecard = await ScorecardAsync(partnership, s => s.Areas.Any(a => a.Facts.Any(f => f.Label == "Signed agreement" && f.Value == "yes")),
            "the signed agreement in the scorecard");

        Assert.Equal(["NO_WORKER_REPRESENTATIVE"], scorecard.Flags);
        var leadership = scorecard.Areas.Single(a => a.Area == "leadershipVisionAlignment");
        Assert.Contains("a vision is set; agreement version 1 is signed", leadership.Explanation);
        Assert.Equal(("Healthcare Partnership", "Exploring", "62"), (scorecard.DisplayName, scorecard.Stage, scorecard.Sector));
    }

    [Fact]
    public async Task A_worker_representative_on_a_committee_lifts_the_flag_once_the_event_is_applied()
    {
        var partnership = (await _tenant.CreatePartnershipAsync("manufacturing")).Name;
        await ScorecardAsync(partnership, s => s.Flags.Count == 1, "the new partnership's scorecard");
        var client = platform.PartnershipsThroughGateway;
        await client.CreateCommitteeAsync(new CreateCommitteeRequest
        {
            Parent = partnership, CommitteeId = "steering", Committee = new Committee { DisplayName = "Steering", Kind = CommitteeKind.Committee },
        }, _tenant.Board);

        await client.AddCommitteeMemberAsync(new AddCommitteeMemberRequest
        {
            Name = $"{partnership}/committees/steering", Member = new CommitteeMember { PersonName = "R. Steward", Represents = Representation.RepresentsWorkerOrLabor },
        }, _tenant.Board);

        var scorecard = await ScorecardAsync(partnership, s => s.Flags.Count == 0, "the flag lifted");
        Assert.Contains("workers are represented in governance", scorecard.Areas.Single(a => a.Area == "workerVoiceJobQuality").Explanation);
    }

    [Fact]
    public async Task The_statewide_view_filters_by_score_and_sorts_the_highest_first()
    {
        var prepared = (await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare")).Name;
        var bare = (await _tenant.CreatePartnershipAsync("construction", "236")).Name;
        await ScorecardAsync(prepared, s => s.Areas.Any(a => a.Facts.Any(f => f.Label == "Signed agreement" && f.Value == "yes")), "the prepared scorecard");
        await ScorecardAsync(bare, s => s.Name.Length > 0, "the bare scorecard");

        var all = await platform.MetricsThroughGateway.ListPartnershipScorecardsAsync(
            new ListPartnershipScorecardsRequest { Parent = _tenant.Tenant, OrderBy = "overall_score desc" }, _tenant.Board);
        var scored = await platform.MetricsThroughGateway.ListPartnershipScorecardsAsync(
            new ListPartnershipScorecardsRequest { Parent = _tenant.Tenant, Filter = $"overall_score > {all.Scorecards[^1].OverallScore}" }, _tenant.Board);

        Assert.Equal([$"{prepared}/scorecard", $"{bare}/scorecard"], all.Scorecards.Select(s => s.Name));
        Assert.Equal((1, $"{prepared}/scorecard"), (scored.TotalSize, scored.Scorecards.Single().Name));
    }

    [Fact]
    public async Task A_filter_the_view_cannot_read_is_refused_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => platform.MetricsThroughGateway.ListPartnershipScorecardsAsync(
            new ListPartnershipScorecardsRequest { Parent = _tenant.Tenant, Filter = "budget > 3" }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("filter", error.Status.Detail + string.Join(",", error.Trailers.Select(t => t.Key)));
    }
}
