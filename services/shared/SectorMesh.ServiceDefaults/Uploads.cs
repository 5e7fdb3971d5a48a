namespace SectorMesh.ServiceDefaults;

/// <summary>An upload past the size the service takes; nothing of it was stored (HTTP 413, RESOURCE_EXHAUSTED over gRPC).</summary>
public sealed class UploadTooLarge(long limit)
    : Exception($"The upload is larger than {limit} bytes, the most this service takes in one file; nothing was stored.")
{
    public long Limit { get; } = limit;
}

/// <summary>The tenant already runs as many imports as it may at once; the caller retries when one has ended (HTTP 429).</summary>
public sealed class TooManyImports(int allowed)
    : Exception($"This tenant already runs {allowed} imports, the most it may run at once; retry when one has ended.");
