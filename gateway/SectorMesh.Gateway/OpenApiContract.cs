using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using SectorMesh.Contracts;

namespace SectorMesh.Gateway;

/// <summary>
/// The OpenAPI 3.1 document of every service's JSON API, written from the same .proto files the gateway's routes come
/// from: a path per google.api.http binding (and per upload), the request and response messages as schemas in the
/// proto3 JSON mapping, and the protos' comments as descriptions. Resource names split into their ids in the path
/// (/v1/tenants/{tenant}/partnerships/{partnership}), which is how JSON callers write them.
/// </summary>
public static partial class OpenApiContract
{
    public const string Path = "/openapi/v1.json";

    private const string SchemaRef = "#/components/schemas/";
    private const string ResponseRef = "#/components/responses/";
    internal const string ErrorSchema = "google.rpc.Status";

    /// <summary>
    /// The errors an operation may answer, each a google.rpc.Status: the HTTP status google.api's mapping gives each
    /// gRPC code (HttpErrors.StatusCodeOf), with the gateway's own answers. Each is a response component, named here.
    /// </summary>
    private static readonly (string Status, string Name, string Description)[] Errors =
    [
        ("400", "InvalidArgument", "INVALID_ARGUMENT: a field is missing or invalid, each named in a google.rpc.BadRequest; or FAILED_PRECONDITION: a rule of the Framework forbids the change, each rule in a google.rpc.PreconditionFailure."),
        ("401", "Unauthenticated", "UNAUTHENTICATED: no bearer token, or one expired or not signed for SectorMesh. The gateway's own refusal comes with WWW-Authenticate: Bearer and may have no body."),
        ("403", "PermissionDenied", "PERMISSION_DENIED: the caller's roles do not grant the permission the operation names (google.rpc.ErrorInfo, reason ROLE_NOT_ALLOWED)."),
        ("404", "NotFound", "NOT_FOUND: no such resource for this caller, another tenant's included (google.rpc.ResourceInfo names it)."),
        ("409", "Conflict", "ALREADY_EXISTS: a resource of that name exists (google.rpc.ResourceInfo); or ABORTED: the etag sent is stale, or the resource changed meanwhile (google.rpc.ErrorInfo, reason STALE_ETAG or CONCURRENT_UPDATE): read it again, re-apply, retry."),
        ("413", "TooLarge", "RESOURCE_EXHAUSTED: the request body is larger than this call may send; nothing was stored."),
        ("429", "TooManyRequests", "RESOURCE_EXHAUSTED: the tenant's rate limit is spent, or its imports are all running (google.rpc.RetryInfo). Retry after the seconds in Retry-After."),
        ("503", "Unavailable", "UNAVAILABLE: a service, its database or its broker is not answering just now; nothing was changed. Retry after the seconds in Retry-After."),
        ("default", "Error", "An error: a google.rpc.Status with its details."),
    ];

