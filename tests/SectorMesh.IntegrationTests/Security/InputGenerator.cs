using System.Collections;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace SectorMesh.IntegrationTests.Security;

/// <summary>
/// Requests of any type, filled field by field from the field's type with the values that break services: empty, very
/// long, unicode, control characters and path tricks for text; zero, negatives, extremes and NaN for numbers; undefined
/// enum values; empty and large lists; absent messages; unknown field mask paths; dates at and past the edges. Text
/// is often the name of a resource that exists (<paramref name="knownNames"/>), so inputs get past the name checks
/// into the handlers. The same <paramref name="random"/> seed gives the same inputs.
/// </summary>
public sealed class InputGenerator(Random random, IReadOnlyList<string> knownNames)
{
    private const int MaxDepth = 4;

    private static readonly string[] Words = ["Health Care", "A", "x", "  ", "Riverside Medical", "null", "true", "0", "Nurse lead"];
    private static readonly string[] Codes =
    [
        "62", "621", "6211", "621111", "3363", "1234567", "0", "29-1141", "29-1141.00", "11-1011", "39049", "39041", "99999",
        "2.A.1.a", "2.B.3.k", "USD", "usd", "EUR", "XXX", "US", "€", "2024", "-1",
    ];
    private static readonly string[] Unicode =
    [
        "Ünïcödé", "日本語のテキスト", "🏥🩺", "\u202Eevil", "e\u0301", "\uFEFF", "\uFFFD", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u00A0", "\u2028", "ß", "İ",
    ];
    private static readonly string[] Control = ["\0", "a\0b", "line\nbreak", "\r\n", "\t", "\u001b[31mred", "\u007f", "\u0085", "trailing\n"];
    private static readonly string[] PathLike =
    [
        "tenants/x/../", "../../etc/passwd", "tenants/%2e%2e/partnerships", "/", "//", "tenants//partnerships/p", "tenants/*/partnerships/*",
        "tenants/x/partnerships/y/../../../z", "?a=b#c", "%", "C:\\Windows", "'; DROP TABLE tenants; --", "\" OR 1=1 --", "{{7*7}}",
    ];
    private static readonly int[] LongLengths = [64, 65, 256, 301, 1_001, 4_001, 20_000];
    private static readonly int[] Int32s = [0, 1, -1, 2, 3, 7, 100, 2024, int.MaxValue, int.MinValue];
    private static readonly long[] Int64s = [0, 1, -1, 100, 1_000_000, 9_999_999_999, long.MaxValue, long.MinValue];
    private static readonly double[] Doubles =
    [
        0, -0.0, 0.5, 1, -1, 3.5, 1e9, 1e15, 1e29, double.MaxValue, double.MinValue, double.Epsilon, double.NaN,
        double.PositiveInfinity, double.NegativeInfinity,
    ];
    private static readonly int[] Nanos = [0, 1, 500_000_000, 999_999_999, -999_999_999, 1_000_000_000, -1, int.MaxValue, int.MinValue];
    private static readonly string[] Currencies = ["USD", "USD", "USD", "", "usd", "EUR", "XXX", "€", "US"];
    private static readonly string[] UnknownMaskPaths = ["no_such_field", "name", "etag", "display_name.x", "target_sector.naics_code", "*", ""];
    private static readonly (int Year, int Month, int Day)[] Dates =
    [
        (2026, 5, 1), (0, 0, 0), (2026, 0, 0), (2026, 2, 29), (2024, 2, 29), (1899, 12, 31), (1900, 1, 1), (2200, 12, 31), (2201, 1, 1),
        (9999, 12, 31), (1, 1, 1), (-1, 1, 1), (2026, 13, 1), (2026, 1, 32), (2026, -1, -1), (int.MaxValue, int.MaxValue, int.MaxValue),
        (int.MinValue, int.MinValue, int.MinValue),
    ];
    // 0001-01-01 and 9999-12-31, the edges of what a Timestamp may hold (and JSON can write).
    private static readonly long[] TimestampSeconds = [-62_135_596_800, 253_402_300_799, 0, 1_800_000_000];

