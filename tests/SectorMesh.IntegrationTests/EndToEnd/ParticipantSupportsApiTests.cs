using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using Organizations = SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// Wraparound supports through the gateway, over gRPC and JSON: a participant's barriers at entry, the supportive
/// services provided, and referrals to community partners with their outcomes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ParticipantSupportsApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private string _partnership = "";

    private ParticipantSupports.ParticipantSupportsClient Client => platform.ParticipantSupportsThroughGateway;

    private static Google.Type.Date On(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        await platform.OrganizationsThroughGateway.CreateOrganizationAsync(new Organizations.CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, OrganizationId = "mid-ohio-housing",
            Organization = new Organizations.Organization { DisplayName = "Mid-Ohio Housing Alliance", Type = Organizations.PartnerType.CommunityBasedOrganization },
        }, _tenant.Board);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> EnrolAsync(string id, params BarrierKind[] barriers) =>
        (await platform.PathwaysThroughGateway.CreateParticipantAsync(new CreateParticipantRequest
        {
            Parent = _partnership, ParticipantId = id,
            Participant = new Participant { EntryDate = On(2026, 3, 2), EmploymentStatusAtEntry = EmploymentStatus.Unemployed, Barriers = { barriers } },
        }, _tenant.Board)).Name;

    private Task<Referral> ReferAsync(string participant, string id) => Client.CreateReferralAsync(new CreateReferralRequest
    {
        Parent = participant, ReferralId = id,
        Referral = new Referral
        {
            Organization = _tenant.Organization("mid-ohio-housing"), Barrier = BarrierKind.Homeless, Need = SupportiveServiceKind.Housing, ReferralDate = On(2026, 3, 10),
        },
    }, _tenant.Board).ResponseAsync;

    private async Task<long> OutboxRowsAsync(string eventType) => await Servers.ScalarAsync<long>(platform.ServiceDatabase("pathways"),
        $"SELECT count(*) FROM outbox_messages WHERE tenant_id = '{_tenant.TenantId}' AND type LIKE '%.{eventType}%'");

    [Fact]
    public async Task A_referral_is_made_over_gRPC_its_outcome_recorded_over_JSON_and_both_go_out_through_the_outbox()
    {
        var participant = await EnrolAsync("p-101", BarrierKind.Homeless);
        var referral = await ReferAsync(participant, "housing");
        Assert.Equal(($"{participant}/referrals/housing", ReferralOutcome.Pending), (referral.Name, referral.Outcome));
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsJsonAsync($"/v1/{referral.Name}:recordOutcome",
            new { outcome = "REFERRAL_OUTCOME_SERVICE_RECEIVED", outcomeDate = new { year = 2026, month = 3, day = 24 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = await Client.ListReferralsAsync(new ListReferralsRequest { Parent = participant }, _tenant.Board);
        var stored = Assert.Single(listed.Referrals);
        Assert.Equal((ReferralOutcome.ServiceReceived, On(2026, 3, 24), BarrierKind.Homeless, SupportiveServiceKind.Housing),
            (stored.Outcome, stored.OutcomeDate, stored.Barrier, stored.Need));
        Assert.Equal((1L, 1L), (await OutboxRowsAsync("ParticipantReferred"), await OutboxRowsAsync("ReferralOutcomeRecorded")));
    }

    [Fact]
    public async Task A_final_outcome_is_not_changed()
    {
        var referral = await ReferAsync(await EnrolAsync("p-102"), "housing");
        await Client.RecordReferralOutcomeAsync(new RecordReferralOutcomeRequest { Name = referral.Name, Outcome = ReferralOutcome.CouldNotReach, OutcomeDate = On(2026, 3, 20) }, _tenant.Board);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordReferralOutcomeAsync(new RecordReferralOutcomeRequest
        {
            Name = referral.Name, Outcome = ReferralOutcome.ServiceReceived, OutcomeDate = On(2026, 4, 2),
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_referral_to_an_organization_the_tenant_does_not_have_is_not_found_and_to_another_tenants_is_invalid()
    {
        var participant = await EnrolAsync("p-103");
        Referral To(string organization) => new() { Organization = organization, Need = SupportiveServiceKind.ChildCare, ReferralDate = On(2026, 3, 10) };

        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.CreateReferralAsync(
            new CreateReferralRequest { Parent = participant, Referral = To(_tenant.Organization("no-such-partner")) }, _tenant.Board).ResponseAsync);
        var foreign = await Assert.ThrowsAsync<RpcException>(() => Client.CreateReferralAsync(
            new CreateReferralRequest { Parent = participant, Referral = To("tenants/elsewhere/organizations/mid-ohio-housing") }, _tenant.Board).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, StatusCode.InvalidArgument), (unknown.StatusCode, foreign.StatusCode));
        Assert.Equal("referral.organization", FieldsOf(foreign));
    }

    [Fact]
    public async Task A_supportive_service_is_recorded_with_its_provider_and_listed()
    {
        var participant = await EnrolAsync("p-104");

        await Client.RecordSupportiveServiceAsync(new RecordSupportiveServiceRequest
        {
            Name = participant,
            SupportiveService = new SupportiveService
            {
                Date = On(2026, 3, 16), Kind = SupportiveServiceKind.Transportation, Amount = new Google.Type.Money { CurrencyCode = "USD", Units = 85 },
                ProvidedBy = _tenant.Organization("mid-ohio-housing"),
            },
        }, _tenant.Board);
        await Client.RecordSupportiveServiceAsync(new RecordSupportiveServiceRequest
        {
            Name = participant, SupportiveService = new SupportiveService { Date = On(2026, 3, 20), Kind = SupportiveServiceKind.ToolsAndWorkClothing },
        }, _tenant.Board);

        var first = await Client.ListSupportiveServicesAsync(new ListSupportiveServicesRequest { Parent = participant, PageSize = 1 }, _tenant.Board);
        var second = await Client.ListSupportiveServicesAsync(new ListSupportiveServicesRequest { Parent = participant, PageSize = 1, PageToken = first.NextPageToken }, _tenant.Board);
        Assert.Equal((SupportiveServiceKind.Transportation, 85L, _tenant.Organization("mid-ohio-housing")),
            (first.SupportiveServices[0].Kind, first.SupportiveServices[0].Amount.Units, first.SupportiveServices[0].ProvidedBy));
        Assert.Equal((SupportiveServiceKind.ToolsAndWorkClothing, ""), (second.SupportiveServices.Single().Kind, second.NextPageToken));
        Assert.Equal(2L, await OutboxRowsAsync("SupportiveServiceProvided"));
    }

    [Fact]
    public async Task A_supportive_service_without_a_kind_and_with_a_negative_amount_is_refused_over_JSON_naming_both_fields()
    {
        var participant = await EnrolAsync("p-105");
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsJsonAsync($"/v1/{participant}:recordSupportiveService",
            new { date = new { year = 2026, month = 3, day = 16 }, amount = new { currencyCode = "USD", units = -5 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("supportive_service.kind", body);
        Assert.Contains("supportive_service.amount", body);
    }

    [Fact]
    public async Task An_unspecified_barrier_at_enrolment_is_refused_naming_its_position()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => EnrolAsync("p-106", BarrierKind.LowIncome, BarrierKind.Unspecified));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("participant.barriers[1]", FieldsOf(error));
    }

    [Fact]
    public async Task Barriers_disclosed_after_entry_are_added_to_those_given_at_enrolment()
    {
        var participant = await EnrolAsync("p-107", BarrierKind.SingleParent);

        var updated = await Client.RecordBarriersAsync(new RecordBarriersRequest { Name = participant, Barriers = { BarrierKind.LowIncome, BarrierKind.SingleParent } }, _tenant.Board);

        Assert.Equal([BarrierKind.LowIncome, BarrierKind.SingleParent], updated.Barriers);
        var read = await platform.PathwaysThroughGateway.GetParticipantAsync(new GetParticipantRequest { Name = participant }, _tenant.Board);
        Assert.Equal(updated.Barriers, read.Barriers);
        Assert.Equal(2L, await OutboxRowsAsync("BarriersRecorded"));
    }

    [Fact]
    public async Task Barriers_round_trip_through_a_PIRL_import_and_export()
    {
        using var http = platform.Json(_tenant.BoardToken);
        var file = "100,900,202,800,801,802,803,804,805,806,807\nbar-01,20250303,1,1,0,1,0,0,0,1,0\nbar-02,20250401,9,0,0,0,1,1,0,0,0\n";

        var imported = await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent(file));
        var lines = (await (await http.GetAsync($"/v1/{_partnership}/participants:export")).Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        // 202 and 800-807 in their columns, after the first training, quarters and credential.
        Assert.Contains(lines, l => l.StartsWith("bar-01,") && l.Split(',')[17..26].SequenceEqual(["1", "1", "0", "1", "0", "0", "0", "1", "0"]));
        Assert.Contains(lines, l => l.StartsWith("bar-02,") && l.Split(',')[17..26].SequenceEqual(["", "0", "0", "0", "1", "1", "0", "0", "0"]));
        var participant = await platform.PathwaysThroughGateway.GetParticipantAsync(new GetParticipantRequest { Name = $"{_partnership}/participants/bar-01" }, _tenant.Board);
        Assert.Equal([BarrierKind.Disability, BarrierKind.Homeless, BarrierKind.LowIncome, BarrierKind.SingleParent], participant.Barriers);
    }

    [Fact]
    public async Task A_PIRL_file_with_a_miscoded_barrier_is_refused_naming_the_line()
    {
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PostAsync($"/v1/{_partnership}/participants:import", new StringContent("100,900,800\nmis-01,20250303,1\nmis-02,20250303,2\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_tenant_finds_no_referral()
    {
        var referral = await ReferAsync(await EnrolAsync("p-108"), "housing");
        var other = await TenantScenario.CreateAsync(platform);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetReferralAsync(new GetReferralRequest { Name = referral.Name }, other.Board).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_viewer_cannot_refer_a_participant_or_record_barriers()
    {
        var participant = await EnrolAsync("p-109");
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var refer = await Assert.ThrowsAsync<RpcException>(() => Client.CreateReferralAsync(new CreateReferralRequest
        {
            Parent = participant, Referral = new Referral { Organization = _tenant.Organization("mid-ohio-housing"), Need = SupportiveServiceKind.Housing, ReferralDate = On(2026, 3, 10) },
        }, viewer).ResponseAsync);
        var barriers = await Assert.ThrowsAsync<RpcException>(() => Client.RecordBarriersAsync(
            new RecordBarriersRequest { Name = participant, Barriers = { BarrierKind.Homeless } }, viewer).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (refer.StatusCode, barriers.StatusCode));
    }

    private static string FieldsOf(RpcException error) =>
        string.Join(",", error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
}
