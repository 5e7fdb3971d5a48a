using System.Net;
using System.Text;
using Grpc.Core;
using SectorMesh.Contracts.Pathways.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>A career pathway changed after participants have started on it: over gRPC and JSON, with its etag, never stranding a participant.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CareerPathwayRevisionTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private CareerPathway _pathway = null!;

    private Pathways.PathwaysClient Client => platform.PathwaysThroughGateway;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        var partnership = (await _tenant.CreatePartnershipAsync("healthcare")).Name;
        _pathway = await Client.CreateCareerPathwayAsync(new CreateCareerPathwayRequest
        {
            Parent = partnership, CareerPathwayId = "nursing",
            CareerPathway = new CareerPathway
            {
                DisplayName = "Nursing",
                Steps =
                {
                    new PathwayStep { StepId = "cna", Occupation = "31-1131", Title = "Nursing Assistant", TypicalHourlyWage = 18.40, Entry = true },
                    new PathwayStep { StepId = "lpn", Occupation = "29-2061", Title = "Licensed Practical Nurse", TypicalHourlyWage = 28.10 },
                },
                Bridges = { new Bridge { FromStep = "cna", ToStep = "lpn", Kind = BridgeKind.Credential, Description = "LPN license", Months = 12 } },
            },
        }, _tenant.Board);
        await Client.CreateParticipantAsync(new CreateParticipantRequest
        {
            Parent = partnership, ParticipantId = "on-lpn",
            Participant = new Participant { EntryDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 }, CareerPathway = _pathway.Name, CurrentStep = "lpn" },
        }, _tenant.Board);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_step_is_added_over_JSON_and_the_pathway_stays_valid()
    {
        var revised = _pathway.Clone();
        revised.Steps.Add(new PathwayStep { StepId = "rn", Occupation = "29-1141", Title = "Registered Nurse", TypicalHourlyWage = 41.20 });
        revised.Bridges.Add(new Bridge { FromStep = "lpn", ToStep = "rn", Kind = BridgeKind.Credential, Description = "RN license", Months = 18 });
        using var http = platform.Json(_tenant.BoardToken);

        var response = await http.PatchAsync($"/v1/{_pathway.Name}?updateMask=steps,bridges",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(revised), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await Client.GetCareerPathwayAsync(new GetCareerPathwayRequest { Name = _pathway.Name }, _tenant.Board);
        Assert.Equal(["cna", "lpn", "rn"], stored.Steps.Select(s => s.StepId));
        Assert.NotEqual(_pathway.Etag, stored.Etag);
    }

    [Fact]
    public async Task Removing_the_step_a_participant_stands_on_is_refused_and_changes_nothing()
    {
        var revised = _pathway.Clone();
        revised.Steps.RemoveAt(1);
        revised.Bridges.Clear();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateCareerPathwayAsync(new UpdateCareerPathwayRequest
        {
            CareerPathway = revised, UpdateMask = new() { Paths = { "steps", "bridges" } },
        }, _tenant.Board).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(2, (await Client.GetCareerPathwayAsync(new GetCareerPathwayRequest { Name = _pathway.Name }, _tenant.Board)).Steps.Count);
    }

    [Fact]
    public async Task A_viewer_cannot_revise_a_pathway()
    {
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateCareerPathwayAsync(new UpdateCareerPathwayRequest
        {
            CareerPathway = new CareerPathway { Name = _pathway.Name, DisplayName = "Renamed" }, UpdateMask = new() { Paths = { "display_name" } },
        }, viewer).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
