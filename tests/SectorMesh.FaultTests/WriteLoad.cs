using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.FaultTests;

public enum WriteKind
{
    /// <summary>A partnership created in Partnerships; Engagement copies it from PartnershipCreated.</summary>
    CreatePartnership,

    /// <summary>The hospital (an employer) joining a partnership this load created; Engagement copies it from PartnerJoined.</summary>
    AddEmployer,

    /// <summary>A meeting recorded in Engagement's own database; nothing consumes it, it is there to meet Engagement's database faults.</summary>
    RecordMeeting,
}

/// <summary>One write of the load, with the id the client chose, so a retry of it is the same write.</summary>
public sealed class Write(WriteKind kind, string partnership, string? meeting)
{
    public WriteKind Kind { get; } = kind;
    public string Partnership { get; } = partnership;
    public string? Meeting { get; } = meeting;
    public DateTime FirstSentAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public bool Accepted { get; set; }
    /// <summary>Accepted because a retry found it already there (409, or the employer already a partner).</summary>
    public bool AcceptedOnRetry { get; set; }

    /// <summary>Accepted, refused for good, or given up after the retry deadline.</summary>
    public bool Final { get; set; }

    /// <summary>Whether Engagement should come to hold a copy of this write's effect.</summary>
    public bool HasEvent => Kind is WriteKind.CreatePartnership or WriteKind.AddEmployer;
}

/// <summary>
/// Steady writes through the gateway's JSON port at a fixed rate, in a cycle of a partnership, its
/// employer and a meeting. A write refused as unavailable (503, 502, 504, 429, a timeout or no answer at
/// all) is retried with the same id after a backoff, within the same rate: a retry takes a tick that a new
/// write would have taken, so an outage never raises the load. ALREADY_EXISTS (409) on a retry, or the
/// employer already being a partner, means an earlier attempt was applied: the write counts as accepted once.
/// </summary>
public sealed class WriteLoad(HttpClient gateway, TenantScenario tenant, string prefix, double writesPerSecond)
{
    private const int MaxInFlight = 64;
    private static readonly HashSet<string> Retryable = ["429", "502", "503", "504", "timeout", "no answer"];

    private readonly List<Write> _writes = [];
    private readonly List<Write> _retries = [];
    private readonly ConcurrentQueue<string> _withoutEmployer = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentDictionary<(string Status, WriteKind Kind), int> _errorsByKind = new();
    private readonly ConcurrentDictionary<string, string> _firstBodies = new();
    private Task _loop = Task.CompletedTask;
    private int _inFlight;
    private int _next;
    private volatile bool _newWrites = true;
    private DateTime _retryDeadline = DateTime.MaxValue;

    /// <summary>Responses that were not an acceptance, by HTTP status (or "timeout", "no answer"), over every attempt.</summary>
    public IReadOnlyDictionary<string, int> Errors => new SortedDictionary<string, int>(_errors);

    /// <summary>For each error status, which kinds of write got it and the first body that came with it: where the error came from.</summary>
    public IReadOnlyList<string> ErrorDetails => [.. _errors.Keys.Order().Select(status =>
        $"{status}: {string.Join(", ", _errorsByKind.Where(e => e.Key.Status == status).OrderBy(e => e.Key.Kind).Select(e => $"{e.Key.Kind}×{e.Value}"))}; first body: {_firstBodies.GetValueOrDefault(status, "")}")];

    public IReadOnlyList<Write> Writes
    {
        get
        {
            lock (_writes)
            {
                return [.. _writes];
            }
        }
    }

