using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using SectorMesh.Contracts;

namespace SectorMesh.IntegrationTests.Security;

/// <summary>
/// A method that changes something (its HTTP binding is not GET), as the .proto files describe it: enough to call it
/// with any message of its request type over gRPC, and over JSON through its HTTP binding.
/// </summary>
public sealed partial class WriteMethod
{
    private WriteMethod(MethodDescriptor method, HttpRule rule)
    {
        Descriptor = method;
        Rule = rule;
        var binding = ApiCatalog.HttpBindings.First(b => b.Name == method.FullName);
        (Verb, Path) = (binding.Verb, binding.Path);
        Grpc = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name,
            Marshaller(method.InputType), Marshaller(method.OutputType));
    }

    public MethodDescriptor Descriptor { get; }
    public HttpRule Rule { get; }
    public Method<IMessage, IMessage> Grpc { get; }
    public string Name => Descriptor.FullName;
    public MessageDescriptor Request => Descriptor.InputType;

    /// <summary>The verb of the HTTP binding (POST, PATCH, DELETE, ...).</summary>
    public string Verb { get; }

    /// <summary>The path template of the HTTP binding, e.g. /v1/{name=tenants/*/partnerships/*}:changeStage.</summary>
    public string Path { get; }

    public static IReadOnlyList<WriteMethod> All { get; } =
    [
        .. ApiCatalog.Services.SelectMany(s => s.Methods)
            .Where(m => m.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule && rule.PatternCase != HttpRule.PatternOneofCase.Get)
            .Select(m => new WriteMethod(m, m.GetOptions().GetExtension(AnnotationsExtensions.Http))),
    ];

    public static WriteMethod Named(string fullName) => All.Single(m => m.Name == fullName);

    private static Marshaller<IMessage> Marshaller(MessageDescriptor type) =>
        Marshallers.Create(message => message.ToByteArray(), bytes => type.Parser.ParseFrom(bytes));

    /// <summary>The request fields a path variable names ("name", "partnership.name"), each with the pattern of its segments.</summary>
    public IReadOnlyList<(string Field, Regex Pattern)> PathVariables =>
    [
        .. Variable().Matches(Path).Select(m => (m.Groups["field"].Value,
            new Regex("^" + Regex.Escape(m.Groups["segments"].Success ? m.Groups["segments"].Value : "*").Replace(@"\*", "[^/]+") + "$"))),
    ];

    /// <summary>
    /// The request as google.api.http maps it onto HTTP: path variables from their fields, the body field (or the whole
    /// message) as JSON, and any other field set at the top level as a query parameter.
    /// </summary>
    public HttpRequestMessage JsonRequest(IMessage request)
    {
        var path = Variable().Replace(Path, m => string.Join('/',
            (FieldAt(request, m.Groups["field"].Value) as string ?? "").Split('/').Select(Uri.EscapeDataString)));
        var bound = PathVariables.Select(v => v.Field.Split('.')[0]).Append(Rule.Body).ToHashSet();
        var query = Request.Fields.InDeclarationOrder()
            .Where(f => Rule.Body != "*" && !bound.Contains(f.Name) && !IsDefault(f.Accessor.GetValue(request)))
            .Select(f => $"{f.JsonName}={Uri.EscapeDataString(QueryValue(f.Accessor.GetValue(request)))}")
            .ToList();
        var uri = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        return JsonRequest(uri, Rule.Body switch
        {
            "" => null,
            "*" => JsonFormatter.Default.Format(request),
            var field => Request.FindFieldByName(field).Accessor.GetValue(request) is IMessage body ? JsonFormatter.Default.Format(body) : "{}",
        });
    }

    /// <summary>A request on the binding's path for <paramref name="request"/>, with a body of the caller's own.</summary>
    public HttpRequestMessage JsonRequest(IMessage request, string rawBody)
    {
        var message = JsonRequest(request);
        message.Content = new StringContent(rawBody, Encoding.UTF8, "application/json");
        return message;
    }

    private HttpRequestMessage JsonRequest(string uri, string? body)
    {
        var message = new HttpRequestMessage(new HttpMethod(Verb), uri);
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        return message;
    }

    /// <summary>The value at a dotted field path, or null where a message on the way is not set.</summary>
    public static object? FieldAt(IMessage message, string fieldPath)
    {
        object? value = message;
        foreach (var name in fieldPath.Split('.'))
        {
            value = value is IMessage m ? m.Descriptor.FindFieldByName(name).Accessor.GetValue(m) : null;
        }
        return value;
    }

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        System.Collections.IList list => list.Count == 0,
        _ => false,
    };

    /// <summary>A query parameter's value: the field's JSON form, unquoted when it is a string (a field mask is "a,b").</summary>
    private static string QueryValue(object? value)
    {
        if (value is not IMessage message)
        {
            return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        using var parsed = JsonDocument.Parse(JsonFormatter.Default.Format(message));
        return parsed.RootElement.ValueKind == JsonValueKind.String ? parsed.RootElement.GetString()! : parsed.RootElement.GetRawText();
    }

    public override string ToString() => Name;

    /// <summary>{field.path} or {field.path=segments}.</summary>
    [GeneratedRegex(@"\{(?<field>[a-z_][a-z0-9_.]*)(=(?<segments>[^{}]*))?\}")]
    private static partial Regex Variable();
}
