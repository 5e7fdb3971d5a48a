using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using SectorMesh.Contracts.Partnerships.V1;
using SectorMesh.IntegrationTests.Infrastructure;
using SectorMesh.ServiceDefaults;
using StackExchange.Redis;

namespace SectorMesh.IntegrationTests.Data;

/// <summary>Partnership reads are cached in Redis; a change is seen at once, and a lost Redis only slows reads.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReadCacheTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantScenario.CreateAsync(platform);

    public Task DisposeAsync() => Task.CompletedTask;

    private Contracts.Partnerships.V1.Partnerships.PartnershipsClient Client => platform.PartnershipsThroughGateway;

    private static UpdatePartnershipRequest NewVision(string name, string vision) => new()
    {
        Partnership = new Partnership { Name = name, Vision = vision },
        UpdateMask = new FieldMask { Paths = { "vision" } },
    };

    [Fact]
    public async Task A_read_is_kept_in_redis()
    {
        var created = await _tenant.CreatePartnershipAsync("cached");

        await Client.GetPartnershipAsync(new GetPartnershipRequest { Name = created.Name }, _tenant.Board);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(Servers.Redis);
        Assert.True(await redis.GetDatabase().KeyExistsAsync(ResourceCache.Key("partnerships", $"tenants/{_tenant.TenantId}/partnerships/cached")));
    }

    [Fact]
    public async Task A_read_after_a_change_sees_the_change()
    {
        var created = await _tenant.CreatePartnershipAsync("changing");
        await Client.GetPartnershipAsync(new GetPartnershipRequest { Name = created.Name }, _tenant.Board);

        await Client.UpdatePartnershipAsync(NewVision(created.Name, "Seen at once"), _tenant.Board);
        var read = await Client.GetPartnershipAsync(new GetPartnershipRequest { Name = created.Name }, _tenant.Board);

        Assert.Equal("Seen at once", read.Vision);
    }

    [Fact]
    public async Task With_redis_unreachable_reads_and_writes_still_work()
    {
        var created = await _tenant.CreatePartnershipAsync("no-cache");
        var replica = await platform.StartReplicaAsync("partnerships", new Dictionary<string, string> { ["ConnectionStrings__redis"] = $"127.0.0.1:{Servers.FreePort()}" });
        using var channel = GrpcChannel.ForAddress(replica);
        var client = new Contracts.Partnerships.V1.Partnerships.PartnershipsClient(channel);

        await client.UpdatePartnershipAsync(NewVision(created.Name, "Written without Redis"), _tenant.Board);
        var read = await client.GetPartnershipAsync(new GetPartnershipRequest { Name = created.Name }, _tenant.Board);

        Assert.Equal("Written without Redis", read.Vision);
    }
}
