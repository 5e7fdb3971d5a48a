using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using SectorMesh.Contracts.Events.Partnerships;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.Messaging;

namespace SectorMesh.IntegrationTests.Messaging;

/// <summary>A service's local copy of partnership rosters, built from PartnerJoined events.</summary>
public sealed class RosterDbContext(DbContextOptions<RosterDbContext> options) : DbContext(options)
{
    public DbSet<RosterEntry> Roster => Set<RosterEntry>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.MapMessaging();
        model.Entity<RosterEntry>().HasKey(e => e.Id);
    }
}

public sealed class RosterEntry
{
    public int Id { get; set; }
    public string PartnershipId { get; set; } = "";
    public string OrganizationId { get; set; } = "";
}

public sealed class PartnerRosterConsumer(RosterDbContext db, ILogger<PartnerRosterConsumer> logger)
    : IdempotentConsumer<PartnerJoined, RosterDbContext>(db, TimeProvider.System, logger)
{
    protected override Task HandleAsync(PartnerJoined message, CancellationToken cancellationToken)
    {
        Db.Roster.Add(new RosterEntry { PartnershipId = message.PartnershipId, OrganizationId = message.OrganizationId });
        return Task.CompletedTask;
    }
}

public sealed class RejectingConsumer : IConsumer<PartnerLeft>
{
    public Task Consume(ConsumeContext<PartnerLeft> context) => throw new InvalidOperationException("This consumer cannot handle the message.");
}

public sealed class IdempotentConsumerTests : IAsyncLifetime
{
    private readonly string _roster = $"test-roster-{Guid.NewGuid():N}";
    private readonly string _rejecting = $"test-rejecting-{Guid.NewGuid():N}";
    private ServiceProvider _services = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        Servers.RequireRunning();
        var database = await Servers.CreateDatabaseAsync("roster");
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddDbContext<RosterDbContext>(o => o.UseNpgsql(database));
        services.AddMassTransit(bus =>
        {
            // One message at a time, in the queue's order, so a sentinel handled means every message before it was.
            bus.AddConsumer<PartnerRosterConsumer>().Endpoint(e =>
            {
                e.Name = _roster;
                e.ConcurrentMessageLimit = 1;
            });
            bus.AddConsumer<RejectingConsumer>().Endpoint(e => e.Name = _rejecting);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(Servers.RabbitMq));
                rabbit.UseMessageRetry(retry => retry.Immediate(2));
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
        await EventListener.DeleteQueuesAsync(_roster, _rejecting, _roster + "_error", _rejecting + "_error");
    }

    private static PartnerJoined Joined(Guid id, string partnership, string organization) =>
        new(id, "idempotency", partnership, DateTimeOffset.UtcNow, organization, organization, "Employer", [], null);

    private async Task<List<RosterEntry>> RosterOf(string partnership)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RosterDbContext>().Roster.Where(r => r.PartnershipId == partnership).ToListAsync();
    }

    [Fact]
    public async Task A_redelivered_event_changes_nothing()
    {
        var partnership = $"p{Guid.NewGuid():N}";
        var message = Joined(Guid.NewGuid(), partnership, "hospital");

        await _bus.Publish(message, c => c.MessageId = message.MessageId);
        await _bus.Publish(message, c => c.MessageId = message.MessageId);
        // Each publish is confirmed before the next, so the queue holds both copies before the sentinel; its one consumer
        // handles them in that order, so once the sentinel is in, both copies were handled.
        var sentinel = Joined(Guid.NewGuid(), partnership, "sentinel");
        await _bus.Publish(sentinel, c => c.MessageId = sentinel.MessageId);
        await Eventually.UntilAsync(async () => (await RosterOf(partnership)).Any(r => r.OrganizationId == "sentinel"), "the sentinel in the roster");

        Assert.Equal(["hospital", "sentinel"], (await RosterOf(partnership)).Select(r => r.OrganizationId).Order());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_the_error_queue()
    {
        var message = new PartnerLeft(Guid.NewGuid(), "idempotency", "p", DateTimeOffset.UtcNow, "hospital", new DateOnly(2026, 1, 1));

        await _bus.Publish(message, c => c.MessageId = message.MessageId);

        var factory = new ConnectionFactory { Uri = new Uri(Servers.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        var failed = await Eventually.ValueAsync<BasicGetResult?>(async () =>
        {
            // The error queue is declared on the first failure; asking for a missing queue closes the channel, so each try has its own.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return await channel.BasicGetAsync(_rejecting + "_error", autoAck: true);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return null;
            }
        }, got => got is not null, $"the message in {_rejecting}_error");
        Assert.Contains(message.MessageId.ToString(), System.Text.Encoding.UTF8.GetString(failed!.Body.Span));
    }
}
