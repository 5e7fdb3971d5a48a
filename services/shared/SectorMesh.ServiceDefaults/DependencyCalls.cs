using Grpc.Core;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Calls to another SectorMesh service: its "not found" is this service's, and its being down or
/// slow is "unavailable" with a sentence saying what could not be checked, never a wrong answer.
/// </summary>
public static class DependencyCalls
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static async Task<T> CallAsync<T>(Func<DateTime, Task<T>> call, string resourceName, string whenDown)
    {
        try
        {
            return await call(DateTime.UtcNow.Add(Deadline));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new ResourceNotFound(resourceName);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new DependencyUnavailable(whenDown);
        }
    }
}