    public static JsonObject Document(string version)
    {
        var schemas = new SchemaSet();
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in ApiCatalog.Services)
        {
            foreach (var method in service.Methods)
            {
                var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
                foreach (var binding in rule is null ? [] : (IEnumerable<HttpRule>)[rule, .. rule.AdditionalBindings])
                {
                    var (verb, template) = Lowered(ApiCatalog.VerbAndPath(binding));
                    var path = ParsePath(template);
                    Operations(paths, path.OpenApiPath)[verb] = MethodOperation(method, binding, verb, path, schemas, operationIds);
                }
            }
            var uploads = service.GetOptions()?.GetExtension(UploadsExtensions.Upload) ?? [];
            for (var i = 0; i < uploads.Count; i++)
            {
                var (verb, template) = Lowered(ApiCatalog.VerbAndPath(uploads[i]));
                var path = ParsePath(template);
                Operations(paths, path.OpenApiPath)[verb] = UploadOperation(service, i, path, operationIds);
            }
        }
        foreach (var (verb, operation) in paths.Values.SelectMany(operations => operations))
        {
            AddErrorResponses(verb, operation!["responses"]!.AsObject());
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "SectorMesh",
                ["version"] = version,
                ["description"] = """
                    The JSON API of SectorMesh, the system of record for sector partnerships. Every operation is also a
                    gRPC method on the gateway's gRPC port (the tag names the service, the operation id the method).
                    Calls carry a bearer token. Errors come back as a google.rpc.Status: 400 for INVALID_ARGUMENT (the
                    details name each field in a BadRequest), 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 404 NOT_FOUND,
                    409 ALREADY_EXISTS or ABORTED (a stale etag), 400 FAILED_PRECONDITION (the rule in a
                    PreconditionFailure), 413 RESOURCE_EXHAUSTED (a body too large), 429 RESOURCE_EXHAUSTED, 503
                    UNAVAILABLE (try again after Retry-After).
                    """,
                ["license"] = new JsonObject { ["name"] = "Apache 2.0", ["identifier"] = "Apache-2.0" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["tags"] = new JsonArray([.. ApiCatalog.Services.Select(s => (JsonNode)Described(new JsonObject { ["name"] = s.Name }, ProtoComments.Of(s.FullName)))]),
            ["paths"] = new JsonObject([.. paths.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["responses"] = ErrorResponses(),
                ["schemas"] = schemas.ToJson(),
            },
        };
    }

    /// <summary>OpenAPI names its operations by lower-case verbs.</summary>
    private static (string Verb, string Path) Lowered((string Verb, string Path) rule) => (rule.Verb.ToLowerInvariant(), rule.Path);

    private static JsonObject Operations(SortedDictionary<string, JsonObject> paths, string path) =>
        paths.TryGetValue(path, out var operations) ? operations : paths[path] = [];

    private static JsonObject MethodOperation(MethodDescriptor method, HttpRule rule, string verb, ParsedPath path, SchemaSet schemas, HashSet<string> operationIds)
    {
        var access = ApiCatalog.Methods[$"/{method.Service.FullName}/{method.Name}"];
        var permission = AccessReflection.Descriptor.FindTypeByName<EnumDescriptor>(nameof(Permission)).FindValueByNumber((int)access.Permission).Name;
        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(method.Service.Name),
            ["operationId"] = Unique(operationIds, $"{method.Service.Name}_{method.Name}", "_"),
            ["summary"] = Summary(ProtoComments.Of(method.FullName), method.Name),
            ["description"] = $"{ProtoComments.Of(method.FullName)}\n\nPermission: `{permission}`. gRPC: `/{method.Service.FullName}/{method.Name}`.".Trim(),
        };

        var boundFields = path.Parameters.Select(p => p.Field.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var parameters = new JsonArray([.. path.Parameters.Select(p => (JsonNode)PathParameter(p))]);
        // Fields neither in the path nor the body travel in the query string.
        if (rule.Body != "*")
        {
            foreach (var field in method.InputType.Fields.InDeclarationOrder().Where(f => !boundFields.Contains(f.Name) && f.Name != rule.Body))
            {
                foreach (var parameter in QueryParameters(field, "", schemas))
                {
                    parameters.Add(parameter);
                }
            }
        }
        if (rule.Body.Length > 0)
        {
            var body = rule.Body == "*"
                ? schemas.MessageWithout(method.InputType, boundFields)
                : schemas.Field(method.InputType.FindFieldByName(rule.Body));
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(body) };
        }
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        var response = rule.ResponseBody.Length > 0
            ? schemas.Field(method.OutputType.FindFieldByName(rule.ResponseBody))
            : schemas.Ref(method.OutputType);
        var stream = method.IsServerStreaming ? " Streamed: one JSON message per line with Accept: application/x-ndjson." : "";
        operation["responses"] = Responses(Described(new JsonObject { ["content"] = Json(response) }, $"The {method.OutputType.Name}.{stream}"));
        return operation;
    }

