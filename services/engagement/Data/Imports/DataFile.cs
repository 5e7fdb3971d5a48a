using SectorMesh.ServiceDefaults;
using System.Runtime.CompilerServices;

namespace SectorMesh.Engagement.Data.Imports;

/// <summary>How a published file is laid out: what it is called, how its cells are separated, and the columns it must have.</summary>
internal sealed record FileLayout(string Name, char Separator, IReadOnlyList<string> Required, StringComparer ColumnNames)
{
    /// <summary>Only comma-separated files quote their text cells; in a tab-separated file a quote is an ordinary character.</summary>
    public bool Quoted => Separator == ',';
}

/// <summary>The header of a file: where each named column is.</summary>
internal sealed class Columns(IReadOnlyDictionary<string, int> indexes)
{
    public int this[string column] => indexes[column];

    public int? Find(string column) => indexes.TryGetValue(column, out var index) ? index : null;

    public bool Has(string column) => indexes.ContainsKey(column);

    public int Count => indexes.Count;
}

/// <summary>
/// One line of a file, its cells found by the header's column names. Cells are read in place from
/// the reader's buffer and only become strings when asked for as strings, so reading a number costs
/// no allocation; a row is valid only until the next line is read.
/// </summary>
internal sealed class Row(RecordReader line, Columns columns, ImportReport report)
{
    public ReadOnlySpan<char> Span(int index) => line.Field(index);

    public string Cell(int index) => line.Field(index).ToString();

    public string Cell(string column) => Cell(columns[column]);

    /// <summary>The cell of a column the file may leave out; null when it does.</summary>
    public string? Optional(string column) => columns.Find(column) is { } index ? Cell(index) : null;

    /// <summary>Leaves the row out and counts it under <paramref name="reason"/>: a row the file may hold but this service does not use.</summary>
    public T? Skip<T>(string reason) where T : class
    {
        report.Skip(reason);
        return null;
    }
}

/// <summary>
/// Reads a published data file row by row, so a file of any size is read in constant memory. The
/// header must name the layout's columns or the whole file is refused; a row that cannot be read
/// (its parser throws <see cref="FormatException"/>) is reported with its line number and the rest
/// go on; a row the parser returns null for is not wanted: it passes silently, or is counted when
/// the parser says why with <see cref="Row.Skip{T}"/>.
/// </summary>
internal static class DataFile
{
    public static IAsyncEnumerable<T> ReadAsync<T>(TextReader text, ImportReport report, FileLayout layout, Func<Row, T?> parse,
        CancellationToken cancellationToken) where T : class =>
        ReadByHeaderAsync(text, report, layout, _ => parse, cancellationToken);

    /// <param name="parserFor">Chooses the parser from the header, for formats whose columns say which layout the file has.</param>
    public static async IAsyncEnumerable<T> ReadByHeaderAsync<T>(TextReader text, ImportReport report, FileLayout layout, Func<Columns, Func<Row, T?>> parserFor,
        [EnumeratorCancellation] CancellationToken cancellationToken) where T : class
    {
        var lines = new RecordReader(text, layout.Separator, layout.Quoted);
        if (!await lines.ReadAsync(cancellationToken))
        {
            throw new ImportRefused($"The file is empty; {layout.Name} starts with its header row.");
        }
        report.LinesRead = 1;
        var names = Enumerable.Range(0, lines.FieldCount).Select(i => lines.Field(i).Trim().ToString()).ToList();
        var columns = new Columns(names.Select((name, index) => (name, index)).GroupBy(c => c.name, layout.ColumnNames)
            .ToDictionary(g => g.Key, g => g.First().index, layout.ColumnNames));
        var missing = layout.Required.Where(c => !columns.Has(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefused($"Not {layout.Name}: the header lacks {string.Join(", ", missing)}.");
        }
        var parse = parserFor(columns);
        var row = new Row(lines, columns, report);

        while (await lines.ReadAsync(cancellationToken))
        {
            var number = ++report.LinesRead;
            if (lines.IsEmpty)
            {
                continue;
            }
            T? record = null;
            try
            {
                record = lines.FieldCount < names.Count
                    ? throw new FormatException($"has {lines.FieldCount} columns where the header names {names.Count}.")
                    : parse(row);
            }
            catch (FormatException e)
            {
                report.Reject(number, e.Message);
            }
            if (record is not null)
            {
                report.RowsKept++;
                yield return record;
            }
        }
    }
}

/// <summary>
/// Reads a delimited file a line at a time into one reused buffer and finds the cells of the line
/// where they lie, so reading millions of rows allocates nothing per cell. A quoted cell with a
/// doubled quote inside is unquoted into a second buffer; a line longer than
/// <see cref="LineReader.MaxLength"/> stops the file, as no file read here has one.
/// </summary>
internal sealed class RecordReader(TextReader text, char separator, bool quoted)
{
    private readonly char[] _buffer = new char[2 * LineReader.MaxLength + 2];
    private int _start;
    private int _end;
    private bool _ended;
    private int _lineStart;
    private int _lineEnd;
    private (int Start, int Length, bool Unquoted)[] _fields = new (int, int, bool)[64];
    private readonly char[] _unquoted = new char[LineReader.MaxLength];
    private int _unquotedLength;

