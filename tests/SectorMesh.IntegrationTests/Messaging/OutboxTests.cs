using SectorMesh.Contracts.Events.Partnerships;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.Messaging;

/// <summary>Events leave the Partnerships service through its outbox and RabbitMQ.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OutboxTests(Platform platform) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private TenantScenario _tenant = null!;
    private EventListener _events = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _events = await EventListener.StartAsync();
    }

    public async Task DisposeAsync() => await _events.DisposeAsync();

    [Fact]
    public async Task Each_change_publishes_its_event_exactly_once()
    {
        var partnership = await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare");
        await _tenant.AddSecondEmployerAsync(partnership.Name);
        await platform.PartnershipsThroughGateway.ChangePartnershipStageAsync(
            new ChangePartnershipStageRequest { Name = partnership.Name, Stage = Contracts.Partnerships.V1.PartnershipStage.Active }, _tenant.Board);
        await _events.WaitForAsync(r => r.Any(e => e.Event is PartnershipStageChanged { PartnershipId: "healthcare" } c && c.TenantId == _tenant.TenantId),
            "PartnershipStageChanged of healthcare", Patience);

        await SentinelAfterEverythingSentAsync(partnership.Name);

        var received = _events.Received.Where(e => e.Event.TenantId == _tenant.TenantId).ToList();
        var counts = received.GroupBy(e => e.Event.GetType().Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            [nameof(PartnershipCreated)] = 1,
            [nameof(PartnerJoined)] = 3,
            [nameof(IntermediaryDesignated)] = 1,
            [nameof(AgreementSigned)] = 1,
            [nameof(PartnershipStageChanged)] = 1,
            // The sentinel.
            [nameof(PartnershipRenamed)] = 1,
        }, counts);
        Assert.Equal(received.Count, received.Select(e => e.MessageId).Distinct().Count());
        Assert.All(received, e => Assert.Equal(e.MessageId, e.Event.MessageId));
    }

    /// <summary>
    /// Proves that no further copy of the tenant's events is on its way: once the Partnerships outbox holds none of them
    /// unsent, every publish of them (a second one included) is behind the broker's confirmation and so in the listener's
    /// queue, as a row is published again only while it is unsent. The partnership is then renamed, and its
    /// PartnershipRenamed reaches that queue after all of them; the listener records its queue in order, so once the
    /// sentinel is recorded everything before it is.
    /// </summary>
    private async Task SentinelAfterEverythingSentAsync(string partnershipName)
    {
        await Eventually.ValueAsync(
            () => Servers.ScalarAsync<long>(platform.Database,
                $"SELECT count(*) FROM outbox_messages WHERE tenant_id = '{_tenant.TenantId}' AND dispatched_at IS NULL"),
            unsent => unsent == 0, "the Partnerships outbox to have sent every event of the tenant", Patience);
        await platform.PartnershipsThroughGateway.UpdatePartnershipAsync(new UpdatePartnershipRequest
        {
            Partnership = new Partnership { Name = partnershipName, DisplayName = "Healthcare Careers Partnership" },
            UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("display_name"),
        }, _tenant.Board);
        await _events.WaitForAsync(r => r.Any(e => e.Event is PartnershipRenamed { PartnershipId: "healthcare" } c && c.TenantId == _tenant.TenantId),
            "the sentinel, PartnershipRenamed of healthcare", Patience);
    }

    [Fact]
    public async Task An_event_carries_the_revision_it_made_and_the_subject_who_acted()
    {
        var partnership = await platform.PartnershipsThroughGateway.CreatePartnershipAsync(
            new CreatePartnershipRequest { Parent = _tenant.Tenant, PartnershipId = "renamed", Partnership = _tenant.NewPartnership() }, _tenant.Board);

        await platform.PartnershipsThroughGateway.UpdatePartnershipAsync(new UpdatePartnershipRequest
        {
            Partnership = new Partnership { Name = partnership.Name, DisplayName = "Healthcare Careers Partnership" },
            UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("display_name"),
        }, _tenant.Board);

        await _events.WaitForAsync(r => r.Any(e => e.Event is PartnershipRenamed { PartnershipId: "renamed" } c && c.TenantId == _tenant.TenantId),
            "PartnershipRenamed of renamed", Patience);
        var events = _events.For("renamed").Where(e => e.Event.TenantId == _tenant.TenantId).Select(e => e.Event).ToList();
        var renamed = Assert.IsType<PartnershipRenamed>(events.Single(e => e is PartnershipRenamed));
        Assert.Equal((1L, 2L), (events.Single(e => e is PartnershipCreated).AggregateVersion, renamed.AggregateVersion));
        Assert.Equal(("dev-user", "Healthcare Careers Partnership"), (renamed.Actor, renamed.Profile.DisplayName));
    }

    [Fact]
    public async Task An_event_carries_the_trace_of_the_request_that_caused_it()
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        var headers = new Grpc.Core.Metadata { { "authorization", _tenant.Board.GetValue("authorization")! }, { "traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01" } };

        await platform.PartnershipsThroughGateway.CreatePartnershipAsync(
            new CreatePartnershipRequest { Parent = _tenant.Tenant, PartnershipId = "traced", Partnership = _tenant.NewPartnership() }, headers);
        await _events.WaitForAsync(r => r.Any(e => e.Event is PartnershipCreated { PartnershipId: "traced" } c && c.TenantId == _tenant.TenantId),
            "PartnershipCreated of traced", Patience);

        var created = _events.Received.Single(e => e.Event is PartnershipCreated { PartnershipId: "traced" } c && c.TenantId == _tenant.TenantId);
        Assert.Contains(traceId, _events.HeadersOf(created.Event.MessageId));
    }

    [Fact]
    public async Task With_RabbitMQ_stopped_a_write_succeeds_and_its_event_arrives_after_the_restart()
    {
        Servers.RabbitMqApp("stop_app");
        try
        {
            var created = await _tenant.CreatePartnershipAsync("during-outage");
            Assert.Equal(Contracts.Partnerships.V1.PartnershipStage.Exploring, created.Stage);

            // Not a pause but what the relay did: it tried to publish the event while the broker was down, recorded the
            // failure and kept the event unsent. So the event that arrives below was sent by a retry after the restart,
            // and nothing had been sent (nor could the listener, cut off from the broker too, have received it) before.
            await Eventually.UntilAsync(
                async () => await Servers.ScalarAsync<long>(platform.Database, $"""
                    SELECT count(*) FROM outbox_messages
                    WHERE tenant_id = '{_tenant.TenantId}' AND type LIKE '%.{nameof(PartnershipCreated)}' AND payload->>'partnershipId' = 'during-outage'
                      AND dispatched_at IS NULL AND attempts > 0 AND last_error IS NOT NULL
                    """) == 1,
                "the relay to fail to publish PartnershipCreated while RabbitMQ is stopped and keep it unsent", Patience);
            Assert.DoesNotContain(_events.Received, e => e.Event.TenantId == _tenant.TenantId);
        }
        finally
        {
            Servers.RabbitMqApp("start_app");
        }

        await _events.WaitForAsync(
            r => r.Any(e => e.Event is PartnershipCreated { PartnershipId: "during-outage" } c && c.TenantId == _tenant.TenantId),
            "PartnershipCreated of during-outage after RabbitMQ came back", Patience);
    }
}
