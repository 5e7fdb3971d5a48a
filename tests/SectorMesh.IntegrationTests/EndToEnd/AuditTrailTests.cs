using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// The tenant's audit trail through the gateway: every change stored and every call refused, from any
/// service, for the board administrators to read and for nobody to alter.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditTrailTests(Platform platform) : IAsyncLifetime
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(20);

    private TenantScenario _tenant = null!;
    private Partnership _partnership = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = await _tenant.CreatePartnershipAsync("healthcare");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<AuditEntry> EntryAsync(Func<AuditEntry, bool> wanted) =>
        EntryAsync(new ListAuditEntriesRequest { Parent = _tenant.Tenant, PageSize = 100 }, wanted);

    private async Task<AuditEntry> EntryAsync(ListAuditEntriesRequest listing, Func<AuditEntry, bool> wanted)
    {
        var page = await Eventually.ValueAsync(async () => await platform.TenantsThroughGateway.ListAuditEntriesAsync(listing, _tenant.Board),
            trail => trail.AuditEntries.Any(wanted), "such an audit entry", Arrival, trail => $"the trail holds:\n{trail}");
        return page.AuditEntries.First(wanted);
    }

    [Fact]
    public async Task A_change_is_entered_with_its_subject_method_field_mask_and_trace()
    {
        var staff = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, ["partnership-staff"], ["healthcare"], null, "jordan@board.example"));
        await platform.PartnershipsThroughGateway.UpdatePartnershipAsync(new UpdatePartnershipRequest
        {
            Partnership = new Partnership { Name = _partnership.Name, Mission = "Fill the region's nursing openings." },
            UpdateMask = new FieldMask { Paths = { "mission" } },
        }, staff);

        var entry = await EntryAsync(e => e.Subject == "jordan@board.example");

        Assert.Equal(("OK", "sectormesh.partnerships.v1.Partnerships/UpdatePartnership", "mission", "partnerships"),
            (entry.Outcome, entry.Method, entry.FieldMask, entry.Service));
        Assert.Matches("^[0-9a-f]{32}$", entry.TraceId);
    }

    [Fact]
    public async Task A_create_is_entered_under_the_name_of_what_it_created()
    {
        var staff = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, ["board-admin"], [], null, "riley@board.example"));
        await platform.OrganizationsThroughGateway.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, OrganizationId = "state-college", Organization = new Organization { DisplayName = "State College", Type = PartnerType.PostsecondaryEducation },
        }, staff);

        var entry = await EntryAsync(e => e.Subject == "riley@board.example");

        Assert.Equal($"{_tenant.Tenant}/organizations/state-college", entry.Resource);
    }

    [Fact]
    public async Task A_create_whose_id_the_service_picks_is_entered_under_that_id()
    {
        var staff = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, ["board-admin"], [], null, "quinn@board.example"));
        var created = await platform.OrganizationsThroughGateway.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, Organization = new Organization { DisplayName = "Community Action", Type = PartnerType.CommunityBasedOrganization },
        }, staff);

        var entry = await EntryAsync(e => e.Subject == "quinn@board.example");

        Assert.Equal(created.Name, entry.Resource);
    }

    [Fact]
    public async Task A_refused_create_is_entered_under_the_name_it_asked_for()
    {
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, ["viewer"], [], null, "sam@board.example"));
        await Assert.ThrowsAsync<RpcException>(() => platform.OrganizationsThroughGateway.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, OrganizationId = "not-allowed", Organization = new Organization { DisplayName = "Not Allowed", Type = PartnerType.Employer },
        }, viewer).ResponseAsync);

        var entry = await EntryAsync(e => e.Subject == "sam@board.example");

        Assert.Equal(("PERMISSION_DENIED", $"{_tenant.Tenant}/organizations/not-allowed"), (entry.Outcome, entry.Resource));
    }

    [Fact]
    public async Task A_refused_call_is_entered_as_denied()
    {
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, ["viewer"], [], null, "viewer@board.example"));
        await Assert.ThrowsAsync<RpcException>(() => platform.ResourcesThroughGateway.CreateResourceNeedAsync(
            new Contracts.Resources.V1.CreateResourceNeedRequest { Parent = _partnership.Name }, viewer).ResponseAsync);

        var entry = await EntryAsync(e => e.Subject == "viewer@board.example");

        Assert.Equal(("PERMISSION_DENIED", "resources"), (entry.Outcome, entry.Service));
    }

    [Fact]
    public async Task The_trail_is_filtered_by_resource_subject_and_time()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var staff = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, ["partnership-staff"], ["healthcare"], null, "casey@board.example"));
        await platform.PartnershipsThroughGateway.AddPartnerAsync(new AddPartnerRequest
        {
            Parent = _partnership.Name, Partner = new Partner { Organization = _tenant.Organization("hospital") },
        }, staff);

        var entry = await EntryAsync(new ListAuditEntriesRequest
        {
            Parent = _tenant.Tenant, Resource = _partnership.Name, Subject = "casey@board.example", StartTime = Timestamp.FromDateTimeOffset(since),
        }, _ => true);

        Assert.Equal(("sectormesh.partnerships.v1.Partnerships/AddPartner", "OK"), (entry.Method, entry.Outcome));
    }

    [Fact]
    public async Task A_refused_upload_is_entered_as_denied()
    {
        using var http = platform.Json(await platform.TokenAsync(_tenant.TenantId, ["partnership-staff"], ["healthcare"], null, "uploader@board.example"));
        await http.PostAsync($"/v1/{_tenant.Tenant}/lmi/qcew:import", new StringContent("area_fips,own_code\n"));

        var entry = await EntryAsync(e => e.Subject == "uploader@board.example");

        Assert.Equal(("PERMISSION_DENIED", "engagement", "POST /v1/tenants/{tenant}/lmi/{kind}:import"), (entry.Outcome, entry.Service, entry.Method));
    }

    [Fact]
    public async Task A_time_past_the_year_9999_is_refused_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => platform.TenantsThroughGateway.ListAuditEntriesAsync(
            new ListAuditEntriesRequest { Parent = _tenant.Tenant, EndTime = new Timestamp { Seconds = long.MaxValue } }, _tenant.Board).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, true), (error.StatusCode, error.Status.Detail.Contains("end_time")));
    }

    [Fact]
    public async Task Another_tenants_board_administrator_finds_no_audit_trail()
    {
        var other = await TenantScenario.CreateAsync(platform);

        var error = await Assert.ThrowsAsync<RpcException>(() => platform.TenantsThroughGateway.ListAuditEntriesAsync(
            new ListAuditEntriesRequest { Parent = _tenant.Tenant }, other.Board).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Partnership_staff_may_not_read_the_audit_trail()
    {
        using var http = platform.Json(await platform.TokenAsync(_tenant.TenantId, "partnership-staff", "healthcare"));

        var response = await http.GetAsync($"/v1/{_tenant.Tenant}/auditEntries");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_database_refuses_to_alter_or_delete_an_entry()
    {
        await EntryAsync(e => e.Method.EndsWith("/CreatePartnership", StringComparison.Ordinal));

        var update = await Record.ExceptionAsync(() => Servers.ExecuteAsync(platform.Database,
            $"UPDATE audit_entries SET outcome = 'OK' WHERE tenant_id = '{_tenant.TenantId}'"));
        var delete = await Record.ExceptionAsync(() => Servers.ExecuteAsync(platform.Database,
            $"DELETE FROM audit_entries WHERE tenant_id = '{_tenant.TenantId}'"));

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
    }

    [Fact]
    public async Task Entries_older_than_the_tenants_retention_are_purged()
    {
        var tenant = await platform.TenantsThroughGateway.GetTenantAsync(new GetTenantRequest { Name = _tenant.Tenant }, _tenant.Board);
        await platform.TenantsThroughGateway.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = _tenant.Tenant, Etag = tenant.Etag, AuditRetentionDays = 30 },
            UpdateMask = new FieldMask { Paths = { "audit_retention_days" } },
        }, _tenant.Board);
        await Servers.ExecuteAsync(platform.Database, $"""
            INSERT INTO audit_entries (id, tenant_id, partnership_id, occurred_at, service, method, resource_name, subject, outcome, trace_id, field_mask)
            VALUES (gen_random_uuid(), '{_tenant.TenantId}', '', now() - interval '31 days', 'partnerships', 'old', '{_tenant.Tenant}', 'someone', 'OK', '', '')
            """);

        await Eventually.ValueAsync(
            () => Servers.ScalarAsync<long>(platform.Database, $"SELECT count(*) FROM audit_entries WHERE tenant_id = '{_tenant.TenantId}' AND method = 'old'"),
            left => left == 0, "the entry past the tenant's retention to be purged", Arrival);
    }
}
