using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

/// <summary>
/// The one-off commands every service with a database and a broker answers instead of serving:
/// `migrate` (the AppHost's migration step, the Kubernetes Job), `wait-for-migrations` (the
/// Kubernetes init container) and `requeue-errors` (moves messages parked in the service's error
/// queues back to their queues once the cause is fixed), plus any of the service's own.
/// </summary>
public static class ServiceCommands
{
    public const string Migrate = "migrate";
    public const string WaitForMigrations = "wait-for-migrations";
    public const string RequeueErrors = "requeue-errors";

    /// <summary>Runs the command named first on the command line, if any; false when the service should serve.</summary>
    public static async Task<bool> RunCommandAsync<TDbContext>(this WebApplication app, string[] args,
        IReadOnlyDictionary<string, Func<WebApplication, Task>>? own = null) where TDbContext : DbContext
    {
        var commands = new Dictionary<string, Func<WebApplication, Task>>(own ?? new Dictionary<string, Func<WebApplication, Task>>())
        {
            [Migrate] = a => a.MigrateDatabaseAsync<TDbContext>(),
            [WaitForMigrations] = a => a.WaitForMigrationsAsync<TDbContext>(),
            [RequeueErrors] = a => a.RequeueErrorsAsync(),
        };
        if (args.FirstOrDefault(commands.ContainsKey) is not { } command)
        {
            return false;
        }
        await commands[command](app);
        return true;
    }

    /// <summary>Moves every message in the service's error queues back to the queue it failed in, unchanged; how many moved.</summary>
    public static async Task<long> RequeueErrorsAsync(this WebApplication app)
    {
        var broker = app.Services.GetRequiredService<BrokerAddress>();
        var logger = app.Services.GetRequiredService<ILogger<BrokerAddress>>();
        await using var connection = await broker.ConnectAsync("sectormesh-requeue-errors", CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        long total = 0;
        foreach (var queue in app.Services.GetRequiredService<ConsumerEndpoints>().Queues)
        {
            var errors = queue + ConsumerEndpoints.ErrorSuffix;
            if (await broker.DepthAsync(connection, errors, CancellationToken.None) == 0)
            {
                continue;
            }
            long moved = 0;
            while (await channel.BasicGetAsync(errors, autoAck: false) is { } message)
            {
                // Acknowledged only once the broker has confirmed the copy, so nothing is lost if this stops halfway.
                await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties(message.BasicProperties), message.Body);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
                moved++;
            }
            logger.LogInformation("Moved {Count} messages from {ErrorQueue} back to {Queue}", moved, errors, queue);
            total += moved;
        }
        logger.LogInformation("Requeued {Total} messages", total);
        return total;
    }
}
