using SectorMesh.ServiceDefaults;
using System.Runtime.CompilerServices;

namespace SectorMesh.Engagement.Data.Imports;

/// <summary>How a published file is laid out: what it is called, how its cells are separated, and the columns it must have.</summary>
internal sealed record FileLayout(string Name, char Separator, IReadOnlyList<string> Required, StringComparer ColumnNames)
{
    public string[] Split(string line) => Separator == ',' ? Csv.Split(line) : line.Split(Separator);
}

/// <summary>One line of a file, its cells found by the header's column names.</summary>
internal sealed class Row(string[] cells, IReadOnlyDictionary<string, int> columns)
{
    public string Cell(string column) => cells[columns[column]];

    /// <summary>The cell of a column the file may leave out; null when it does.</summary>
    public string? Optional(string column) => columns.TryGetValue(column, out var index) ? cells[index] : null;
}

/// <summary>
/// Reads a published data file row by row, so a file of any size is read in constant memory. The
/// header must name the layout's columns or the whole file is refused; a row that cannot be read
/// (its parser throws <see cref="FormatException"/>) is reported with its line number and the rest
/// go on; a row the parser returns null for is not wanted and passes silently.
/// </summary>
internal static class DataFile
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(TextReader text, ImportReport report, FileLayout layout, Func<Row, T?> parse,
        [EnumeratorCancellation] CancellationToken cancellationToken) where T : class
    {
        var lines = new LineReader(text);
        var header = await lines.ReadLineAsync(cancellationToken) ?? throw new ImportRefused($"The file is empty; {layout.Name} starts with its header row.");
        report.LinesRead = 1;
        var names = layout.Split(header).Select(name => name.Trim()).ToList();
        var columns = names.Select((name, index) => (name, index)).GroupBy(c => c.name, layout.ColumnNames)
            .ToDictionary(g => g.Key, g => g.First().index, layout.ColumnNames);
        var missing = layout.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportRefused($"Not {layout.Name}: the header lacks {string.Join(", ", missing)}.");
        }

        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            var number = ++report.LinesRead;
            if (line.Length == 0)
            {
                continue;
            }
            T? record = null;
            try
            {
                var cells = layout.Split(line);
                record = cells.Length < names.Count
                    ? throw new FormatException($"has {cells.Length} columns where the header names {names.Count}.")
                    : parse(new Row(cells, columns));
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
