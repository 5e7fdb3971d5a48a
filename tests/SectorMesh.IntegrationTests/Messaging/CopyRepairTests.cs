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
        Assert.True(await EventuallyAsync($"SELECT count(*) FROM employers WHERE tenant_id = '{tenant.TenantId}' AND is_current_partner", 1));
        await Servers.ExecuteAsync(platform.EngagementDatabase, $"DELETE FROM employers WHERE tenant_id = '{tenant.TenantId}'; DELETE FROM partnerships WHERE tenant_id = '{tenant.TenantId}'");

        await platform.RunCommandAsync("partnerships", "republish", $"--tenant={tenant.TenantId}");

        Assert.True(await EventuallyAsync($"SELECT count(*) FROM partnerships WHERE tenant_id = '{tenant.TenantId}' AND naics_code = '62'", 1));
        Assert.True(await EventuallyAsync($"SELECT count(*) FROM employers WHERE tenant_id = '{tenant.TenantId}' AND is_current_partner", 1));
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

        Assert.True(await EventuallyAsync($"SELECT count(*) FROM partnerships WHERE tenant_id = '{tenant}'", 1));
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

    private async Task<bool> EventuallyAsync(string countSql, long expected)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            if (await Servers.ScalarAsync<long>(platform.EngagementDatabase, countSql) == expected)
            {
                return true;
            }
        }
        return false;
    }
}
