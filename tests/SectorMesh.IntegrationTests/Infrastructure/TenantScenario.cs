using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>A fresh tenant with a region, two employers and a workforce board, set up through the gateway.</summary>
public sealed class TenantScenario
{
    private TenantScenario(Platform platform, string tenantId, string boardToken)
    {
        Platform = platform;
        TenantId = tenantId;
        BoardToken = boardToken;
    }

    public Platform Platform { get; }
    public string TenantId { get; }
    public string Tenant => $"tenants/{TenantId}";
    public string Region => $"{Tenant}/regions/central";
    public string BoardToken { get; }
    public Metadata Board => Platform.Bearer(BoardToken);
    public string Organization(string id) => $"{Tenant}/organizations/{id}";

    public static async Task<TenantScenario> CreateAsync(Platform platform)
    {
        var tenantId = $"t{Guid.NewGuid():N}"[..12];
        var admin = Platform.Bearer(await platform.TokenAsync("", "platform-admin"));
        await platform.TenantsThroughGateway.CreateTenantAsync(new CreateTenantRequest { TenantId = tenantId, Tenant = new Tenant { DisplayName = "Test Board" } }, admin);
        var scenario = new TenantScenario(platform, tenantId, await platform.TokenAsync(tenantId, "board-admin"));
        await platform.TenantsThroughGateway.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = scenario.Tenant, RegionId = "central", Region = new Region { DisplayName = "Central", CountyFips = { "39049", "39041" } },
        }, scenario.Board);
        foreach (var (id, type) in new[] { ("hospital", PartnerType.Employer), ("clinic", PartnerType.Employer), ("board", PartnerType.WorkforceBoard) })
        {
            await platform.OrganizationsThroughGateway.CreateOrganizationAsync(new CreateOrganizationRequest
            {
                Parent = scenario.Tenant, OrganizationId = id, Organization = new Organization { DisplayName = id, Type = type },
            }, scenario.Board);
        }
        return scenario;
    }

    public Partnership NewPartnership(string naics = "62") => new()
    {
        DisplayName = "Healthcare Partnership",
        Region = Region,
        TargetSector = new TargetSector { NaicsCode = naics, Title = "Health Care" },
    };

    public async Task<Partnership> CreatePartnershipAsync(string id, string naics = "62") =>
        await Platform.PartnershipsThroughGateway.CreatePartnershipAsync(
            new CreatePartnershipRequest { Parent = Tenant, PartnershipId = id, Partnership = NewPartnership(naics) }, Board);

    /// <summary>Everything activation needs but the second employer: partners, intermediary, vision, a signed agreement.</summary>
    public async Task<Partnership> PrepareForActivationWithOneEmployerAsync(string id)
    {
        var client = Platform.PartnershipsThroughGateway;
        var p = await CreatePartnershipAsync(id);
        foreach (var org in new[] { "hospital", "board" })
        {
            await client.AddPartnerAsync(new AddPartnerRequest { Parent = p.Name, Partner = new Partner { Organization = Organization(org) } }, Board);
        }
        await client.DesignateIntermediaryAsync(new DesignateIntermediaryRequest
        {
            Name = p.Name,
            Assignments = { Enum.GetValues<IntermediaryRole>().Where(r => r != IntermediaryRole.Unspecified).Select(r => new IntermediaryAssignment { Role = r, Organization = Organization("board") }) },
        }, Board);
        p = await client.UpdatePartnershipAsync(new UpdatePartnershipRequest
        {
            Partnership = new Partnership { Name = p.Name, Vision = "A skilled regional health care workforce." },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "vision" } },
        }, Board);
        p = await client.CreateAgreementAsync(new CreateAgreementRequest
        {
            Parent = p.Name,
            Agreement = new Agreement { Terms = { new AgreementTerm { Organization = Organization("hospital"), Commitments = "Host interns" } } },
        }, Board);
        var agreement = p.Agreements[0].Name;
        await client.CirculateAgreementAsync(new CirculateAgreementRequest { Name = agreement }, Board);
        return await client.SignAgreementAsync(new SignAgreementRequest { Name = agreement, Organization = Organization("hospital"), SignatoryName = "H. Lead" }, Board);
    }

    public Task<Partnership> AddSecondEmployerAsync(string partnershipName) =>
        Platform.PartnershipsThroughGateway.AddPartnerAsync(
            new AddPartnerRequest { Parent = partnershipName, Partner = new Partner { Organization = Organization("clinic") } }, Board).ResponseAsync;
}
