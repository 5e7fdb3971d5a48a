using System.Text;

namespace SectorMesh.Benchmarks;

/// <summary>Lines written as they are read, so a file of millions of rows costs the benchmark no memory.</summary>
public sealed class LineStream(IEnumerator<string> lines) : Stream
{
    private byte[] _pending = [];
    private int _offset;

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_offset == _pending.Length)
        {
            if (!lines.MoveNext())
            {
                return 0;
            }
            _pending = Encoding.UTF8.GetBytes(lines.Current + "\n");
            _offset = 0;
        }
        var n = Math.Min(count, _pending.Length - _offset);
        Array.Copy(_pending, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

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
