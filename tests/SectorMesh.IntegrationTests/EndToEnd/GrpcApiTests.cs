using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>The gRPC API through the gateway, as an internal state service calls it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GrpcApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantScenario.CreateAsync(platform);

    public Task DisposeAsync() => Task.CompletedTask;

    private Contracts.Partnerships.V1.Partnerships.PartnershipsClient Client => platform.PartnershipsThroughGateway;

    [Fact]
    public async Task A_partnership_created_over_grpc_is_read_back_unchanged()
    {
        var created = await _tenant.CreatePartnershipAsync("healthcare");

        var read = await Client.GetPartnershipAsync(new GetPartnershipRequest { Name = created.Name }, _tenant.Board);

        Assert.Equal(created, read);
    }

    [Fact]
    public async Task A_region_naming_the_unknown_within_the_state_area_is_refused_with_the_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => platform.TenantsThroughGateway.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = _tenant.Tenant, RegionId = "unplaced", Region = new Region { DisplayName = "Unplaced", CountyFips = { "39049", "39999" } },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "region.county_fips[1]"),
            (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
    }

    [Fact]
    public async Task A_region_given_as_a_metropolitan_area_is_read_back_with_it()
    {
        await platform.TenantsThroughGateway.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = _tenant.Tenant, RegionId = "columbus", Region = new Region { DisplayName = "Columbus, OH", MetroArea = "C1814" },
        }, _tenant.Board);

        var read = await platform.TenantsThroughGateway.GetRegionAsync(new GetRegionRequest { Name = $"{_tenant.Tenant}/regions/columbus" }, _tenant.Board);

        Assert.Equal(("C1814", 0), (read.MetroArea, read.CountyFips.Count));
    }

    [Fact]
    public async Task Listing_over_grpc_pages_and_filters_by_region()
    {
        foreach (var id in new[] { "a-one", "b-two", "c-three" })
        {
            await _tenant.CreatePartnershipAsync(id);
        }
        var request = new ListPartnershipsRequest { Parent = _tenant.Tenant, PageSize = 2, Filter = $"region = \"{_tenant.Region}\"" };

        var first = await Client.ListPartnershipsAsync(request, _tenant.Board);
        request.PageToken = first.NextPageToken;
        var second = await Client.ListPartnershipsAsync(request, _tenant.Board);

        Assert.Equal((2, 1, ""), (first.Partnerships.Count, second.Partnerships.Count, second.NextPageToken));
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_aborted()
    {
        var created = await _tenant.CreatePartnershipAsync("healthcare");
        var update = new UpdatePartnershipRequest
        {
            Partnership = new Partnership { Name = created.Name, Mission = "First", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "mission" } },
        };
        await Client.UpdatePartnershipAsync(update, _tenant.Board);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdatePartnershipAsync(update, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task Activation_over_grpc_is_refused_then_allowed()
    {
        var partnership = await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare");
        var activate = new ChangePartnershipStageRequest { Name = partnership.Name, Stage = PartnershipStage.Active };

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.ChangePartnershipStageAsync(activate, _tenant.Board).ResponseAsync);
        await _tenant.AddSecondEmployerAsync(partnership.Name);
        var active = await Client.ChangePartnershipStageAsync(activate, _tenant.Board);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(PartnershipStage.Active, active.Stage);
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListPartnershipsAsync(new ListPartnershipsRequest { Parent = _tenant.Tenant }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_partnership_is_not_found()
    {
        var created = await _tenant.CreatePartnershipAsync("healthcare");
        var other = await TenantScenario.CreateAsync(platform);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetPartnershipAsync(new GetPartnershipRequest { Name = created.Name }, other.Board).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_viewer_that_writes_is_denied()
    {
        var created = await _tenant.CreatePartnershipAsync("healthcare");
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.DeletePartnershipAsync(new DeletePartnershipRequest { Name = created.Name }, viewer).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Staff_see_only_the_partnerships_they_are_listed_on()
    {
        await _tenant.CreatePartnershipAsync("mine");
        await _tenant.CreatePartnershipAsync("theirs");
        var staff = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "partnership-staff", "mine"));

        var listed = await Client.ListPartnershipsAsync(new ListPartnershipsRequest { Parent = _tenant.Tenant }, staff);

        Assert.Equal([$"{_tenant.Tenant}/partnerships/mine"], listed.Partnerships.Select(p => p.Name));
    }

    [Fact]
    public async Task Invalid_input_is_reported_with_bad_request_field_violations()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreatePartnershipAsync(new CreatePartnershipRequest
        {
            Parent = _tenant.Tenant,
            PartnershipId = "Bad Id",
            Partnership = _tenant.NewPartnership(naics: "99"),
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["partnership_id", "partnership.target_sector.naics_code"], violations);
    }

    [Fact]
    public async Task A_failed_write_leaves_what_was_stored_unchanged()
    {
        var created = await _tenant.CreatePartnershipAsync("healthcare");

        await Assert.ThrowsAsync<RpcException>(() => Client.UpdatePartnershipAsync(new UpdatePartnershipRequest
        {
            Partnership = new Partnership { Name = created.Name, DisplayName = "Renamed", TargetSector = new TargetSector { NaicsCode = "1" } },
            UpdateMask = new FieldMask { Paths = { "display_name", "target_sector" } },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(created, await Client.GetPartnershipAsync(new GetPartnershipRequest { Name = created.Name }, _tenant.Board));
    }
}
