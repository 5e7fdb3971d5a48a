using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.Contracts.Resources.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using Date = Google.Type.Date;
using Money = Google.Type.Money;
using Period = SectorMesh.Contracts.Resources.V1.Period;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>A board records funding and partner commitments through the gateway and reads its figures.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ResourcesApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private Contracts.Partnerships.V1.Partnership _partnership = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        // hospital and board are partners, and agreement 1 exists.
        _partnership = await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Resources.ResourcesClient Client => platform.ResourcesThroughGateway;

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    private static Period Year(int year) => new()
    {
        StartDate = new Date { Year = year, Month = 1, Day = 1 },
        EndDate = new Date { Year = year, Month = 12, Day = 31 },
    };

    private Task<FundingSource> Fund(string id, FundingKind kind, long amount, FundingStatus status) =>
        Client.CreateFundingSourceAsync(new CreateFundingSourceRequest
        {
            Parent = _partnership.Name,
            FundingSourceId = id,
            FundingSource = new FundingSource { DisplayName = id, Kind = kind, Amount = Usd(amount), Period = Year(2026), Status = status },
        }, _tenant.Board).ResponseAsync;

    private Task<Commitment> Commit(string id, string organization, long amount, string? partnershipName = null, Resources.ResourcesClient? client = null) =>
        (client ?? Client).CreateCommitmentAsync(new CreateCommitmentRequest
        {
            Parent = partnershipName ?? _partnership.Name,
            CommitmentId = id,
            Commitment = new Commitment
            {
                Organization = _tenant.Organization(organization),
                Agreement = $"{partnershipName ?? _partnership.Name}/agreements/1",
                Kind = CommitmentKind.Cash,
                Value = Usd(amount),
                Period = Year(2026),
            },
        }, _tenant.Board).ResponseAsync;

    [Fact]
    public async Task A_board_records_funding_and_commitments_and_reads_its_leverage()
    {
        await Fund("wioa", FundingKind.WioaTitleI, 400_000, FundingStatus.Awarded);
        await Fund("foundation", FundingKind.Philanthropic, 100_000, FundingStatus.Awarded);
        await Commit("hospital-cash", "hospital", 100_000);

        var report = await Client.GetResourceReportAsync(new GetResourceReportRequest { Name = $"{_partnership.Name}/resourceReport" }, _tenant.Board);

        // (100,000 philanthropy + 100,000 pledged) / 400,000 public.
        Assert.Equal(0.5, report.Leverage.Value);
        Assert.Contains("per public dollar", report.Leverage.Explanation);
    }

    [Fact]
    public async Task The_gap_analysis_counts_a_strategys_need_against_what_is_secured_for_it()
    {
        await Client.CreateFundingSourceAsync(new CreateFundingSourceRequest
        {
            Parent = _partnership.Name,
            FundingSource = new FundingSource
            {
                DisplayName = "WIOA", Kind = FundingKind.WioaTitleI, Amount = Usd(300_000), Period = Year(2026),
                Status = FundingStatus.Awarded, Strategy = "Nursing",
            },
        }, _tenant.Board);
        await Client.CreateResourceNeedAsync(new CreateResourceNeedRequest
        {
            Parent = _partnership.Name,
            ResourceNeed = new ResourceNeed { Strategy = "Nursing", Period = Year(2026), Amount = Usd(500_000) },
        }, _tenant.Board);

        var report = await Client.GetResourceReportAsync(new GetResourceReportRequest { Name = $"{_partnership.Name}/resourceReport" }, _tenant.Board);

        var gap = Assert.Single(report.Gaps);
        Assert.Equal((500_000L, 300_000L, 200_000L), (gap.Need.Units, gap.SecuredFunding.Units, gap.Gap.Units));
    }

    [Fact]
    public async Task A_commitment_from_an_organization_that_is_not_a_partner_is_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Commit("clinic-cash", "clinic", 10_000));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("not a current partner", error.Status.Detail);
    }

    [Fact]
    public async Task A_partner_that_left_cannot_commit_once_its_departure_is_known()
    {
        await Commit("before-leaving", "hospital", 10_000);
        await _tenant.AddSecondEmployerAsync(_partnership.Name);
        await platform.PartnershipsThroughGateway.RemovePartnerAsync(
            new RemovePartnerRequest { Name = $"{_partnership.Name}/partners/hospital" }, _tenant.Board);

        // The cached roster still names the hospital until the PartnerLeft event drops it.
        RpcException? refused = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var i = 0; refused is null && DateTime.UtcNow < deadline; i++)
        {
            try
            {
                await Commit($"after-leaving-{i}", "hospital", 10_000);
                await Task.Delay(200);
            }
            catch (RpcException e)
            {
                refused = e;
            }
        }

        Assert.Equal(StatusCode.FailedPrecondition, refused?.StatusCode);
    }

    [Fact]
    public async Task A_contribution_above_the_commitment_is_accepted_and_flagged()
    {
        var commitment = await Commit("hospital-cash", "hospital", 10_000);

        var recorded = await Client.RecordContributionAsync(new RecordContributionRequest
        {
            Name = commitment.Name,
            Contribution = new Contribution { Date = new Date { Year = 2026, Month = 3, Day = 1 }, Value = Usd(12_000) },
        }, _tenant.Board);

        Assert.True(Assert.Single(recorded.Contributions).ExceedsCommitment);
        Assert.Equal(12_000, recorded.Contributed.Units);
    }

    [Fact]
    public async Task With_the_partnerships_service_down_reads_work_and_a_new_commitment_is_unavailable()
    {
        await Fund("wioa", FundingKind.WioaTitleI, 400_000, FundingStatus.Awarded);
        var other = await _tenant.PrepareForActivationWithOneEmployerAsync("manufacturing");
        var isolated = await platform.StartReplicaAsync("resources", new Dictionary<string, string>
        {
            ["services__partnerships__http__0"] = $"http://127.0.0.1:{Servers.FreePort()}",
        });
        using var channel = GrpcChannel.ForAddress(isolated);
        var client = new Resources.ResourcesClient(channel);

        var funding = await client.ListFundingSourcesAsync(new ListFundingSourcesRequest { Parent = _partnership.Name }, _tenant.Board);
        var error = await Assert.ThrowsAsync<RpcException>(() => Commit("hospital-cash", "hospital", 10_000, other.Name, client));

        Assert.Single(funding.FundingSources);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task Bad_funding_input_gets_400_with_a_violation_for_each_field()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsJsonAsync($"/v1/{_partnership.Name}/fundingSources", new
        {
            displayName = "",
            kind = "FUNDING_KIND_WIOA_TITLE_I",
            amount = new { currencyCode = "usd", units = "-5" },
            period = new { startDate = new { year = 2026, month = 12, day = 31 }, endDate = new { year = 2026, month = 1, day = 1 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = body.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["funding_source.amount.currency_code", "funding_source.amount.amount", "funding_source.period.end_date", "funding_source.display_name"], fields);
    }

    [Fact]
    public async Task Recording_awarded_funding_and_a_contribution_publishes_each_event_once()
    {
        await using var events = await EventListener.StartAsync();
        await Fund("wioa", FundingKind.WioaTitleI, 400_000, FundingStatus.Awarded);
        var commitment = await Commit("hospital-cash", "hospital", 10_000);
        await Client.RecordContributionAsync(new RecordContributionRequest
        {
            Name = commitment.Name,
            Contribution = new Contribution { Date = new Date { Year = 2026, Month = 3, Day = 1 }, Value = Usd(5_000) },
        }, _tenant.Board);

        var mine = (IReadOnlyList<(Guid MessageId, Contracts.Events.IIntegrationEvent Event)> r) => r.Where(e => e.Event.TenantId == _tenant.TenantId && e.Event.GetType().Namespace!.EndsWith("Resources")).ToList();
        await events.WaitForAsync(r => mine(r).Count >= 4, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(
            ["CommitmentRecorded", "ContributionRecorded", "FundingAwarded", "FundingSourceRecorded"],
            mine(events.Received).Select(e => e.Event.GetType().Name).Order());
    }

    [Fact]
    public async Task Funding_status_cannot_move_backward()
    {
        var source = await Fund("wioa", FundingKind.WioaTitleI, 400_000, FundingStatus.Awarded);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateFundingSourceAsync(new UpdateFundingSourceRequest
        {
            FundingSource = new FundingSource { Name = source.Name, Status = FundingStatus.Applied },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "status" } },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_commitment_naming_no_organization_is_invalid_on_that_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateCommitmentAsync(new CreateCommitmentRequest
        {
            Parent = _partnership.Name,
            Commitment = new Commitment { Organization = "hospital", Agreement = $"{_partnership.Name}/agreements/1", Kind = CommitmentKind.Cash, Value = Usd(1), Period = Year(2026) },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("commitment.organization", error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task A_contribution_without_a_date_is_invalid_on_that_field()
    {
        var commitment = await Commit("hospital-cash", "hospital", 10_000);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordContributionAsync(
            new RecordContributionRequest { Name = commitment.Name, Contribution = new Contribution { Value = Usd(5) } }, _tenant.Board).ResponseAsync);

        Assert.Equal("contribution.date", error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task A_need_whose_period_ends_before_it_starts_is_invalid_on_that_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateResourceNeedAsync(new CreateResourceNeedRequest
        {
            Parent = _partnership.Name,
            ResourceNeed = new ResourceNeed
            {
                Strategy = "Nursing", Amount = Usd(1),
                Period = new Period { StartDate = new Date { Year = 2027, Month = 1, Day = 1 }, EndDate = new Date { Year = 2026, Month = 1, Day = 1 } },
            },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal("resource_need.period.end_date", error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task A_viewer_cannot_record_funding()
    {
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateFundingSourceAsync(new CreateFundingSourceRequest
        {
            Parent = _partnership.Name,
            FundingSource = new FundingSource { DisplayName = "x", Kind = FundingKind.State, Amount = Usd(1), Period = Year(2026) },
        }, viewer).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_funding_is_not_found()
    {
        await Fund("wioa", FundingKind.WioaTitleI, 400_000, FundingStatus.Awarded);
        var other = await TenantScenario.CreateAsync(platform);
        using var http = platform.Json(other.BoardToken);

        var response = await http.GetAsync($"/v1/{_partnership.Name}/fundingSources");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_funding_sources_details_are_corrected_with_its_etag_and_read_back()
    {
        var source = await Fund("state", FundingKind.State, 100_000, FundingStatus.Applied);

        await Client.UpdateFundingSourceAsync(new UpdateFundingSourceRequest
        {
            FundingSource = new FundingSource { Name = source.Name, Etag = source.Etag, DisplayName = "State innovation grant", Amount = Usd(120_000), Status = FundingStatus.Awarded },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "display_name", "amount", "status" } },
        }, _tenant.Board);

        var read = await Client.GetFundingSourceAsync(new GetFundingSourceRequest { Name = source.Name }, _tenant.Board);
        Assert.Equal(("State innovation grant", 120_000L, FundingStatus.Awarded), (read.DisplayName, read.Amount.Units, read.Status));
    }

    [Fact]
    public async Task A_funding_sources_kind_cannot_be_changed()
    {
        var source = await Fund("state", FundingKind.State, 100_000, FundingStatus.Applied);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateFundingSourceAsync(new UpdateFundingSourceRequest
        {
            FundingSource = new FundingSource { Name = source.Name, Etag = source.Etag, Kind = FundingKind.Local },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "kind" } },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Funding_sources_are_listed_page_by_page()
    {
        foreach (var id in new[] { "a-grant", "b-grant", "c-grant" })
        {
            await Fund(id, FundingKind.Local, 1_000, FundingStatus.Prospect);
        }

        var first = await Client.ListFundingSourcesAsync(new ListFundingSourcesRequest { Parent = _partnership.Name, PageSize = 2 }, _tenant.Board);
        var second = await Client.ListFundingSourcesAsync(new ListFundingSourcesRequest { Parent = _partnership.Name, PageSize = 2, PageToken = first.NextPageToken }, _tenant.Board);

        Assert.Equal(["a-grant", "b-grant", "c-grant"], first.FundingSources.Concat(second.FundingSources).Select(f => f.Name.Split('/')[^1]));
        Assert.Equal("", second.NextPageToken);
    }
}
