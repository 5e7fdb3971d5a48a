using Grpc.Core;

namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>Calls made on what a service learns from another's events, which arrive a moment after the change.</summary>
public static class Eventually
{
    /// <summary>Repeats the call while it answers NOT_FOUND, for up to 30 s: the record it needs has not been copied yet.</summary>
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
