using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace SectorMesh.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// MassTransit over RabbitMQ (ConnectionStrings:rabbitmq, an amqp:// URI) with retries and an
    /// error queue per endpoint. A broker that is down degrades readiness, it does not fail it:
    /// writes go on through the outbox.
    /// </summary>
    public static IHostApplicationBuilder AddSectorMeshMessaging(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var connection = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Set ConnectionStrings:{ConnectionName} to the RabbitMQ amqp:// URI.");
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connection));
                rabbit.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>The outbox of <typeparamref name="TDbContext"/> and its relay; the context adds <see cref="DomainEventsToOutbox"/>.</summary>
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
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IIntegrationEventMapper, TMapper>();
        builder.Services.AddSingleton<DomainEventsToOutbox>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        return builder;
    }
}
