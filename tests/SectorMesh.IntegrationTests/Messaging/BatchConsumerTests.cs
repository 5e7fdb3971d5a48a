using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SectorMesh.Contracts.Events.Partnerships;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.Messaging;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.IntegrationTests.Messaging;

public sealed class RosterBatchConsumer(RosterDbContext db, TenantScope tenants)
    : IdempotentBatchConsumer<PartnerJoined, RosterDbContext>(db, tenants, TimeProvider.System)
{
    public static int Batches;

    protected override Task HandleAsync(IReadOnlyList<PartnerJoined> messages, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Batches);
        Db.Roster.AddRange(messages.Select(m => new RosterEntry { PartnershipId = m.PartnershipId, OrganizationId = m.OrganizationId }));
        return Task.CompletedTask;
    }
}

public sealed class BatchConsumerTests : IAsyncLifetime
{
    private readonly string _queue = $"test-roster-batch-{Guid.NewGuid():N}";
    private ServiceProvider _services = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        Servers.RequireRunning();
        var database = await Servers.CreateDatabaseAsync("rosterbatch");
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddScoped<TenantScope>();
        services.AddDbContext<RosterDbContext>(o => o.UseNpgsql(database));
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<RosterBatchConsumer, BatchConsumerDefinition<RosterBatchConsumer>>().Endpoint(e => e.Name = _queue);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(Servers.RabbitMq));
                rabbit.ConfigureEndpoints(context);
            });
        });
        _services = services.BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RosterDbContext>().Database.EnsureCreatedAsync();
        }
        _bus = _services.GetRequiredService<IBusControl>();
        await _bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _services.DisposeAsync();
        await EventListener.DeleteQueuesAsync(_queue, _queue + "_error");
    }

    private static PartnerJoined Joined(Guid id, string partnership, string organization) =>
        new(id, "batches", partnership, DateTimeOffset.UtcNow, organization, organization, "Employer", [], null);

    private async Task<List<string>> RosterOf(string partnership)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RosterDbContext>().Roster.Where(r => r.PartnershipId == partnership)
            .Select(r => r.OrganizationId).ToListAsync();
    }

    private Task PublishAsync(PartnerJoined message) => _bus.Publish(message, c => c.MessageId = message.MessageId);

    [Fact]
    public async Task A_message_handled_in_an_earlier_batch_or_twice_in_one_changes_nothing()
    {
        var partnership = $"p{Guid.NewGuid():N}";
        var first = Joined(Guid.NewGuid(), partnership, "hospital");
        await PublishAsync(first);
        await Eventually.UntilAsync(async () => (await RosterOf(partnership)).Count == 1, "the first message in the roster");

        var second = Joined(Guid.NewGuid(), partnership, "college");
        await PublishAsync(first);
        await PublishAsync(second);
        await PublishAsync(second);
        var sentinel = Joined(Guid.NewGuid(), partnership, "sentinel");
        await PublishAsync(sentinel);
        await Eventually.UntilAsync(async () => (await RosterOf(partnership)).Contains("sentinel"), "the sentinel in the roster");

        Assert.Equal(["college", "hospital", "sentinel"], (await RosterOf(partnership)).Order());
    }

    [Fact]
    public async Task Many_messages_are_handled_in_batches_not_one_transaction_each()
    {
        var partnership = $"p{Guid.NewGuid():N}";
        var before = Volatile.Read(ref RosterBatchConsumer.Batches);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => PublishAsync(Joined(Guid.NewGuid(), partnership, $"employer-{i}"))));
        await Eventually.UntilAsync(async () => (await RosterOf(partnership)).Count == 500, "all 500 messages in the roster");

        Assert.InRange(Volatile.Read(ref RosterBatchConsumer.Batches) - before, 1, 250);
    }
}
