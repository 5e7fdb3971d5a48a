using System.IO.Pipelines;
using Grpc.Core;
using SectorMesh.ServiceDefaults;
using V1 = SectorMesh.Contracts.Engagement.V1;

namespace SectorMesh.Engagement.Api;

/// <summary>Turns the chunks of a streamed gRPC import back into the file's bytes, as they arrive.</summary>
public static class ImportChunks
{
    /// <summary>Copies the chunks into <paramref name="file"/>; past <paramref name="maxBytes"/> the file ends with <see cref="UploadTooLarge"/>.</summary>
    public static async Task CopyAsync(V1.ImportChunk first, IAsyncStreamReader<V1.ImportChunk> chunks, PipeWriter file, long maxBytes,
        CancellationToken cancellationToken)
    {
        try
        {
            var chunk = first;
            long received = 0;
            while (true)
            {
                received += chunk.Data.Length;
                if (received > maxBytes)
                {
                    throw new UploadTooLarge(maxBytes);
                }
                var flushed = await file.WriteAsync(chunk.Data.Memory, cancellationToken);
                // The importer stopped reading (a refused file): the rest of the upload is not needed.
                if (flushed.IsCompleted || !await chunks.MoveNext(cancellationToken))
                {
                    break;
                }
                chunk = chunks.Current;
            }
            await file.CompleteAsync();
        }
        catch (Exception e)
        {
            await file.CompleteAsync(e);
        }
    }
}
