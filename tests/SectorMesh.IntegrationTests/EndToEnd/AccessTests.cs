using System.Net;
using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using Engagement = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// What each role may do, as the README's table says, through the gateway: tenant-wide data is the
/// board's, deleting and moving a partnership between stages too, a role reaches no further than its
/// own scope, and a signature says who gave it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AccessTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private Partnership _partnership = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _partnership = await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Contracts.Partnerships.V1.Partnerships.PartnershipsClient Client => platform.PartnershipsThroughGateway;

    private async Task<Metadata> As(string[] roles, string[] partnerships, string? organization = null, string? subject = null) =>
        Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, roles, partnerships, organization, subject));

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    [Fact]
    public async Task Partnership_staff_cannot_replace_the_tenants_labor_market_data()
    {
        using var http = platform.Json(await platform.TokenAsync(_tenant.TenantId, "partnership-staff", "healthcare"));

        var response = await http.PostAsync($"/v1/{_tenant.Tenant}/lmi/qcew:import", new StringContent("area_fips,own_code\n"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Partnership_staff_cannot_record_organizations_for_the_whole_tenant()
    {
        var staff = await As(["partnership-staff"], ["healthcare"]);

        var status = await StatusOf(() => platform.OrganizationsThroughGateway.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, OrganizationId = "riverside", Organization = new Organization { DisplayName = "Riverside", Type = PartnerType.Employer },
        }, staff).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    [Fact]
    public async Task Partnership_staff_neither_delete_their_partnership_nor_change_its_stage()
    {
        var staff = await As(["partnership-staff"], ["healthcare"]);

        var deleting = await StatusOf(() => Client.DeletePartnershipAsync(new DeletePartnershipRequest { Name = _partnership.Name }, staff).ResponseAsync);
        var moving = await StatusOf(() => Client.ChangePartnershipStageAsync(
            new ChangePartnershipStageRequest { Name = _partnership.Name, Stage = PartnershipStage.Launching }, staff).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (deleting, moving));
    }

    [Fact]
    public async Task A_viewer_who_is_also_a_partner_member_records_nothing_in_a_partnership_its_token_does_not_list()
    {
        var both = await As(["viewer", "partner-member"], ["another"], organization: "hospital");

        var status = await StatusOf(() => platform.EngagementThroughGateway.RecordEmployerActivityAsync(new Engagement.RecordEmployerActivityRequest
        {
            Name = $"{_partnership.Name}/employers/hospital",
            Activity = new Engagement.EmployerActivity { Kind = Engagement.EmployerActivityKind.Hosting, Date = new Google.Type.Date { Year = 2026, Month = 5, Day = 1 } },
        }, both).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    [Fact]
    public void A_signature_by_a_board_administrator_records_who_gave_it_and_that_it_was_on_the_organizations_behalf()
    {
        var signed = _partnership.Agreements[0].Signatures.Single();

        Assert.Equal(("dev-user", true), (signed.SignedBy, signed.OnBehalf));
    }

    [Fact]
    public async Task A_partner_member_signs_for_its_own_organization_and_staff_sign_for_none()
    {
        var draft = await Client.CreateAgreementAsync(new CreateAgreementRequest
        {
            Parent = _partnership.Name,
            Agreement = new Agreement { Terms = { new AgreementTerm { Organization = _tenant.Organization("hospital"), Commitments = "Host a cohort" } } },
        }, _tenant.Board);
        var agreement = draft.Agreements.Single(a => a.Version == 2).Name;
        await Client.CirculateAgreementAsync(new CirculateAgreementRequest { Name = agreement }, _tenant.Board);
        var sign = new SignAgreementRequest { Name = agreement, Organization = _tenant.Organization("hospital"), SignatoryName = "H. Lead" };

        var byStaff = await StatusOf(async () => await Client.SignAgreementAsync(sign, await As(["partnership-staff"], ["healthcare"])));
        var signed = await Client.SignAgreementAsync(sign, await As(["partner-member"], ["healthcare"], organization: "hospital", subject: "nurse-lead"));

        Assert.Equal(StatusCode.PermissionDenied, byStaff);
        var signature = signed.Agreements.Single(a => a.Version == 2).Signatures.Single();
        Assert.Equal(("nurse-lead", false), (signature.SignedBy, signature.OnBehalf));
    }

    [Fact]
    public async Task An_id_with_a_trailing_newline_is_refused()
    {
        var status = await StatusOf(() => platform.OrganizationsThroughGateway.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Parent = _tenant.Tenant, OrganizationId = "riverside-medical\n", Organization = new Organization { DisplayName = "Riverside", Type = PartnerType.Employer },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, status);
    }
}
