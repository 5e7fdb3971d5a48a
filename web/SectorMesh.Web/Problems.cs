using Google.Rpc;
using Grpc.Core;

namespace SectorMesh.Web;

/// <summary>What the API said was wrong, in its own words: the field violations by field, the broken rules, or the status.</summary>
public static class Problems
{
    /// <summary>What a page shows in place of its content: the API's refusal or an ended session. Anything else is a fault of ours.</summary>
    public static bool Shown(Exception error) => error is RpcException or Sessions.SessionEnded;

    /// <summary>The BadRequest field violations of a refused call, by the field as the API names it.</summary>
    public static IReadOnlyDictionary<string, string> FieldViolations(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations
            .GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(v => v.Description)))
        ?? new Dictionary<string, string>();

    /// <summary>The Framework rules a refused change breaks (FAILED_PRECONDITION), each in the API's sentence.</summary>
    public static IReadOnlyList<string> BrokenRules(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Select(v => v.Description).ToList() ?? [];

    public static string Describe(RpcException error) => error.StatusCode switch
    {
        StatusCode.PermissionDenied => $"You may not do this: {error.Status.Detail}",
        StatusCode.NotFound => $"Not found: {error.Status.Detail}",
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => "The platform is not answering just now; nothing was changed. Try again shortly.",
        StatusCode.Unauthenticated => "Your sign-in is no longer accepted. Sign in again to go on.",
        _ => error.Status.Detail,
    };
}
