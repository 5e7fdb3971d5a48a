using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Reads a JSON request the way the proto3 JSON mapping defines it, before JSON transcoding does: an unknown field is refused
/// by name (transcoding would skip it, and a misspelt field would drop what the caller sent), and a value of the wrong type or
/// an enum name the contract does not have is a field violation naming the JSON field, with the allowed values of an enum.
/// Transcoding's own answers to such input name .NET types and no field. Query parameters are held to the same rules.
/// </summary>
public static class ProtoJsonInput
{
    private const string Invalid = "Invalid JSON payload received.";
    private const string NotText = "holds a \\u escape of an unpaired surrogate (such as \"\\uD800\"), which is not Unicode text.";

    public static async Task RefuseMalformedJson(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } transcoding)
        {
            await next(context);
            return;
        }
        var violations = QueryViolations(context.Request.Query, transcoding.MethodDescriptor.InputType, transcoding.HttpRule);
        if (BodyDescriptor(transcoding.MethodDescriptor.InputType, transcoding.HttpRule) is var (descriptor, prefix)
            && context.Request.ContentLength != 0 && IsJson(context.Request.ContentType))
        {
            context.Request.EnableBuffering(GrpcDefaults.MaxMessageBytes);
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
                violations.AddRange(Check(body.RootElement, descriptor, prefix));
            }
            catch (JsonException e)
            {
                violations.Add(new FieldViolation(prefix, $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
            }
            context.Request.Body.Position = 0;
        }
        if (violations.Count == 0)
        {
            await next(context);
            return;
        }
        var status = DomainErrorInterceptor.ToStatus(new InvalidInput(violations))!;
        status.Message = $"{Invalid} {status.Message}";
        await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, status);
    }

    private static bool IsJson(string? contentType) =>
        contentType is null || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The message a request's body is read into (all of it for "*", one field otherwise), and the JSON name of that field.</summary>
    private static (MessageDescriptor Descriptor, string Prefix)? BodyDescriptor(MessageDescriptor request, Google.Api.HttpRule rule)
    {
        if (rule.Body == "*")
        {
            return (request, "");
        }
        if (rule.Body.Length == 0 || request.FindFieldByName(rule.Body) is not { FieldType: FieldType.Message } field
            || field.MessageType.FullName == "google.api.HttpBody")
        {
            return null;
        }
        return (field.MessageType, field.JsonName);
    }

    /// <summary>Every way the JSON value of a message breaks the proto3 JSON mapping, each named by its JSON path.</summary>
    public static List<FieldViolation> Check(JsonElement json, MessageDescriptor descriptor, string path = "")
    {
        var violations = new List<FieldViolation>();
        try
        {
            CheckValue(json, descriptor, path, violations);
        }
        catch (InvalidOperationException)
        {
            // A field name or map key escaping half a surrogate pair cannot be read at all; such a value is named in ScalarProblem.
            violations.Add(new FieldViolation(Root(path), NotText));
        }
        return violations;
    }

    private static void CheckValue(JsonElement json, MessageDescriptor descriptor, string path, List<FieldViolation> violations)
    {
        if (WellKnownJson(descriptor.FullName) is { } form)
        {
            CheckWellKnown(json, descriptor, form, path, violations);
            return;
        }
        if (json.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new FieldViolation(Root(path), $"{Shown(json)} is not an object."));
            return;
        }
        var oneofs = new Dictionary<OneofDescriptor, string>();
        foreach (var property in json.EnumerateObject())
        {
            var name = Join(path, property.Name);
            if (FindField(descriptor, property.Name) is not { } field)
            {
                violations.Add(new FieldViolation(name, $"Unknown name \"{property.Name}\" at '{Root(path)}': cannot find field."));
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null && !IsValueType(field))
            {
                continue;
            }
            if (field.RealContainingOneof is { } oneof && !oneofs.TryAdd(oneof, property.Name))
            {
                violations.Add(new FieldViolation(name, $"is one of {oneof.Name}, and {oneofs[oneof]} is set already: set only one."));
                continue;
            }
            CheckField(property.Value, field, name, violations);
        }
    }

    private static void CheckField(JsonElement json, FieldDescriptor field, string path, List<FieldViolation> violations)
    {
        if (field.IsMap)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                violations.Add(new FieldViolation(path, $"{Shown(json)} is not an object of keys and values."));
                return;
            }
            var value = field.MessageType.FindFieldByNumber(2);
            foreach (var entry in json.EnumerateObject())
            {
                CheckSingle(entry.Value, value, $"{path}[{entry.Name}]", violations);
            }
            return;
        }
        if (field.IsRepeated)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                violations.Add(new FieldViolation(path, $"{Shown(json)} is not an array."));
                return;
            }
            var index = 0;
            foreach (var element in json.EnumerateArray())
            {
                CheckSingle(element, field, $"{path}[{index++}]", violations);
            }
            return;
        }
        CheckSingle(json, field, path, violations);
    }

    private static void CheckSingle(JsonElement json, FieldDescriptor field, string path, List<FieldViolation> violations)
    {
        if (field.FieldType is FieldType.Message or FieldType.Group)
        {
            CheckValue(json, field.MessageType, path, violations);
        }
        else if (ScalarProblem(json, field.FieldType, field.FieldType == FieldType.Enum ? field.EnumType : null) is { } problem)
        {
            violations.Add(new FieldViolation(path, problem));
        }
    }

    /// <summary>What is wrong with a JSON value for a scalar or enum field, or null when the mapping accepts it.</summary>
    private static string? ScalarProblem(JsonElement json, FieldType type, EnumDescriptor? enumType)
    {
        if (ReadText(json) is not { } text)
        {
            return NotText;
        }
        var numberOrString = json.ValueKind is JsonValueKind.Number or JsonValueKind.String;
        return type switch
        {
            FieldType.String when json.ValueKind != JsonValueKind.String => $"{Shown(json)} is not a string.",
            FieldType.Bool when json.ValueKind is not (JsonValueKind.True or JsonValueKind.False) => $"{Shown(json)} is not true or false.",
            FieldType.Bytes when json.ValueKind != JsonValueKind.String || !IsBase64(text) => $"{Shown(json)} is not a base64 string.",
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 when !numberOrString || !IsInteger(text, int.MinValue, int.MaxValue)
                => $"{Shown(json)} is not a 32-bit integer.",
            FieldType.UInt32 or FieldType.Fixed32 when !numberOrString || !IsInteger(text, 0, uint.MaxValue) => $"{Shown(json)} is not an unsigned 32-bit integer.",
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 when !numberOrString || !IsInteger(text, long.MinValue, long.MaxValue)
                => $"{Shown(json)} is not a 64-bit integer.",
            FieldType.UInt64 or FieldType.Fixed64 when !numberOrString || !IsInteger(text, 0, ulong.MaxValue) => $"{Shown(json)} is not an unsigned 64-bit integer.",
            FieldType.Double or FieldType.Float when !numberOrString || !IsNumber(text) => $"{Shown(json)} is not a number.",
            FieldType.Enum when !IsEnumValue(json, enumType!) =>
                $"{Shown(json)} is not a value of {enumType!.Name}: use one of {string.Join(", ", enumType.Values.Where(v => v.Number != 0).Select(v => v.Name))}.",
            _ => null,
        };
    }

    /// <summary>A string's text (a number's digits otherwise), or null when it escapes half of a surrogate pair, which .NET cannot hold as a string.</summary>
    private static string? ReadText(JsonElement json)
    {
        try
        {
            return json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsInteger(string text, decimal min, decimal max) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value) && value >= min && value <= max;

    private static bool IsNumber(string text) =>
        text is "NaN" or "Infinity" or "-Infinity" || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsBase64(string text)
    {
        var normalized = text.Replace('-', '+').Replace('_', '/');
        return Convert.TryFromBase64String(normalized.PadRight(normalized.Length + (4 - normalized.Length % 4) % 4, '='), new byte[normalized.Length], out _);
    }

    private static bool IsEnumValue(JsonElement json, EnumDescriptor type) => json.ValueKind switch
    {
        JsonValueKind.String => type.FindValueByName(ReadText(json)!) is not null,
        JsonValueKind.Number => json.TryGetInt32(out _),
        _ => false,
    };

    private enum WellKnownForm { Text, Wrapper, AnyJson, Object, Array, Any }

    private static WellKnownForm? WellKnownJson(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask" => WellKnownForm.Text,
        "google.protobuf.Value" => WellKnownForm.AnyJson,
        "google.protobuf.Struct" => WellKnownForm.Object,
        "google.protobuf.ListValue" => WellKnownForm.Array,
        "google.protobuf.Any" => WellKnownForm.Any,
        _ when fullName.StartsWith("google.protobuf.", StringComparison.Ordinal) && fullName.EndsWith("Value", StringComparison.Ordinal) => WellKnownForm.Wrapper,
        _ => null,
    };

    private static void CheckWellKnown(JsonElement json, MessageDescriptor descriptor, WellKnownForm form, string path, List<FieldViolation> violations)
    {
        if (json.ValueKind == JsonValueKind.Null || form is WellKnownForm.AnyJson)
        {
            return;
        }
        var problem = form switch
        {
            WellKnownForm.Text when json.ValueKind != JsonValueKind.String || !ParsesAs(json, descriptor) => TextFormProblem(json, descriptor),
            WellKnownForm.Wrapper => ScalarProblem(json, descriptor.FindFieldByNumber(1).FieldType, null),
            WellKnownForm.Object or WellKnownForm.Any when json.ValueKind != JsonValueKind.Object => $"{Shown(json)} is not an object.",
            WellKnownForm.Array when json.ValueKind != JsonValueKind.Array => $"{Shown(json)} is not an array.",
            _ => null,
        };
        if (problem is not null)
        {
            violations.Add(new FieldViolation(Root(path), problem));
        }
    }

    private static bool ParsesAs(JsonElement json, MessageDescriptor descriptor)
    {
        try
        {
            JsonParser.Default.Parse(json.GetRawText(), descriptor);
            return true;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            return false;
        }
    }

    private static string TextFormProblem(JsonElement json, MessageDescriptor descriptor) => descriptor.FullName switch
    {
        "google.protobuf.Timestamp" => $"{Shown(json)} is not an RFC 3339 timestamp such as \"2026-01-31T17:00:00Z\".",
        "google.protobuf.Duration" => $"{Shown(json)} is not a duration in seconds such as \"3.5s\".",
        _ => $"{Shown(json)} is not a comma-separated list of field paths such as \"displayName,vision\".",
    };

    /// <summary>
    /// Query parameters name fields the path and body do not carry, by JSON or proto name, down to a value that is not a
    /// message (well-known types written as text aside). With body "*" there are none to name.
    /// </summary>
    private static List<FieldViolation> QueryViolations(IQueryCollection query, MessageDescriptor request, Google.Api.HttpRule rule)
    {
        var violations = new List<FieldViolation>();
        foreach (var (key, values) in query)
        {
            var problem = rule.Body == "*"
                ? "is not a query parameter of this call: its body carries every field."
                : QueryFieldProblem(request, key, rule.Body, values);
            if (problem is not null)
            {
                violations.Add(new FieldViolation(key, problem));
            }
        }
        return violations;
    }

    private static string? QueryFieldProblem(MessageDescriptor request, string key, string body, Microsoft.Extensions.Primitives.StringValues values)
    {
        var descriptor = request;
        FieldDescriptor? field = null;
        foreach (var segment in key.Split('.'))
        {
            if (field is not null)
            {
                if (field.FieldType != FieldType.Message || field.IsRepeated || WellKnownJson(field.MessageType.FullName) is not null)
                {
                    return $"Unknown name \"{key}\": cannot find field.";
                }
                descriptor = field.MessageType;
            }
            field = FindField(descriptor, segment);
            if (field is null)
            {
                return $"Unknown name \"{key}\": cannot find field.";
            }
        }
        if (field!.ContainingType == request && field.Name == body)
        {
            return "is carried by the body, not the query.";
        }
        if (field.IsMap || (field.FieldType == FieldType.Message && WellKnownJson(field.MessageType.FullName) is not (WellKnownForm.Text or WellKnownForm.Wrapper)))
        {
            return $"is a {(field.IsMap ? "map" : "message")}: name one of its fields (as {key}.field) instead.";
        }
        if (!field.IsRepeated && values.Count > 1)
        {
            return "is given more than once; it takes one value.";
        }
        foreach (var value in values)
        {
            var json = JsonDocument.Parse(JsonSerializer.Serialize(value)).RootElement;
            var problem = field.FieldType == FieldType.Message
                ? (WellKnownJson(field.MessageType.FullName) == WellKnownForm.Text && !ParsesAs(json, field.MessageType) ? TextFormProblem(json, field.MessageType) : null)
                : QueryScalarProblem(value ?? "", json, field);
            if (problem is not null)
            {
                return problem;
            }
        }
        return null;
    }

    /// <summary>A query value is text: a number or true/false is read from it the way JSON reads a number or a literal.</summary>
    private static string? QueryScalarProblem(string value, JsonElement asString, FieldDescriptor field)
    {
        var type = field.FieldType == FieldType.Message ? field.MessageType.FindFieldByNumber(1).FieldType : field.FieldType;
        if (type == FieldType.Bool)
        {
            return value is "true" or "false" ? null : $"\"{value}\" is not true or false.";
        }
        return type is FieldType.String or FieldType.Bytes or FieldType.Enum
            ? ScalarProblem(asString, type, type == FieldType.Enum ? field.EnumType : null)
            : ScalarProblem(asString, type, null);
    }

    /// <summary>The mapping accepts a field's JSON name and its proto name.</summary>
    private static FieldDescriptor? FindField(MessageDescriptor descriptor, string name) =>
        descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name) ?? descriptor.FindFieldByName(name);

    /// <summary>null for a google.protobuf.Value field is the JSON null it holds, not an absent field.</summary>
    private static bool IsValueType(FieldDescriptor field) => field.FieldType == FieldType.Message && field.MessageType.FullName == Value.Descriptor.FullName;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Root(string path) => path.Length == 0 ? "body" : path;

    /// <summary>The value as the caller sent it, cut short: an answer repeats no more of the input than it needs.</summary>
    private static string Shown(JsonElement json)
    {
        var raw = json.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
