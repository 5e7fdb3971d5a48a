using System.Reflection;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SectorMesh.Contracts;

/// <summary>
/// The gRPC services of SectorMesh and the HTTP paths that reach them, read from the compiled .proto files: the
/// gateway builds its routes from these, so a new service or method needs no edit there. Every service of package
/// sectormesh.{deployment}.v{n} is served by the deployment named {deployment} (partnerships, resources, engagement).
/// </summary>
public static partial class ApiCatalog
{
    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        .. typeof(ApiCatalog).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(file => file.Services)
            .OrderBy(service => service.FullName, StringComparer.Ordinal),
    ];

    /// <summary>Every HTTP rule of every method (with its additional bindings), and every upload a service declares.</summary>
    public static IReadOnlyList<HttpBinding> HttpBindings { get; } =
    [
        .. Services.SelectMany(service =>
            service.Methods.SelectMany(method => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule
                    ? Flatten(rule).Select(r => Binding(DeploymentOf(service), method.FullName, r))
                    : [])
                .Concat((service.GetOptions()?.GetExtension(UploadsExtensions.Upload) ?? [])
                    .Select(rule => Binding(DeploymentOf(service), $"{service.FullName} upload", rule)))),
    ];

    /// <summary>Every method of every service by its gRPC path (/package.Service/Method), with the access rule it declares.</summary>
    public static IReadOnlyDictionary<string, MethodAccess> Methods { get; } = Services
        .SelectMany(service => service.Methods)
        .ToDictionary(method => $"/{method.Service.FullName}/{method.Name}", MethodAccess.Of, StringComparer.Ordinal);

    /// <summary>The deployments that serve the services, each once.</summary>
    public static IReadOnlyList<string> Deployments { get; } = [.. Services.Select(DeploymentOf).Distinct()];

    public static string DeploymentOf(ServiceDescriptor service) =>
        ServicePackage().Match(service.File.Package) is { Success: true } match
            ? match.Groups["deployment"].Value
            : throw new InvalidOperationException(
                $"{service.FullName} is in package '{service.File.Package}'; services belong in sectormesh.{{deployment}}.v{{n}}.");

    private static IEnumerable<HttpRule> Flatten(HttpRule rule) => [rule, .. rule.AdditionalBindings];

    private static HttpBinding Binding(string deployment, string name, HttpRule rule)
    {
        var (verb, path) = VerbAndPath(rule);
        return new(deployment, name, verb, path);
    }

    /// <summary>The verb (GET, POST, ...) and path template of an HTTP rule.</summary>
    public static (string Verb, string Path) VerbAndPath(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
        HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
        HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
        HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
        HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
        HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind, rule.Custom.Path),
        _ => throw new InvalidOperationException("An HTTP rule names no verb and path."),
    };

    /// <summary>
    /// A path template split before its custom verb (/v1/{name=tenants/*}:changeStage is /v1/{name=tenants/*} and
    /// :changeStage); the verb is "" when it has none. A colon inside a variable or an earlier segment is not a verb.
    /// </summary>
    public static (string Template, string Verb) SplitVerb(string httpRulePath)
    {
        var verbStart = httpRulePath.IndexOf(':', Math.Max(httpRulePath.LastIndexOf('/'), httpRulePath.LastIndexOf('}')) + 1);
        return verbStart < 0 ? (httpRulePath, "") : (httpRulePath[..verbStart], httpRulePath[verbStart..]);
    }

    [GeneratedRegex(@"\{(?<field>[a-z0-9_.]+)=(?<pattern>[^}]+)\}")]
    internal static partial Regex PathVariable();

    [GeneratedRegex(@"^sectormesh\.(?<deployment>[a-z][a-z0-9-]*)\.v[0-9]+\z")]
    private static partial Regex ServicePackage();
}

/// <summary>
/// A verb and path template (google.api.HttpRule syntax, e.g. /v1/{name=tenants/*/partnerships/*}:changeStage) that
/// reaches <paramref name="Deployment"/>; <paramref name="Name"/> is the method, or the service for an upload.
/// </summary>
public sealed record HttpBinding(string Deployment, string Name, string Verb, string Path);

