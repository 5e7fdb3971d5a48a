using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.Engagement.Data.Imports;

/// <summary>
/// Opens an uploaded file as BLS publishes it: plain text, gzip, or a .zip holding one file. The form
/// is told by the first bytes (a declared content type must agree with them), and a compressed file
/// is unpacked as it streams in, never to disk and never whole in memory.
/// </summary>
public static class CompressedFile
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];
    private static readonly byte[] ZipMagic = [0x50, 0x4b, 0x03, 0x04];

    /// <param name="maxUnpackedBytes">How much a compressed file may unpack to: a small upload must not become an endless one.</param>
    public static async Task<Stream> OpenAsync(PipeReader body, string? contentType, long maxUnpackedBytes, CancellationToken cancellationToken)
    {
        var start = await body.ReadAtLeastAsync(ZipMagic.Length, cancellationToken);
        var head = start.Buffer.Slice(0, Math.Min(start.Buffer.Length, ZipMagic.Length)).ToArray();
        // Nothing is taken yet: the file is read from its first byte whatever its form.
        body.AdvanceTo(start.Buffer.Start);
        var stream = body.AsStream();
        var declared = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (head.AsSpan().StartsWith(GzipMagic))
        {
            return new UnpackLimit(new GZipStream(stream, CompressionMode.Decompress), maxUnpackedBytes);
        }
        if (head.AsSpan().StartsWith(ZipMagic))
        {
            return new UnpackLimit(await ZipEntryAsync(stream, cancellationToken), maxUnpackedBytes);
        }
        if (declared is "application/zip" or "application/x-zip-compressed" or "application/gzip" or "application/x-gzip")
        {
            throw new ImportRefused($"The upload is declared {declared} but is not: its first bytes are not those of a {(declared.Contains("zip") && !declared.Contains("gzip") ? "zip" : "gzip")} file.");
        }
        return stream;
    }

    /// <summary>
    /// The first file of a zip archive, read from its local header as the bytes arrive (the archive's
    /// directory is at its end, so a streamed archive is read without it). Deflated entries end by
    /// themselves; a stored entry is read for the length its header gives.
    /// </summary>
    private static async Task<Stream> ZipEntryAsync(Stream zip, CancellationToken cancellationToken)
    {
        var header = new byte[30];
        await zip.ReadExactlyAsync(header, cancellationToken);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
        var method = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        var size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(18));
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var name = new byte[nameLength + extraLength];
        await zip.ReadExactlyAsync(name, cancellationToken);
        if ((flags & 1) != 0)
        {
            throw new ImportRefused("The zip file is encrypted; upload the file BLS publishes, or the CSV itself.");
        }
        const int Deflated = 8, Stored = 0;
        const int SizeAfterData = 8;
        return method switch
        {
            Deflated => new DeflateStream(zip, CompressionMode.Decompress),
            Stored when (flags & SizeAfterData) == 0 && size != uint.MaxValue => new SubStream(zip, size),
            _ => throw new ImportRefused($"The zip file's first entry is packed in a way that cannot be read as it streams (method {method}); " +
                "upload the file BLS publishes, gzip, or the CSV itself."),
        };
    }

    /// <summary>The first bytes of a stream, then its end.</summary>
    private sealed class SubStream(Stream inner, long length) : ReadOnlyStream
    {
        private long _left = length;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_left == 0)
            {
                return 0;
            }
            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken);
            _left -= read;
            return read;
        }
    }

    /// <summary>Stops an unpacked file past its limit, before a tiny upload fills the database.</summary>
    private sealed class UnpackLimit(Stream inner, long limit) : ReadOnlyStream
    {
        private long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _read += read;
            return _read > limit ? throw new UploadTooLarge(limit) : read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>A stream that is only read forward, asynchronously.</summary>
    private abstract class ReadOnlyStream : Stream
    {
        public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