    private static JsonObject UploadOperation(Google.Protobuf.Reflection.ServiceDescriptor service, int index, ParsedPath path, HashSet<string> operationIds)
    {
        var comment = ProtoComments.Of($"{service.FullName}/upload/{index}");
        var file = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } };
        return new JsonObject
        {
            ["tags"] = new JsonArray(service.Name),
            ["operationId"] = Unique(operationIds, $"{service.Name}_{path.Verb.TrimStart(':')}Upload", "_"),
            ["summary"] = Summary(comment, "Upload a file"),
            ["description"] = $"{comment}\n\nThe request body is the file itself, read as it streams: CSV or text as published, or the same in a .zip or gzip.".Trim(),
            ["parameters"] = new JsonArray([.. path.Parameters.Select(p => (JsonNode)PathParameter(p))]),
            ["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject
                {
                    ["text/csv"] = file.DeepClone(),
                    ["text/plain"] = file.DeepClone(),
                    ["application/zip"] = file.DeepClone(),
                    ["application/gzip"] = file,
                },
            },
            ["responses"] = Responses(new JsonObject
            {
                ["description"] = "The import's report, as the description says.",
                ["content"] = Json(new JsonObject { ["type"] = "object" }),
            }),
        };
    }

    private static JsonObject Responses(JsonObject ok) => new() { ["200"] = ok };

    /// <summary>
    /// Every operation's errors, after its 200: each status of <see cref="Errors"/> as a reference to its response
    /// component, but a conflict and a body too large only where the verb changes something.
    /// </summary>
    private static void AddErrorResponses(string verb, JsonObject responses)
    {
        foreach (var (status, name, _) in Errors.Where(e => verb != "get" || e.Status is not ("409" or "413")))
        {
            responses[status] = new JsonObject { ["$ref"] = ResponseRef + name };
        }
    }

    /// <summary>The response components of <see cref="Errors"/>: a google.rpc.Status, with Retry-After where the caller should wait.</summary>
    private static JsonObject ErrorResponses() => new([.. Errors.Select(error =>
    {
        var response = new JsonObject { ["description"] = error.Description, ["content"] = Json(new JsonObject { ["$ref"] = SchemaRef + ErrorSchema }) };
        if (error.Status is "429" or "503")
        {
            response["headers"] = new JsonObject
            {
                ["Retry-After"] = new JsonObject
                {
                    ["description"] = "How many seconds to wait before trying again.",
                    ["schema"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                },
            };
        }
        return KeyValuePair.Create(error.Name, (JsonNode?)response);
    })]);

    private static JsonObject PathParameter(PathParameter parameter) => new()
    {
        ["name"] = parameter.Name,
        ["in"] = "path",
        ["required"] = true,
        ["description"] = parameter.Description,
        ["schema"] = new JsonObject { ["type"] = "string" },
    };

    /// <summary>A GET's request fields, as query parameters by their JSON names; a message field's own fields as name.field.</summary>
    private static IEnumerable<JsonObject> QueryParameters(FieldDescriptor field, string prefix, SchemaSet schemas)
    {
        var name = prefix + field.JsonName;
        if (field.FieldType == FieldType.Message && !field.IsRepeated && !SchemaSet.IsWellKnown(field.MessageType))
        {
            return prefix.Length > 0 ? [] : field.MessageType.Fields.InDeclarationOrder().SelectMany(f => QueryParameters(f, name + ".", schemas));
        }
        var parameter = new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = schemas.Field(field) };
        if (field.IsRepeated)
        {
            parameter["explode"] = true;
        }
        return [Described(parameter, ProtoComments.Of(field.FullName))];
    }

    private static JsonObject Json(JsonNode schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    /// <summary>The comment's first sentence, or the method's name spelt out when it has no comment.</summary>
    private static string Summary(string comment, string fallback)
    {
        var flat = comment.ReplaceLineEndings(" ");
        var end = flat.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end < 0 ? flat.TrimEnd('.') : flat[..end];
        return sentence.Length is > 0 and <= 120 ? sentence : Words().Replace(fallback, " $1").Trim();
    }

    internal static JsonObject Described(JsonObject node, string comment)
    {
        if (comment.Length > 0)
        {
            node["description"] = comment;
        }
        return node;
    }

    /// <summary>
    /// An OpenAPI path for a google.api.HttpRule path template: each * of a variable becomes a parameter named after
    /// the collection before it (tenants/* is {tenant}), a variable of one segment keeps its field's name, and the
    /// custom verb (:changeStage) stays on the end.
    /// </summary>
    public static ParsedPath ParsePath(string template)
    {
        var (route, verb) = ApiCatalog.SplitVerb(template);
        var parameters = new List<PathParameter>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var path = Variable().Replace(route, match =>
        {
            var field = match.Groups["field"].Value;
            var pattern = match.Groups["pattern"].Success ? match.Groups["pattern"].Value : "*";
            var segments = pattern.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i] is not ("*" or "**"))
                {
                    continue;
                }
                var name = Unique(names, i > 0 ? Singular(segments[i - 1]) : field.Split('.')[^1]);
                var shape = string.Join('/', segments.Select((s, j) => j == i ? $"{{{name}}}" : s));
                parameters.Add(new PathParameter(name, field, segments.Length == 1
                    ? $"The request's `{field}`."
                    : $"The {name} id in the request's `{field}` ({shape})."));
                segments[i] = $"{{{name}}}";
            }
            return string.Join('/', segments);
        });
        return new ParsedPath(path + verb, verb, parameters);
    }

    /// <summary>The name, or else the name with the first number from 2 up (after the separator) that is not yet used.</summary>
    private static string Unique(HashSet<string> used, string name, string separator = "")
    {
        var unique = name;
        for (var n = 2; !used.Add(unique); n++)
        {
            unique = $"{name}{separator}{n}";
        }
        return unique;
    }

    private static string Singular(string collection) => collection switch
    {
        _ when collection.EndsWith("ies", StringComparison.Ordinal) => collection[..^3] + "y",
        _ when collection.EndsWith("sses", StringComparison.Ordinal) => collection[..^2],
        _ when collection.EndsWith('s') => collection[..^1],
        _ => collection,
    };

    [GeneratedRegex(@"\{(?<field>[A-Za-z_][A-Za-z0-9_.]*)(=(?<pattern>[^{}]*))?\}")]
    private static partial Regex Variable();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}

/// <summary>A path of the OpenAPI document, with its parameters in order and its custom verb ("" when it has none).</summary>
public sealed record ParsedPath(string OpenApiPath, string Verb, IReadOnlyList<PathParameter> Parameters);

/// <summary>A path parameter and the request field whose value it is part of.</summary>
public sealed record PathParameter(string Name, string Field, string Description);
