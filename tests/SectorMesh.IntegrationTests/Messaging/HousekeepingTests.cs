using System.Net;
using System.Text.Json;
using Grpc.Core;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.Messaging;

/// <summary>What an operator relies on around the events: purged history, a readable backlog, and no INTERNAL from a race.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HousekeepingTests(Platform platform)
{
    [Fact]
    public async Task Dispatched_events_past_their_retention_are_purged()
    {
        var tenant = await TenantScenario.CreateAsync(platform);
        await platform.PartnershipsThroughGateway.CreatePartnershipAsync(
            new CreatePartnershipRequest { Parent = tenant.Tenant, PartnershipId = "purged", Partnership = tenant.NewPartnership() }, tenant.Board);

        await platform.StartReplicaAsync("partnerships", new Dictionary<string, string>
        {
            ["Outbox__DispatchedRetention"] = "00:00:00",
            ["Outbox__ProcessedRetention"] = "00:00:00",
            ["Outbox__PurgeInterval"] = "00:00:01",
            ["Outbox__PurgeBatchSize"] = "2",
        });

        var left = long.MaxValue;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); left > 0 && DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            left = await Servers.ScalarAsync<long>(platform.Database, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NOT NULL");
        }
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task Readiness_shows_the_outbox_backlog_and_the_error_queues()
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        // The error queues are measured every 15 s; a test before this one may have stopped the broker meanwhile.
        var messaging = await MessagingDetailAsync(http);
        for (var deadline = DateTime.UtcNow.AddSeconds(40); !messaging.GetProperty("error_queues_measured").GetBoolean() && DateTime.UtcNow < deadline;
             messaging = await MessagingDetailAsync(http))
        {
            await Task.Delay(500);
        }

        Assert.True(messaging.GetProperty("error_queues_measured").GetBoolean());
        Assert.All(new[] { "outbox_backlog", "oldest_unsent_age_seconds", "error_queue_messages" },
            figure => Assert.True(messaging.GetProperty(figure).GetDouble() >= 0));
    }

    private async Task<JsonElement> MessagingDetailAsync(HttpClient http)
    {
        var body = await http.GetStringAsync(new Uri(platform.EngagementUrl, "/health/ready"));
        return JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("messaging").GetProperty("data");
    }

    [Fact]
    public async Task Creates_of_one_partnership_racing_make_one_and_the_rest_get_ALREADY_EXISTS()
    {
        var tenant = await TenantScenario.CreateAsync(platform);
        var request = new CreatePartnershipRequest { Parent = tenant.Tenant, PartnershipId = "raced", Partnership = tenant.NewPartnership() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await platform.PartnershipsThroughGateway.CreatePartnershipAsync(request, tenant.Board);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(7, answers.Count(a => a == StatusCode.AlreadyExists));
    }
}