    /// <summary>One request of the method's type; its path variables usually name an existing resource of their pattern.</summary>
    public IMessage Next(WriteMethod method)
    {
        var message = Message(method.Request, depth: 0, small: false);
        foreach (var (field, pattern) in method.PathVariables)
        {
            var matching = knownNames.Where(n => pattern.IsMatch(n)).ToList();
            if (matching.Count > 0 && random.Next(4) > 0)
            {
                SetAt(message, field, Pick(matching));
            }
        }
        return message;
    }

    /// <summary>
    /// A JSON body that is not the request: broken syntax, or one of the request's fields with a value of the wrong
    /// type, out of range or not valid UTF-16.
    /// </summary>
    public string MalformedJson(WriteMethod method)
    {
        string[] broken = ["", "{", "}", "[]", "null", "\"text\"", "123", "{\"a\":}", "{,}", new string('[', 5_000), "{\"a\":1,\"a\":2}"];
        string[] wrong = ["{}", "[]", "\"x\"", "1e999", "-1", "true", "null", "\"\\ud800\"", "99999999999999999999", "\"NaN\"", "[[[]]]"];
        var fields = method.Request.Fields.InDeclarationOrder()
            .SelectMany(f => f.FieldType == FieldType.Message && !IsWellKnown(f.MessageType) ? f.MessageType.Fields.InDeclarationOrder() : [f])
            .ToList();
        return random.Next(3) == 0 ? Pick(broken) : $"{{\"{Pick(fields).JsonName}\": {Pick(wrong)}}}";
    }