    public bool Completed { get; private set; }

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Stops new writes, keeps retrying the refused ones until <paramref name="retryDeadline"/>, then gives up on the rest.</summary>
    public async Task CompleteAsync(DateTime retryDeadline)
    {
        _retryDeadline = retryDeadline;
        _newWrites = false;
        await _loop;
        // Each write in flight has its answer, or gives up, within the client's 10 s.
        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref _inFlight) == 0), "every write in flight to have its answer", TimeSpan.FromSeconds(60));
        lock (_retries)
        {
            foreach (var write in _retries)
            {
                write.Final = true;
            }
            _retries.Clear();
        }
        Completed = true;
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / writesPerSecond));
        var tick = 0L;
        while (await timer.WaitForNextTickAsync())
        {
            tick++;
            if (!_newWrites && (DateTime.UtcNow >= _retryDeadline || NothingToRetry()))
            {
                return;
            }
            if (Volatile.Read(ref _inFlight) >= MaxInFlight)
            {
                continue;
            }
            // Retries take at most every other tick while new writes go on, so the load stays steady.
            var write = (tick % 2 == 0 || !_newWrites ? DueRetry() : null) ?? (_newWrites ? NewWrite() : null);
            if (write is null)
            {
                continue;
            }
            Interlocked.Increment(ref _inFlight);
            _ = Task.Run(async () =>
            {
                try
                {
                    await SendAsync(write);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            });
        }
    }

    private bool NothingToRetry()
    {
        lock (_retries)
        {
            return _retries.Count == 0 && Volatile.Read(ref _inFlight) == 0;
        }
    }

    private Write? DueRetry()
    {
        lock (_retries)
        {
            var now = DateTime.UtcNow;
            var index = _retries.FindIndex(w => w.NextAttemptAt <= now);
            if (index < 0)
            {
                return null;
            }
            var write = _retries[index];
            _retries.RemoveAt(index);
            return write;
        }
    }

    private Write NewWrite()
    {
        var n = _next++;
        var write = (n % 3) switch
        {
            1 when _withoutEmployer.TryDequeue(out var partnership) => new Write(WriteKind.AddEmployer, partnership, null),
            2 => new Write(WriteKind.RecordMeeting, FaultPlatform.MeetingPartnership, $"{prefix}-m{n:D5}"),
            _ => new Write(WriteKind.CreatePartnership, $"{prefix}-p{n:D5}", null),
        };
        write.FirstSentAt = DateTime.UtcNow;
        lock (_writes)
        {
            _writes.Add(write);
        }
        return write;
    }

    private async Task SendAsync(Write write)
    {
        write.Attempts++;
        string status;
        var body = "";
        try
        {
            using var response = await gateway.SendAsync(Request(write));
            status = ((int)response.StatusCode).ToString();
            body = await response.Content.ReadAsStringAsync();
        }
        catch (TaskCanceledException)
        {
            status = "timeout";
        }
        catch (HttpRequestException)
        {
            status = "no answer";
        }

        var appliedEarlier = write.Attempts > 1 && (status == "409"
            || (write.Kind == WriteKind.AddEmployer && status == "400" && body.Contains("OrganizationJoinsOnce", StringComparison.Ordinal)));
        if (status.StartsWith('2') || appliedEarlier)
        {
            write.Accepted = true;
            write.AcceptedOnRetry = appliedEarlier;
            write.Final = true;
            if (write.Kind == WriteKind.CreatePartnership)
            {
                _withoutEmployer.Enqueue(write.Partnership);
            }
            return;
        }

        _errors.AddOrUpdate(status, 1, (_, count) => count + 1);
        _errorsByKind.AddOrUpdate((status, write.Kind), 1, (_, count) => count + 1);
        _firstBodies.TryAdd(status, body.Length > 300 ? body[..300] : body);
        if (!Retryable.Contains(status) || DateTime.UtcNow >= _retryDeadline)
        {
            write.Final = true;
            return;
        }
        write.NextAttemptAt = DateTime.UtcNow + TimeSpan.FromMilliseconds(Math.Min(4000, 250 << Math.Min(write.Attempts, 5)));
        lock (_retries)
        {
            _retries.Add(write);
        }
    }

    private HttpRequestMessage Request(Write write)
    {
        var partnership = $"/v1/{tenant.Tenant}/partnerships";
        return write.Kind switch
        {
            WriteKind.CreatePartnership => Post($"{partnership}?partnershipId={write.Partnership}", new
            {
                displayName = "Fault suite partnership",
                region = tenant.Region,
                targetSector = new { naicsCode = "62", title = "Health Care" },
            }),
            WriteKind.AddEmployer => Post($"{partnership}/{write.Partnership}/partners", new { organization = tenant.Organization("hospital") }),
            _ => Post($"{partnership}/{write.Partnership}/meetings?meetingId={write.Meeting}", new
            {
                date = new { year = 2026, month = 3, day = 2 },
                agenda = new[] { "Steady writes under a fault" },
                attendees = new[] { "hospital" },
            }),
        };
    }

    private static HttpRequestMessage Post(string uri, object body) => new(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };

    /// <summary>A client of the gateway that gives up on an answer after 10 s, as an impatient caller would.</summary>
    public static HttpClient Client(Platform platform, string token)
    {
        var http = platform.Json(token);
        http.Timeout = TimeSpan.FromSeconds(10);
        http.DefaultRequestVersion = HttpVersion.Version11;
        return http;
    }
}
