using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SectorMesh.Contracts.Partnerships.V1;

namespace SectorMesh.SampleData;

/// <summary>The gateway's gRPC clients, signed in with Development tokens from /dev/token.</summary>
public sealed class SampleClient
{
    private readonly HttpClient _json;

    private SampleClient(GrpcChannel channel, HttpClient json)
    {
        _json = json;
        Tenants = new Tenants.TenantsClient(channel);
        Organizations = new Organizations.OrganizationsClient(channel);
        Partnerships = new Partnerships.PartnershipsClient(channel);
        Resources = new Contracts.Resources.V1.Resources.ResourcesClient(channel);
        Engagement = new Contracts.Engagement.V1.Engagement.EngagementClient(channel);
        Pathways = new Contracts.Pathways.V1.Pathways.PathwaysClient(channel);
        JobQuality = new Contracts.Pathways.V1.JobQuality.JobQualityClient(channel);
        ParticipantSupports = new Contracts.Pathways.V1.ParticipantSupports.ParticipantSupportsClient(channel);
        WorkBasedLearning = new Contracts.Pathways.V1.WorkBasedLearning.WorkBasedLearningClient(channel);
        WorkerVoice = new Contracts.Pathways.V1.WorkerVoice.WorkerVoiceClient(channel);
        CapacityBuilding = new Contracts.Pathways.V1.CapacityBuilding.CapacityBuildingClient(channel);
        Metrics = new Contracts.Metrics.V1.Metrics.MetricsClient(channel);
    }

    public Tenants.TenantsClient Tenants { get; }
    public Organizations.OrganizationsClient Organizations { get; }
    public Partnerships.PartnershipsClient Partnerships { get; }
    public Contracts.Resources.V1.Resources.ResourcesClient Resources { get; }
    public Contracts.Engagement.V1.Engagement.EngagementClient Engagement { get; }
    public Contracts.Pathways.V1.Pathways.PathwaysClient Pathways { get; }
    public Contracts.Pathways.V1.JobQuality.JobQualityClient JobQuality { get; }
    public Contracts.Pathways.V1.ParticipantSupports.ParticipantSupportsClient ParticipantSupports { get; }
    public Contracts.Pathways.V1.WorkBasedLearning.WorkBasedLearningClient WorkBasedLearning { get; }
    public Contracts.Pathways.V1.WorkerVoice.WorkerVoiceClient WorkerVoice { get; }
    public Contracts.Pathways.V1.CapacityBuilding.CapacityBuildingClient CapacityBuilding { get; }
    public Contracts.Metrics.V1.Metrics.MetricsClient Metrics { get; }

    public Metadata Auth { get; private set; } = [];

    public static SampleClient Connect(Uri grpc, Uri json) =>
        new(GrpcChannel.ForAddress(grpc), new HttpClient { BaseAddress = json });

    /// <summary>Signs in; retries while the gateway is still starting.</summary>
    public async Task SignInAsync(string tenant, params string[] roles)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await _json.PostAsJsonAsync("/dev/token", new { tenant, roles, subject = "sample-loader" });
                response.EnsureSuccessStatusCode();
                var token = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["access_token"].ToString();
                Auth = new Metadata { { "authorization", $"Bearer {token}" } };
                _json.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                return;
            }
            catch (HttpRequestException) when (attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>Uploads a file to an import endpoint, streamed as the request body, and prints the import report.</summary>
    public async Task ImportAsync(string path, string file)
    {
        await using var content = File.OpenRead(file);
        using var response = await _json.PostAsync(path, new StreamContent(content));
        var report = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Importing {Path.GetFileName(file)} failed with {(int)response.StatusCode}: {report}");
        }
        Console.WriteLine($"Imported {Path.GetFileName(file)}: {report}");
    }
}
