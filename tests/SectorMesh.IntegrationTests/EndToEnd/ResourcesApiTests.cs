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
        Fund(id, new FundingSource { Kind = kind, Amount = Usd(amount), Period = Year(2026), Status = status });

    private Task<FundingSource> Fund(string id, FundingSource source) =>
        Client.CreateFundingSourceAsync(new CreateFundingSourceRequest
        {
            Parent = _partnership.Name,
            FundingSourceId = id,
            FundingSource = source.DisplayName.Length > 0 ? source : new FundingSource(source) { DisplayName = id },
        }, _tenant.Board).ResponseAsync;

    private Task<Commitment> Commit(string id, string organization, long amount, string? partnershipName = null, Resources.ResourcesClient? client = null,
        int agreement = 1, string fundingSource = "") =>
        (client ?? Client).CreateCommitmentAsync(new CreateCommitmentRequest
        {
            Parent = partnershipName ?? _partnership.Name,
            CommitmentId = id,
            Commitment = new Commitment
            {
                Organization = _tenant.Organization(organization),
                Agreement = $"{partnershipName ?? _partnership.Name}/agreements/{agreement}",
                Kind = CommitmentKind.Cash,
                Value = Usd(amount),
                Period = Year(2026),
                FundingSource = fundingSource,
            },
        }, _tenant.Board).ResponseAsync;

    private Task<ResourceNeed> Need(string strategy, Period period, long amount) =>
        Client.CreateResourceNeedAsync(new CreateResourceNeedRequest
        {
            Parent = _partnership.Name,
            ResourceNeed = new ResourceNeed { SectorStrategy = strategy, Period = period, Amount = Usd(amount) },
        }, _tenant.Board).ResponseAsync;

    private Task<ResourceReport> Report() =>
        Client.GetResourceReportAsync(new GetResourceReportRequest { Name = $"{_partnership.Name}/resourceReport" }, _tenant.Board).ResponseAsync;

    /// <summary>Gives the partnership these strategies and returns their resource names, which the Partnerships service assigns.</summary>
    private async Task<IReadOnlyList<string>> Strategies(params string[] titles)
    {
        var updated = await platform.PartnershipsThroughGateway.UpdatePartnershipAsync(new UpdatePartnershipRequest
        {
            Partnership = new Contracts.Partnerships.V1.Partnership { Name = _partnership.Name, Strategies = { titles.Select(t => new SectorStrategy { Title = t }) } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "strategies" } },
        }, _tenant.Board);
        return updated.Strategies.Select(s => s.Name).ToList();
    }

    private static string RuleBroken(RpcException error) =>
        Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations).Subject;

    private static string InvalidField(RpcException error) =>
        Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field;

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
        var nursing = (await Strategies("Nursing"))[0];
        await Fund("wioa", new FundingSource { Kind = FundingKind.WioaTitleI, Amount = Usd(300_000), Period = Year(2026), Status = FundingStatus.Awarded, SectorStrategy = nursing });
        await Need(nursing, Year(2026), 500_000);

        var report = await Report();

        // 500,000 needed, 300,000 secured for the strategy: 200,000 to find.
        var gap = Assert.Single(report.Gaps);
        Assert.Equal((nursing, 500_000L, 300_000L, 200_000L), (gap.SectorStrategy, gap.Need.Units, gap.SecuredFunding.Units, gap.Gap.Units));
    }

    [Fact]
    public async Task Unrestricted_funding_covers_what_a_strategys_own_funding_leaves_so_300k_and_100k_of_500k_leave_100k()
    {
        var nursing = (await Strategies("Nursing"))[0];
        await Fund("wioa", new FundingSource { Kind = FundingKind.WioaTitleI, Amount = Usd(300_000), Period = Year(2026), Status = FundingStatus.Awarded, SectorStrategy = nursing });
        await Fund("operating", new FundingSource { Kind = FundingKind.Philanthropic, Amount = Usd(100_000), Period = Year(2026), Status = FundingStatus.Awarded });
        await Need(nursing, Year(2026), 500_000);

        var gap = Assert.Single((await Report()).Gaps);

        Assert.Equal((300_000L, 100_000L, 100_000L), (gap.SecuredFunding.Units, gap.UnrestrictedFunding.Units, gap.Gap.Units));
    }

    [Fact]
    public async Task A_need_for_a_strategy_the_partnership_does_not_have_is_invalid_on_that_field()
    {
        await Strategies("Nursing");

        var error = await Assert.ThrowsAsync<RpcException>(() => Need($"{_partnership.Name}/strategies/no-such-strategy", Year(2026), 1_000));

        Assert.Equal((StatusCode.InvalidArgument, "resource_need.sector_strategy"), (error.StatusCode, InvalidField(error)));
    }

    [Fact]
    public async Task A_strategy_title_with_a_typo_is_refused_rather_than_silently_widening_the_gap()
    {
        await Strategies("Nursing apprenticeships");
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsJsonAsync($"/v1/{_partnership.Name}/resourceNeeds", new
        {
            strategy = "Nursing apprentiseships",
            amount = new { currencyCode = "USD", units = "1000" },
            period = new { startDate = new { year = 2026, month = 1, day = 1 }, endDate = new { year = 2026, month = 12, day = 31 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resource_need.strategy", body.GetProperty("details")[0].GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Back_to_back_yearly_needs_of_120k_give_a_runway_of_12_months_not_6()
    {
        // Public funding ends 2026-12-31. The 120,000 foundation grant runs over 2027-2028; the window 2027-01-01..2028-12-31
        // (24.02 months) needs 240,000, 9,993.16 a month: 12.0 months. Adding the yearly rates read 19,986.36 a month: 6.0.
        var nursing = (await Strategies("Nursing"))[0];
        await Fund("wioa", FundingKind.WioaTitleI, 400_000, FundingStatus.Awarded);
        await Fund("foundation", new FundingSource
        {
            Kind = FundingKind.Philanthropic, Amount = Usd(120_000), Status = FundingStatus.Awarded,
            Period = new Period { StartDate = new Date { Year = 2027, Month = 1, Day = 1 }, EndDate = new Date { Year = 2028, Month = 12, Day = 31 } },
        });
        await Need(nursing, Year(2027), 120_000);
        await Need(nursing, Year(2028), 120_000);

        Assert.Equal(12.0, (await Report()).SustainabilityRunway.Value);
    }

    [Fact]
    public async Task An_employer_pledge_also_recorded_as_funding_counts_once_so_leverage_is_0_5_not_1_0()
    {
        // 50,000 of the hospital's money against 100,000 of WIOA.
        await Fund("wioa", FundingKind.WioaTitleI, 100_000, FundingStatus.Awarded);
        var source = await Fund("hospital-pledge", FundingKind.EmployerOrPrivate, 50_000, FundingStatus.Awarded);
        var commitment = await Commit("hospital-cash", "hospital", 50_000, fundingSource: source.Name);

        var report = await Report();

        Assert.Equal(source.Name, commitment.FundingSource);
        Assert.Equal(0.5, report.Leverage.Value);
    }

    [Fact]
    public async Task A_commitment_naming_a_funding_source_that_does_not_exist_is_invalid_on_that_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Commit("hospital-cash", "hospital", 50_000, fundingSource: $"{_partnership.Name}/fundingSources/ghost"));

        Assert.Equal((StatusCode.InvalidArgument, "commitment.funding_source"), (error.StatusCode, InvalidField(error)));
    }

    [Fact]
    public async Task Concentration_is_by_funder_over_active_awards_5200_not_3350()
    {
        // Active: 300,000 + 300,000 from the Department of Labor and 400,000 from a foundation: 0.6² + 0.4² = 0.52, index 5,200.
        // An award that ended two years ago is left out; counted, with each award its own funder, the index read 3,350.
        var active = Year(DateTime.UtcNow.Year + 1);
        var ended = Year(DateTime.UtcNow.Year - 2);
        await Fund("dol-a", new FundingSource { Kind = FundingKind.WioaTitleI, Funder = "U.S. Department of Labor", Amount = Usd(300_000), Period = active, Status = FundingStatus.Awarded });
        await Fund("dol-b", new FundingSource { Kind = FundingKind.OtherFederal, Funder = "u.s. department of labor", Amount = Usd(300_000), Period = active, Status = FundingStatus.Awarded });
        await Fund("foundation", new FundingSource { Kind = FundingKind.Philanthropic, Funder = "Columbus Foundation", Amount = Usd(400_000), Period = active, Status = FundingStatus.Awarded });
        await Fund("old-grant", new FundingSource { Kind = FundingKind.State, Funder = "State of Ohio", Amount = Usd(1_000_000), Period = ended, Status = FundingStatus.Spent });

        Assert.Equal(5200, (await Report()).FundingConcentration.Value);
    }

    [Fact]
    public async Task A_commitment_under_a_draft_agreement_is_refused_with_the_rule_it_breaks()
    {
        await platform.PartnershipsThroughGateway.CreateAgreementAsync(new CreateAgreementRequest
        {
            Parent = _partnership.Name,
            Agreement = new Agreement { Terms = { new AgreementTerm { Organization = _tenant.Organization("hospital"), Commitments = "Host a second cohort" } } },
        }, _tenant.Board);

        var error = await Assert.ThrowsAsync<RpcException>(() => Commit("hospital-cash", "hospital", 10_000, agreement: 2));

        Assert.Equal((StatusCode.FailedPrecondition, "CommitmentIsHeldByTheSignedAgreement"), (error.StatusCode, RuleBroken(error)));
    }

    [Fact]
    public async Task A_partner_the_signed_agreement_does_not_name_cannot_commit_under_it()
    {
        // The board is a partner, but agreement 1 names only the hospital.
        var error = await Assert.ThrowsAsync<RpcException>(() => Commit("board-cash", "board", 10_000));

        Assert.Equal((StatusCode.FailedPrecondition, "CommitmentIsMadeByAParty"), (error.StatusCode, RuleBroken(error)));
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
        var attempt = 0;
        var refused = await Eventually.ValueAsync<RpcException?>(async () =>
        {
            try
            {
                await Commit($"after-leaving-{attempt++}", "hospital", 10_000);
                return null;
            }
            catch (RpcException e)
            {
                return e;
            }
        }, e => e is not null, "a commitment from the hospital to be refused once its departure is known");

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
        await events.WaitForAsync(r => mine(r).Count >= 4, "the four resources events", TimeSpan.FromSeconds(60));

        // The sentinel. Once the Resources outbox holds none of the tenant's events unsent, every publish of them (a second
        // one included, as a row is published again only while it is unsent) is behind the broker's confirmation and so in
        // the listener's queue; a funding source recorded after that reaches the queue after them, and the listener
        // records its queue in order: once the sentinel is recorded, everything before it is.
        await Eventually.ValueAsync(
            () => Servers.ScalarAsync<long>(platform.ServiceDatabase("resources"),
                $"SELECT count(*) FROM outbox_messages WHERE tenant_id = '{_tenant.TenantId}' AND dispatched_at IS NULL"),
            unsent => unsent == 0, "the Resources outbox to have sent every event of the tenant", TimeSpan.FromSeconds(60));
        await Fund("sentinel", FundingKind.Local, 1_000, FundingStatus.Prospect);
        var sentinel = (Contracts.Events.IIntegrationEvent e) => e is Contracts.Events.Resources.FundingSourceRecorded { FundingSourceId: "sentinel" };
        await events.WaitForAsync(r => mine(r).Any(e => sentinel(e.Event)), "the sentinel, FundingSourceRecorded of sentinel", TimeSpan.FromSeconds(60));

        Assert.Equal(
            ["CommitmentRecorded", "ContributionRecorded", "FundingAwarded", "FundingSourceRecorded"],
            mine(events.Received).Where(e => !sentinel(e.Event)).Select(e => e.Event.GetType().Name).Order());
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
        var nursing = (await Strategies("Nursing"))[0];
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateResourceNeedAsync(new CreateResourceNeedRequest
        {
            Parent = _partnership.Name,
            ResourceNeed = new ResourceNeed
            {
                SectorStrategy = nursing, Amount = Usd(1),
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
