using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using SectorMesh.Contracts;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>
/// Every method of every service, called through the gateway: the service that answers enforces the
/// permission its .proto declares, before its handler runs. (Which role gets what is the unit
/// AccessMatrixTests' table; this proves each deployed service applies it.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EveryMethodAccessTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;
    private TenantScenario _other = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantScenario.CreateAsync(platform);
        _other = await TenantScenario.CreateAsync(platform);
        await _tenant.CreatePartnershipAsync("healthcare");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> MethodsOnResources() => [.. ApiCatalog.Methods.Values.Where(m => m.ResourceField is not null).Select(Path)];

    public static TheoryData<string> WriteMethods() => [.. ApiCatalog.Methods.Values.Where(m => m.Writes && m.ResourceField is not null).Select(Path)];

    private static string Path(MethodAccess method) => $"/{method.Method.Service.FullName}/{method.Method.Name}";

    [Theory]
    [MemberData(nameof(MethodsOnResources))]
    public async Task Another_tenants_board_administrator_finds_nothing(string path)
    {
        var status = await CallAsync(ApiCatalog.Methods[path], _other.Board);

        Assert.Equal(StatusCode.NotFound, status);
    }

    [Theory]
    [MemberData(nameof(WriteMethods))]
    public async Task A_viewer_changes_nothing(string path)
    {
        var viewer = Platform.Bearer(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var status = await CallAsync(ApiCatalog.Methods[path], viewer);

        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    [Fact]
    public async Task A_board_administrator_creates_no_tenant()
    {
        var status = await CallAsync(ApiCatalog.Methods["/sectormesh.partnerships.v1.Tenants/CreateTenant"], _tenant.Board);

        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    /// <summary>The status of a call of the method naming its resource in the test tenant's partnership.</summary>
    private async Task<StatusCode> CallAsync(MethodAccess method, Metadata headers)
    {
        var request = method.RequestNaming(method.ExampleName(_tenant.TenantId, "healthcare"));
        var call = new Method<IMessage, IMessage>(
            method.Method.IsClientStreaming ? MethodType.DuplexStreaming : MethodType.Unary,
            method.Method.Service.FullName, method.Method.Name, Marshaller(method.Method.InputType), Marshaller(method.Method.OutputType));
        var invoker = platform.Gateway.CreateCallInvoker();
        var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(30));
        try
        {
            if (method.Method.IsClientStreaming)
            {
                using var stream = invoker.AsyncDuplexStreamingCall(call, null, options);
                await stream.RequestStream.WriteAsync(request);
                await stream.RequestStream.CompleteAsync();
                while (await stream.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            }
            else
            {
                await invoker.AsyncUnaryCall(call, null, options, request);
            }
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static Marshaller<IMessage> Marshaller(MessageDescriptor type) => Marshallers.Create(m => m.ToByteArray(), type.Parser.ParseFrom);
}
