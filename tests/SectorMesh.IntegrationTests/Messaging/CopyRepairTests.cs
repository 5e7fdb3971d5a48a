using MassTransit;
using SectorMesh.Contracts.Events.Partnerships;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.Messaging;

/// <summary>An operator puts a copy right again: by rebuilding it from its source, or by requeuing messages once their cause is fixed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CopyRepairTests(Platform platform)
{
    [Fact]
    public async Task A_lost_copy_is_rebuilt_from_the_partnerships_republished_snapshots()
    {
        var tenant = await TenantScenario.CreateAsync(platform);
        await tenant.PrepareForActivationWithOneEmployerAsync("healthcare");
        await CountIsAsync($"SELECT count(*) FROM employers WHERE tenant_id = '{tenant.TenantId}' AND is_current_partner", 1);
        await Servers.ExecuteAsync(platform.EngagementDatabase, $"DELETE FROM employers WHERE tenant_id = '{tenant.TenantId}'; DELETE FROM partnerships WHERE tenant_id = '{tenant.TenantId}'");

        await platform.RunCommandAsync("partnerships", "republish", $"--tenant={tenant.TenantId}");

        await CountIsAsync($"SELECT count(*) FROM partnerships WHERE tenant_id = '{tenant.TenantId}' AND naics_code = '62'", 1);
        await CountIsAsync($"SELECT count(*) FROM employers WHERE tenant_id = '{tenant.TenantId}' AND is_current_partner", 1);
    }

    [Fact]
    public async Task Messages_parked_in_an_error_queue_are_handled_once_requeued()
    {
        var tenant = $"requeue{Guid.NewGuid():N}"[..20];
        var parked = new PartnershipCreated(Guid.NewGuid(), tenant, "healthcare", DateTimeOffset.UtcNow, "Healthcare", "central", "62", "Health Care", "Exploring")
        {
            AggregateVersion = 1,
        };
        await SendAsync("partnership-created-copy_error", parked);

        await platform.RunCommandAsync("engagement", "requeue-errors");

        await CountIsAsync($"SELECT count(*) FROM partnerships WHERE tenant_id = '{tenant}'", 1);
    }

    private static async Task SendAsync(string queue, object message)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(Servers.RabbitMq)));
        await bus.StartAsync();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            await endpoint.Send(message);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>Waits until the count Engagement's database answers is the one expected, and fails the test if it does not become it.</summary>
    private Task CountIsAsync(string countSql, long expected) =>
        Eventually.ValueAsync(() => Servers.ScalarAsync<long>(platform.EngagementDatabase, countSql), count => count == expected,
            $"{countSql} to answer {expected}");
}