    private IMessage Message(MessageDescriptor type, int depth, bool small)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (random.Next(5) == 0)
            {
                continue;
            }
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var count = Count(small);
                for (var i = 0; i < count; i++)
                {
                    if (Value(field, type, depth, small || count > 3) is { } element)
                    {
                        list.Add(element);
                    }
                }
            }
            else
            {
                field.Accessor.SetValue(message, Value(field, type, depth, small));
            }
        }
        return message;
    }

    /// <summary>How many elements a list gets: none, a few, or (in a request not already large) hundreds.</summary>
    private int Count(bool small)
    {
        var roll = random.Next(20);
        return roll < 6 ? 0 : roll < 17 || small ? random.Next(1, 4) : random.Next(50, 300);
    }

    private object? Value(FieldDescriptor field, MessageDescriptor parent, int depth, bool small) => field.FieldType switch
    {
        FieldType.String => Text(field, small),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick(Int32s, () => random.Next(-10, 1_000)),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(Int64s, () => random.NextInt64(-10, 10_000_000)),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Pick(Int32s, () => random.Next(0, 1_000)),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)Pick(Int64s, () => random.NextInt64(0, 10_000_000)),
        FieldType.Double => Pick(Doubles, () => Math.Round(random.NextDouble() * 100, 2)),
        FieldType.Float => (float)Pick(Doubles, () => Math.Round(random.NextDouble() * 100, 2)),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Bytes => ByteString.CopyFrom(Enumerable.Range(0, random.Next(0, 64)).Select(_ => (byte)random.Next(256)).ToArray()),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, random.Next(5) == 0
            ? Pick<int>([-1, 99, int.MaxValue, field.EnumType.Values.Max(v => v.Number) + 1])
            : Pick(field.EnumType.Values.ToList()).Number),
        FieldType.Message => Message(field, parent, depth, small),
        _ => throw new NotSupportedException($"{field.FullName} is of type {field.FieldType}, which this generator does not fill."),
    };

    private IMessage? Message(FieldDescriptor field, MessageDescriptor parent, int depth, bool small) => field.MessageType switch
    {
        var type when type == Timestamp.Descriptor => new Timestamp { Seconds = Pick(TimestampSeconds), Nanos = random.Next(0, 1_000_000_000) },
        var type when type == FieldMask.Descriptor => Mask(parent, field),
        var type when type == Google.Type.Date.Descriptor => Date(),
        var type when type == Google.Type.Money.Descriptor => new Google.Type.Money
        {
            CurrencyCode = Pick(Currencies), Units = Pick(Int64s, () => random.NextInt64(0, 1_000_000)), Nanos = Pick(Nanos, () => 0),
        },
        _ => depth < MaxDepth ? Message(field.MessageType, depth + 1, small) : null,
    };

    private Google.Type.Date Date()
    {
        var (year, month, day) = Pick(Dates, () => (random.Next(1990, 2101), random.Next(1, 13), random.Next(1, 29)));
        return new Google.Type.Date { Year = year, Month = month, Day = day };
    }

    /// <summary>Paths of the fields of the request's other messages (the resource being updated), mixed with paths no resource has.</summary>
    private FieldMask Mask(MessageDescriptor parent, FieldDescriptor mask)
    {
        var valid = parent.Fields.InDeclarationOrder()
            .Where(f => f != mask && f.FieldType == FieldType.Message && !IsWellKnown(f.MessageType))
            .SelectMany(f => f.MessageType.Fields.InDeclarationOrder().Select(inner => inner.Name))
            .ToList();
        var paths = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(4) == 0 || valid.Count == 0 ? Pick(UnknownMaskPaths) : Pick(valid));
        return new FieldMask { Paths = { paths } };
    }

    private static bool IsWellKnown(MessageDescriptor type) => type.File.Package is "google.protobuf" or "google.type";

    private string Text(FieldDescriptor field, bool small)
    {
        if (field.Name.EndsWith("_id", StringComparison.Ordinal) && random.Next(2) == 0)
        {
            return $"f{random.Next():x}";
        }
        return random.Next(10) switch
        {
            0 => "",
            1 or 2 => KnownFor(field),
            3 => Mutated(Pick(knownNames)),
            4 => small ? Pick(Words) : new string(Pick(['x', 'é', '9', ' ']), Pick(LongLengths)),
            5 => Pick(Unicode),
            6 => Pick(Control),
            7 => Pick(PathLike),
            8 => Pick(Codes),
            _ => Pick(Words),
        };
    }

    /// <summary>A known name of the collection the field is named after (an organization for "organization"), else any.</summary>
    private string KnownFor(FieldDescriptor field)
    {
        var fitting = knownNames.Where(n => n.Split('/') is { Length: >= 2 } parts && field.Name.Contains(parts[^2].TrimEnd('s'), StringComparison.Ordinal)).ToList();
        return Pick(fitting.Count > 0 ? fitting : knownNames);
    }

    private string Mutated(string name) => random.Next(10) switch
    {
        0 => name + "/",
        1 => name + "/../x",
        2 => string.Join('/', name.Split('/').Select((s, i) => i == 1 ? "other" : s)),
        3 => name.ToUpperInvariant(),
        4 => name + "\n",
        5 => name[..^1],
        6 => name.Replace("/", "//", StringComparison.Ordinal),
        7 => name + "%00",
        8 => " " + name,
        _ => name + "/" + name,
    };

    private static void SetAt(IMessage message, string fieldPath, string value)
    {
        var fields = fieldPath.Split('.');
        foreach (var name in fields[..^1])
        {
            var field = message.Descriptor.FindFieldByName(name);
            if (field.Accessor.GetValue(message) is not IMessage inner)
            {
                inner = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                field.Accessor.SetValue(message, inner);
            }
            message = inner;
        }
        message.Descriptor.FindFieldByName(fields[^1]).Accessor.SetValue(message, value);
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>One of the edge values, or now and then an ordinary one.</summary>
    private T Pick<T>(IReadOnlyList<T> edges, Func<T> ordinary) => random.Next(3) == 0 ? ordinary() : Pick(edges);
}
