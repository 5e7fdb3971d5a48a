using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "rabbitmq";

    private static readonly TimeSpan MaxTransientBackoff = TimeSpan.FromSeconds(15);

    /// <summary>
    /// MassTransit over RabbitMQ (ConnectionStrings:rabbitmq, an amqp:// URI). A consumer whose
    /// database, broker or dependency is down keeps the message and retries with backoff until
    /// it is back; only a message that fails for itself (unreadable, refused by a rule) goes to the
    /// endpoint's error queue after a few quick tries. A broker that is down degrades readiness, it
    /// does not fail it: writes go on through the outbox.
    /// </summary>
    public static IHostApplicationBuilder AddSectorMeshMessaging(this IHostApplicationBuilder builder, params Type[] consumers)
    {
        var connection = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Set ConnectionStrings:{ConnectionName} to the RabbitMQ amqp:// URI.");
        builder.Services.AddSingleton(new BrokerAddress(new Uri(connection)));
        builder.Services.AddSingleton(ConsumerEndpoints.Of(consumers));
        builder.Services.TryAddScoped<TenantScope>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);
            foreach (var consumer in consumers)
            {
                if (TakesBatches(consumer))
                {
                    bus.AddConsumer(consumer, typeof(BatchConsumerDefinition<>).MakeGenericType(consumer));
                }
                else
                {
                    bus.AddConsumer(consumer);
                }
            }
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connection));
                rabbit.UseConsumeFilter(typeof(TenantScopeFilter<>), context);
                rabbit.UseMessageRetry(retry => retry.Intervals(100, 500, 2000).Ignore<Exception>(Faults.IsTransient));
                rabbit.UseMessageRetry(retry => retry
                    .Exponential(int.MaxValue, TimeSpan.FromMilliseconds(200), MaxTransientBackoff, TimeSpan.FromMilliseconds(500))
                    .Handle<Exception>(Faults.IsTransient));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static bool TakesBatches(Type consumer) =>
        consumer.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)
            && i.GetGenericArguments()[0] is { IsGenericType: true } message && message.GetGenericTypeDefinition() == typeof(Batch<>));

    /// <summary>
    /// The service's PostgreSQL database (ConnectionStrings:{databaseName}) with its readiness check,
    /// and the outbox that writes its integration events in the same transaction as its changes.
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseWithOutbox<TDbContext, TMapper>(this IHostApplicationBuilder builder, string databaseName)
        where TDbContext : DbContext
        where TMapper : class, IIntegrationEventMapper
    {
        var connection = builder.Configuration.GetConnectionString(databaseName)
            ?? throw new InvalidOperationException($"Set ConnectionStrings:{databaseName} to the service's PostgreSQL database.");
        builder.Services.AddDbContext<TDbContext>((services, options) => options
            .UseNpgsql(connection)
            .AddInterceptors(services.GetRequiredService<DomainEventsToOutbox>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(databaseName);
        return builder.AddOutbox<TDbContext, TMapper>();
    }

    private static IHostApplicationBuilder AddOutbox<TDbContext, TMapper>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
        where TMapper : class, IIntegrationEventMapper
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IIntegrationEventMapper, TMapper>();
        builder.Services.AddSingleton<DomainEventsToOutbox>();
        builder.Services.AddSingleton<IAuditTrail, OutboxAuditTrail<TDbContext>>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        builder.Services.AddSingleton<MessagingHousekeeping<TDbContext>>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MessagingHousekeeping<TDbContext>>());
        builder.Services.AddSingleton<MessagingState>();
        builder.Services.AddHostedService<MessagingMonitor<TDbContext>>();
        builder.Services.AddHealthChecks().AddCheck<MessagingHealthCheck>("messaging");
        return builder;
    }
}
