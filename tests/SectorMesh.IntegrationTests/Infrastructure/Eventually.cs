using System.Collections;
using Grpc.Core;

namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>
/// The one way the tests wait: for what arrives a moment after the change that causes it (a copy made from another
/// service's events, an audit entry, a purge). Each wait polls until what it waits for holds and fails the test,
/// naming it, at its deadline; none returns quietly at the deadline, and none proves that something did not happen.
/// That is proved by a sentinel: a later message that must arrive after the one that must not, waited for here.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Repeats the call while it answers NOT_FOUND, for up to 30 s: the record it needs has not been copied yet.</summary>
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + DefaultTimeout;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                await Task.Delay(Interval);
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test naming <paramref name="what"/> if it does not within the timeout (30 s unless given).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Waited {limit.TotalSeconds:0.#} s for {what}; it did not happen.");
            }
            await Task.Delay(Interval);
        }
    }

    /// <summary>
    /// Reads until <paramref name="accept"/> takes what was read and returns that; fails the test naming
    /// <paramref name="what"/> and showing the last value read if nothing is accepted within the timeout (30 s unless given).
    /// </summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> accept, string what, TimeSpan? timeout = null,
        Func<T, string>? describe = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (accept(value))
            {
                return value;
            }
            if (DateTime.UtcNow >= deadline)
            {
                var shown = describe is null ? Describe(value) : describe(value);
                Assert.Fail($"Waited {limit.TotalSeconds:0.#} s for {what}; the last value read was: {shown}");
            }
            await Task.Delay(Interval);
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        // A protobuf message writes itself as JSON; a list of them, or of counts, is shown item by item.
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Take(50).Select(Describe))}]",
        { } other => other.ToString() ?? "",
    };
}