/// <summary>
/// A method, the permission it declares (Unspecified when it declares none, which the services refuse),
/// the request field naming the resource the permission applies to (none for a platform-wide method)
/// and the pattern of that name, and whether it changes anything: every method but an HTTP GET.
/// </summary>
public sealed partial record MethodAccess(MethodDescriptor Method, Permission Permission, string? ResourceField, string ResourcePattern, bool Writes)
{
    internal static MethodAccess Of(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AccessExtensions.Access);
        var http = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        var path = http is null ? "" : ApiCatalog.VerbAndPath(http).Path;
        var variable = ApiCatalog.PathVariable().Match(path);
        var field = rule is { ResourceField.Length: > 0 } ? rule.ResourceField : variable.Success ? variable.Groups["field"].Value : null;
        var pattern = variable.Success && variable.Groups["field"].Value == field ? variable.Groups["pattern"].Value : "tenants/*";
        var created = http?.PatternCase == HttpRule.PatternOneofCase.Post ? CreatePath().Match(path) : Match.Empty;
        return new(method, rule?.Permission ?? Permission.Unspecified, field, pattern, http?.PatternCase != HttpRule.PatternOneofCase.Get)
        {
            CreatedCollection = created.Success && created.Groups["field"].Value == field ? created.Groups["collection"].Value : null,
            CreatedIdField = created.Success
                ? method.InputType.Fields.InDeclarationOrder().FirstOrDefault(f => f.Name.EndsWith("_id", StringComparison.Ordinal) && f.FieldType == FieldType.String)?.Name
                : null,
        };
    }

    /// <summary>
    /// The collection a standard Create adds to (AIP-133): partnerships for POST /v1/{parent=tenants/*}/partnerships. Null for
    /// every other method.
    /// </summary>
    public string? CreatedCollection { get; init; }

    /// <summary>The request field carrying the id the caller chose for what it creates (partnership_id), if the method has one.</summary>
    public string? CreatedIdField { get; init; }

    /// <summary>
    /// The name of what a Create request makes (tenants/ohio/partnerships/healthcare), as far as the request tells it: the
    /// collection under the parent when the service chooses the id. Null for a method that creates nothing.
    /// </summary>
    public string? CreatedNameOf(IMessage request)
    {
        if (CreatedCollection is null)
        {
            return null;
        }
        var collection = $"{ResourceOf(request)}/{CreatedCollection}";
        return ServiceChoosesId(request) ? collection : $"{collection}/{CreatedIdOf(request)}";
    }

    /// <summary>Whether the service picks the id of what the Create request makes, the caller having chosen none.</summary>
    public bool ServiceChoosesId(IMessage request) => CreatedCollection is not null && CreatedIdOf(request).Length == 0;

    private string CreatedIdOf(IMessage request) =>
        CreatedIdField is null ? "" : Method.InputType.FindFieldByName(CreatedIdField).Accessor.GetValue(request) as string ?? "";

    [GeneratedRegex(@"^/v1/\{(?<field>[a-z_.]+)(=[^{}]*)?\}/(?<collection>[A-Za-z]+)$")]
    private static partial Regex CreatePath();

    /// <summary>A name the method's resource could have in the tenant and partnership (tenants/ohio/partnerships/healthcare/meetings/example).</summary>
    public string ExampleName(string tenant, string partnership)
    {
        var segments = ResourcePattern.Split('/');
        return string.Join("/", segments.Select((segment, i) => segment != "*" ? segment : segments[i - 1] switch
        {
            "tenants" => tenant,
            "partnerships" => partnership,
            _ => "example",
        }));
    }

    /// <summary>An otherwise empty request of the method naming <paramref name="resourceName"/> in <see cref="ResourceField"/>.</summary>
    public IMessage RequestNaming(string resourceName)
    {
        var request = (IMessage)Activator.CreateInstance(Method.InputType.ClrType)!;
        if (ResourceField is not null)
        {
            Set(request, ResourceField.Split('.'), resourceName);
        }
        return request;
    }

    private static void Set(IMessage message, string[] path, string value)
    {
        var field = message.Descriptor.FindFieldByName(path[0]);
        if (path.Length == 1)
        {
            field.Accessor.SetValue(message, value);
            return;
        }
        var nested = (IMessage?)field.Accessor.GetValue(message) ?? (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
        Set(nested, path[1..], value);
        field.Accessor.SetValue(message, nested);
    }

    /// <summary>The resource name the request carries in <see cref="ResourceField"/>; "" when the field is empty.</summary>
    public string ResourceOf(IMessage request)
    {
        IMessage? message = request;
        var path = (ResourceField ?? "").Split('.');
        for (var i = 0; message is not null && i < path.Length; i++)
        {
            var field = message.Descriptor.FindFieldByName(path[i])
                ?? throw new InvalidOperationException($"{Method.FullName} names {ResourceField} as its resource, which its request lacks.");
            var value = field.Accessor.GetValue(message);
            if (i == path.Length - 1)
            {
                return value as string ?? "";
            }
            message = value as IMessage;
        }
        return "";
    }
}
