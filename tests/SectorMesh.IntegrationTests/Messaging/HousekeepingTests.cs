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

        await Eventually.ValueAsync(
            () => Servers.ScalarAsync<long>(platform.Database, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NOT NULL"),
            left => left == 0, "every dispatched event past its retention to be purged");
    }

    [Fact]
    public async Task Readiness_shows_the_outbox_backlog_and_the_error_queues()
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        // Engagement's outbox is given a sent event of this test's own: a refused upload is entered in the audit trail through it.
        var tenant = await TenantScenario.CreateAsync(platform);
        using (var staff = platform.Json(await platform.TokenAsync(tenant.TenantId, "partnership-staff", "healthcare")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/v1/{tenant.Tenant}/lmi/qcew:import", new StringContent("area_fips,own_code\n"))).StatusCode);
        }

        // The figures are measured every 15 s, so they are read until a measurement has reached the broker (a test before
        // this one may have stopped it meanwhile) and agrees with what the test reads in Engagement's outbox itself: once
        // that event is sent, nothing unsent and a backlog of 0. A backlog that counted sent events too would not read 0.
        var measured = await Eventually.ValueAsync(
            async () => (Detail: await MessagingDetailAsync(http), Unsent: await EngagementOutboxCountAsync("dispatched_at IS NULL"),
                OursSent: await EngagementOutboxCountAsync($"dispatched_at IS NOT NULL AND tenant_id = '{tenant.TenantId}'")),
            read => read.OursSent > 0 && read.Unsent == 0
                && read.Detail.GetProperty("error_queues_measured").GetBoolean() && read.Detail.GetProperty("outbox_backlog").GetInt64() == 0,
            "a measurement of the broker, after the refusal's audit event was sent, with no event unsent in Engagement's outbox and a backlog of 0 to show it",
            TimeSpan.FromSeconds(40));
        var messaging = measured.Detail;

        // With nothing unsent there is no oldest unsent event to have an age.
        Assert.Equal(0d, messaging.GetProperty("oldest_unsent_age_seconds").GetDouble());
        // The parked messages are the sum of the error queues it names (it names each that holds any).
        var named = messaging.EnumerateObject().Where(p => p.Name.EndsWith("_error", StringComparison.Ordinal)).Sum(p => p.Value.GetInt64());
        Assert.Equal(named, messaging.GetProperty("error_queue_messages").GetInt64());
    }

    private Task<long> EngagementOutboxCountAsync(string where) =>
        Servers.ScalarAsync<long>(platform.EngagementDatabase, $"SELECT count(*) FROM outbox_messages WHERE {where}");

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
