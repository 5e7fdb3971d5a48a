using System.Text;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Reads a file line by line without ever holding more than <see cref="MaxLength"/> characters of
/// one line: a file with a line longer than that is refused, naming the line, instead of being
/// read into memory whole.
/// </summary>
public sealed class LineReader(TextReader text)
{
    /// <summary>The longest line any published file we read has is a few hundred characters.</summary>
    public const int MaxLength = 64 * 1024;

    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;

    /// <summary>How many lines have been read so far; the number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        while (true)
        {
            if (_start == _end)
            {
                _end = await text.ReadAsync(_buffer.AsMemory(), cancellationToken);
                _start = 0;
                if (_end == 0)
                {
                    return _line.Length == 0 ? null : Finish(trimCarriageReturn: false);
                }
            }
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var take = (newline < 0 ? _end : newline) - _start;
            if (_line.Length + take > MaxLength + 1)
            {
                throw new ImportRefused($"Line {LineNumber + 1} is longer than {MaxLength} characters; no file this service reads has such lines.");
            }
            _line.Append(_buffer, _start, take);
            _start += take;
            if (newline >= 0)
            {
                _start++;
                return Finish(trimCarriageReturn: true);
            }
        }
    }

    private string Finish(bool trimCarriageReturn)
    {
        LineNumber++;
        if (trimCarriageReturn && _line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }
        return _line.Length > MaxLength
            ? throw new ImportRefused($"Line {LineNumber} is longer than {MaxLength} characters; no file this service reads has such lines.")
            : _line.ToString();
    }
}

/// <summary>A file refused whole for what it is (a line too long, a header not understood); nothing of it was stored.</summary>
public sealed class ImportRefused(string message) : Exception(message);
