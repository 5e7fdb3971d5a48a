using System.Collections.Concurrent;
using MassTransit;
using RabbitMQ.Client;
using SectorMesh.Contracts.Events;
using SectorMesh.Contracts.Events.Partnerships;
using Engagement = SectorMesh.Contracts.Events.Engagement;
using Resources = SectorMesh.Contracts.Events.Resources;

namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>
/// Another service's view of RabbitMQ: a durable queue of its own bound to every partnership,
/// resources and engagement event, recording each delivery with its message id. The queue is deleted when done, so no
/// binding outlives the test. It consumes one message at a time, in the order the queue holds them, so once a message
/// is recorded every message that reached the queue before it has been recorded too: a test proves that nothing more
/// came by waiting for a sentinel it caused after everything it counts had reached the queue.
/// </summary>
public sealed class EventListener : IAsyncDisposable,
    IConsumer<PartnershipCreated>, IConsumer<PartnershipRenamed>, IConsumer<PartnershipStageChanged>, IConsumer<PartnerJoined>, IConsumer<PartnerLeft>,
    IConsumer<IntermediaryDesignated>, IConsumer<AgreementSigned>, IConsumer<CommitteeMemberAdded>, IConsumer<GoalSet>,
    IConsumer<Resources.FundingSourceRecorded>, IConsumer<Resources.FundingAwarded>, IConsumer<Resources.CommitmentRecorded>,
    IConsumer<Resources.ContributionRecorded>, IConsumer<Engagement.EmployerEngagementRecorded>, IConsumer<Engagement.MeetingHeld>,
    IConsumer<Engagement.ActionItemCompleted>, IConsumer<Engagement.LmiDataValidated>, IConsumer<Engagement.SkillsGapAnalysisCompleted>
{
    private readonly ConcurrentQueue<(Guid MessageId, IIntegrationEvent Event)> _received = new();
    private readonly ConcurrentDictionary<Guid, string> _headers = new();
    private IBusControl _bus = null!;

    public string Queue { get; } = $"test-events-{Guid.NewGuid():N}";

    public IReadOnlyList<(Guid MessageId, IIntegrationEvent Event)> Received => _received.ToList();

    public static async Task<EventListener> StartAsync()
    {
        var listener = new EventListener();
        listener._bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(Servers.RabbitMq));
            rabbit.ReceiveEndpoint(listener.Queue, endpoint =>
            {
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.Instance(listener);
            });
        });
        await listener._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return listener;
    }

    public IReadOnlyList<(Guid MessageId, IIntegrationEvent Event)> For(string partnershipId) =>
        Received.Where(r => r.Event.PartnershipId == partnershipId).ToList();

    /// <summary>Waits until what has been received satisfies <paramref name="condition"/>, and fails the test naming <paramref name="what"/> if it does not in time.</summary>
    public Task<IReadOnlyList<(Guid MessageId, IIntegrationEvent Event)>> WaitForAsync(
        Func<IReadOnlyList<(Guid MessageId, IIntegrationEvent Event)>, bool> condition, string what, TimeSpan timeout) =>
        Eventually.ValueAsync(() => Task.FromResult(Received), condition, what, timeout,
            received => $"{received.Count} events, the last: {string.Join(", ", received.TakeLast(10).Select(r => r.Event))}");

    /// <summary>The transport headers a message arrived with, flattened, to see what context travelled with it.</summary>
    public string HeadersOf(Guid messageId) => _headers.GetValueOrDefault(messageId, "");

    private Task Record(ConsumeContext context, IIntegrationEvent message)
    {
        _headers[message.MessageId] = string.Join("; ", context.Headers.GetAll().Select(h => $"{h.Key}={h.Value}"));
        _received.Enqueue((context.MessageId ?? Guid.Empty, message));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<PartnershipCreated> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<PartnershipRenamed> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<PartnershipStageChanged> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<PartnerJoined> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<PartnerLeft> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<IntermediaryDesignated> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<AgreementSigned> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<CommitteeMemberAdded> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<GoalSet> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Resources.FundingSourceRecorded> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Resources.FundingAwarded> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Resources.CommitmentRecorded> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Resources.ContributionRecorded> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Engagement.EmployerEngagementRecorded> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Engagement.MeetingHeld> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Engagement.ActionItemCompleted> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Engagement.LmiDataValidated> context) => Record(context, context.Message);
    public Task Consume(ConsumeContext<Engagement.SkillsGapAnalysisCompleted> context) => Record(context, context.Message);

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await DeleteQueuesAsync(Queue);
    }

    public static async Task DeleteQueuesAsync(params string[] queues)
    {
        var factory = new ConnectionFactory { Uri = new Uri(Servers.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue);
            await channel.ExchangeDeleteAsync(queue);
        }
    }
}