    public int FieldCount { get; private set; }

    public long LineNumber { get; private set; }

    public bool IsEmpty => _lineEnd == _lineStart;

    public ReadOnlySpan<char> Field(int index)
    {
        var (start, length, unquoted) = _fields[index];
        return (unquoted ? _unquoted : _buffer).AsSpan(start, length);
    }

    /// <summary>Moves to the next line; false at the end of the file.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf('\n');
            if (newline >= 0 || (_ended && _end > _start))
            {
                var length = newline >= 0 ? newline : _end - _start;
                LineNumber++;
                if (length > LineReader.MaxLength + 1)
                {
                    throw TooLong();
                }
                _lineStart = _start;
                _lineEnd = _start + length;
                _start = newline >= 0 ? _lineEnd + 1 : _end;
                if (newline >= 0 && _lineEnd > _lineStart && _buffer[_lineEnd - 1] == '\r')
                {
                    _lineEnd--;
                }
                if (_lineEnd - _lineStart > LineReader.MaxLength)
                {
                    throw TooLong();
                }
                Split();
                return true;
            }
            if (_ended)
            {
                return false;
            }
            if (_end - _start > LineReader.MaxLength + 1)
            {
                LineNumber++;
                throw TooLong();
            }
            // Keep the start of the unfinished line and fill the rest of the buffer behind it.
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            (_end, _start) = (_end - _start, 0);
            var read = await text.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _ended = read == 0;
            _end += read;
        }
    }

    private ImportRefused TooLong() =>
        new($"Line {LineNumber} is longer than {LineReader.MaxLength} characters; no file this service reads has such lines.");

    private void Split()
    {
        FieldCount = 0;
        _unquotedLength = 0;
        var line = _buffer.AsSpan(_lineStart, _lineEnd - _lineStart);
        var at = 0;
        while (true)
        {
            if (FieldCount == _fields.Length)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }
            if (quoted && at < line.Length && line[at] == '"')
            {
                at = Quoted(line, at + 1);
            }
            else
            {
                var next = line[at..].IndexOf(separator);
                var length = next < 0 ? line.Length - at : next;
                _fields[FieldCount++] = (_lineStart + at, length, false);
                at += length;
            }
            if (at >= line.Length)
            {
                return;
            }
            at++;
        }
    }

    /// <summary>Reads a quoted cell from just after its opening quote; returns where the cell ends.</summary>
    private int Quoted(ReadOnlySpan<char> line, int from)
    {
        var close = line[from..].IndexOf('"');
        var plain = close < 0 ? line.Length - from : close;
        if (close < 0 || from + close + 1 >= line.Length || line[from + close + 1] != '"')
        {
            _fields[FieldCount++] = (_lineStart + from, plain, false);
            return NextSeparator(line, from + plain + (close < 0 ? 0 : 1));
        }
        // A doubled quote inside: the cell is copied without it.
        var start = _unquotedLength;
        var at = from;
        while (at < line.Length)
        {
            var c = line[at];
            if (c == '"' && at + 1 < line.Length && line[at + 1] == '"')
            {
                _unquoted[_unquotedLength++] = '"';
                at += 2;
            }
            else if (c == '"')
            {
                at++;
                break;
            }
            else
            {
                _unquoted[_unquotedLength++] = c;
                at++;
            }
        }
        _fields[FieldCount++] = (start, _unquotedLength - start, true);
        return NextSeparator(line, at);
    }

    /// <summary>Anything between a closing quote and the separator is ignored, as the line-by-line splitter before it did.</summary>
    private int NextSeparator(ReadOnlySpan<char> line, int from)
    {
        if (from >= line.Length)
        {
            return line.Length;
        }
        var next = line[from..].IndexOf(separator);
        return next < 0 ? line.Length : from + next;
    }
}

/// <summary>Splits one CSV line: fields separated by commas, text fields in double quotes with "" for a quote.</summary>
internal static class Csv
{
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
