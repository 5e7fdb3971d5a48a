using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using SectorMesh.Contracts;

namespace SectorMesh.Gateway;

/// <summary>
/// The schemas of the OpenAPI document, in the proto3 JSON mapping: fields by their JSON names, 64-bit integers
/// as strings, enums by their value names, the well-known types as the strings and values they are written as.
/// Each message and enum reached is a component, named by its full proto name, described by its comment.
/// </summary>
internal sealed class SchemaSet
{
    private const string SchemaRef = "#/components/schemas/";

    private readonly SortedDictionary<string, JsonObject> components = new(StringComparer.Ordinal);

    public SchemaSet()
    {
        var details = ErrorDetails();
        foreach (var (name, schema) in details)
        {
            components[name] = schema;
        }
        components[OpenApiContract.ErrorSchema] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = """
                An error: the gRPC status code, a sentence for the caller, and typed details (AIP-193). Each detail
                names its kind in `@type`: type.googleapis.com/google.rpc.BadRequest (the invalid fields),
                PreconditionFailure (the rules broken), ResourceInfo (the resource not found or already there),
                ErrorInfo (a reason such as STALE_ETAG, ROLE_NOT_ALLOWED or UPLOAD_TOO_LARGE) or RetryInfo (when to
                retry). An answer the gateway gives itself (a rate limit, a body too large, a service not answering)
                has a code and a message only.
                """,
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject
                {
                    ["type"] = "integer",
                    ["format"] = "int32",
                    ["description"] = "The gRPC status code: 3 INVALID_ARGUMENT, 5 NOT_FOUND, 6 ALREADY_EXISTS, 7 PERMISSION_DENIED, "
                        + "8 RESOURCE_EXHAUSTED, 9 FAILED_PRECONDITION, 10 ABORTED, 14 UNAVAILABLE, 16 UNAUTHENTICATED.",
                },
                ["message"] = new JsonObject { ["type"] = "string", ["description"] = "What went wrong, in a sentence for the caller." },
                ["details"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["description"] = "A detail as a google.protobuf.Any: its kind in `@type`, then that message's fields.",
                        ["required"] = new JsonArray("@type"),
                        ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } },
                        ["additionalProperties"] = true,
                        ["anyOf"] = new JsonArray([.. details.Keys.Select(name => (JsonNode)new JsonObject { ["$ref"] = SchemaRef + name })]),
                    },
                },
            },
        };
    }

    /// <summary>The kinds of google.rpc.Status details the services write, in the proto3 JSON of their messages.</summary>
    private static SortedDictionary<string, JsonObject> ErrorDetails() => new(StringComparer.Ordinal)
    {
        ["google.rpc.BadRequest"] = Detail("google.rpc.BadRequest", "The request's invalid fields (INVALID_ARGUMENT), at most ten.", new JsonObject
        {
            ["fieldViolations"] = ArrayOf(Fields(
                ("field", "The field's path in the request, e.g. partnership.displayName."),
                ("description", "Why its value is refused."))),
        }),
        ["google.rpc.PreconditionFailure"] = Detail("google.rpc.PreconditionFailure", "The rules of the Framework the request would break (FAILED_PRECONDITION).", new JsonObject
        {
            ["violations"] = ArrayOf(Fields(
                ("type", "The kind of violation: RULE."),
                ("subject", "The name of the rule."),
                ("description", "What the rule asks for."))),
        }),
        ["google.rpc.ResourceInfo"] = Detail("google.rpc.ResourceInfo", "The resource not found (NOT_FOUND) or already there (ALREADY_EXISTS).", Fields(
            ("resourceType", ""),
            ("resourceName", "Its resource name, e.g. tenants/ohio/partnerships/central-ohio-healthcare."),
            ("owner", ""),
            ("description", ""))),
        ["google.rpc.ErrorInfo"] = Detail("google.rpc.ErrorInfo", "Why the request failed, as a reason a program can test.", new JsonObject
        {
            ["reason"] = Text("STALE_ETAG, CONCURRENT_UPDATE, CREATED_CONCURRENTLY, ROLE_NOT_ALLOWED, DEPENDENCY_UNAVAILABLE or UPLOAD_TOO_LARGE."),
            ["domain"] = Text("sectormesh.gov"),
            ["metadata"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject { ["type"] = "string" },
                ["description"] = "More about it, e.g. the resource of a stale etag.",
            },
        }),
        ["google.rpc.RetryInfo"] = Detail("google.rpc.RetryInfo", "When to try again (RESOURCE_EXHAUSTED, UNAVAILABLE).", new JsonObject
        {
            ["retryDelay"] = new JsonObject { ["type"] = "string", ["pattern"] = @"^-?[0-9]+(\.[0-9]+)?s$", ["description"] = "How long to wait: seconds with an s suffix, e.g. 2s." },
        }),
    };

    /// <summary>A detail's schema: its `@type`, then its own fields.</summary>
    private static JsonObject Detail(string name, string description, JsonObject properties)
    {
        properties.Insert(0, "@type", Text($"type.googleapis.com/{name}"));
        return new JsonObject { ["type"] = "object", ["description"] = description, ["properties"] = properties };
    }

    /// <summary>String fields, each with its description.</summary>
    private static JsonObject Fields(params (string Name, string Description)[] fields) =>
        new JsonObject([.. fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)Text(f.Description)))]);

    /// <summary>A list of objects with these fields.</summary>
    private static JsonObject ArrayOf(JsonObject properties) => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject { ["type"] = "object", ["properties"] = properties },
    };

    private static JsonObject Text(string description) => OpenApiContract.Described(new JsonObject { ["type"] = "string" }, description);

    public JsonObject ToJson() => new([.. components.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))]);

    public static bool IsWellKnown(MessageDescriptor message) => WellKnown(message) is not null;

    /// <summary>A reference to the message's component (its inline schema for a well-known type).</summary>
    public JsonObject Ref(MessageDescriptor message)
    {
        if (WellKnown(message) is { } inline)
        {
            return inline;
        }
        if (!components.ContainsKey(message.FullName))
        {
            components[message.FullName] = [];
            components[message.FullName] = MessageWithout(message, new HashSet<string>());
        }
        return new JsonObject { ["$ref"] = SchemaRef + message.FullName };
    }

    /// <summary>The message's own schema without some of its fields: a JSON body whose other fields travel in the path.</summary>
    public JsonObject MessageWithout(MessageDescriptor message, IReadOnlySet<string> leftOut)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in message.Fields.InDeclarationOrder().Where(f => !leftOut.Contains(f.Name)))
        {
            properties[field.JsonName] = Field(field);
            if (Behaviors(field).Contains(FieldBehavior.Required))
            {
                required.Add(field.JsonName);
            }
        }
        var description = ProtoComments.Of(message.FullName);
        var oneofs = message.Oneofs.Where(o => !o.IsSynthetic).Select(o => $"At most one of {string.Join(", ", o.Fields.Select(f => $"`{f.JsonName}`"))}.");
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }
        return OpenApiContract.Described(schema, string.Join("\n\n", [description, .. oneofs]).Trim());
    }

    /// <summary>A field's schema with its comment, marked read-only when the server sets it and deprecated when it is.</summary>
    public JsonObject Field(FieldDescriptor field)
    {
        JsonObject schema;
        if (field.IsMap)
        {
            schema = new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(field.MessageType.FindFieldByNumber(2)) };
        }
        else if (field.IsRepeated)
        {
            schema = new JsonObject { ["type"] = "array", ["items"] = Single(field) };
        }
        else
        {
            schema = Single(field);
        }
        // A $ref keeps no siblings in every tool, so a described reference is wrapped.
        if (schema.ContainsKey("$ref"))
        {
            schema = new JsonObject { ["allOf"] = new JsonArray(schema) };
        }
        var behaviors = Behaviors(field);
        if (behaviors.Contains(FieldBehavior.OutputOnly))
        {
            schema["readOnly"] = true;
        }
        if (field.GetOptions()?.Deprecated == true)
        {
            schema["deprecated"] = true;
        }
        var notes = behaviors.Contains(FieldBehavior.Immutable) ? " Set when created, never changed." : "";
        return OpenApiContract.Described(schema, (ProtoComments.Of(field.FullName) + notes).Trim());
    }

    private JsonObject Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => Typed("number", "double"),
        FieldType.Float => Typed("number", "float"),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Typed("string", "int64"),
        FieldType.UInt64 or FieldType.Fixed64 => Typed("string", "uint64"),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Typed("integer", "int32"),
        FieldType.UInt32 or FieldType.Fixed32 => Typed("integer", "uint32"),
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.String => new JsonObject { ["type"] = "string" },
        FieldType.Bytes => Typed("string", "byte"),
        FieldType.Enum => EnumRef(field.EnumType),
        FieldType.Message or FieldType.Group => Ref(field.MessageType),
        _ => throw new InvalidOperationException($"{field.FullName} has a type the OpenAPI document cannot describe."),
    };

    private JsonObject EnumRef(EnumDescriptor enumType)
    {
        if (!components.ContainsKey(enumType.FullName))
        {
            var values = enumType.Values.Select(v => (v.Name, Comment: ProtoComments.Of($"{enumType.FullName}.{v.Name}"))).ToList();
            var listed = string.Join("\n", values.Where(v => v.Comment.Length > 0).Select(v => $"- `{v.Name}`: {v.Comment.ReplaceLineEndings(" ")}"));
            components[enumType.FullName] = OpenApiContract.Described(new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v.Name)]),
            }, string.Join("\n\n", ProtoComments.Of(enumType.FullName), listed).Trim());
        }
        return new JsonObject { ["$ref"] = SchemaRef + enumType.FullName };
    }

    private static JsonObject Typed(string type, string format) => new() { ["type"] = type, ["format"] = format };

    private static JsonObject Nullable(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = new JsonArray(type, "null") };
        if (format is not null)
        {
            schema["format"] = format;
        }
        return schema;
    }

    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => Typed("string", "date-time"),
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["pattern"] = @"^-?[0-9]+(\.[0-9]+)?s$", ["description"] = "Seconds with an s suffix, e.g. 3.5s." },
        "google.protobuf.FieldMask" => new JsonObject { ["type"] = "string", ["description"] = "Field paths in camelCase, separated by commas, e.g. displayName,vision." },
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
        "google.protobuf.Value" => [],
        "google.protobuf.ListValue" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject() },
        "google.protobuf.Any" => new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } },
            ["additionalProperties"] = true,
        },
        "google.protobuf.DoubleValue" => Nullable("number", "double"),
        "google.protobuf.FloatValue" => Nullable("number", "float"),
        "google.protobuf.Int64Value" => Nullable("string", "int64"),
        "google.protobuf.UInt64Value" => Nullable("string", "uint64"),
        "google.protobuf.Int32Value" => Nullable("integer", "int32"),
        "google.protobuf.UInt32Value" => Nullable("integer", "uint32"),
        "google.protobuf.BoolValue" => Nullable("boolean"),
        "google.protobuf.StringValue" => Nullable("string"),
        "google.protobuf.BytesValue" => Nullable("string", "byte"),
        _ => null,
    };

    private static IReadOnlyCollection<FieldBehavior> Behaviors(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) ?? (IReadOnlyCollection<FieldBehavior>)[];
}
