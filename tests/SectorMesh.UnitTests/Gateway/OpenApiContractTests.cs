using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SectorMesh.Contracts;
using SectorMesh.Gateway;

namespace SectorMesh.UnitTests.Gateway;

public partial class OpenApiContractTests
{
    private static readonly JsonObject Document = OpenApiContract.Document("0.1.0");

    private static JsonObject Paths => Document["paths"]!.AsObject();

    private static IEnumerable<JsonObject> Operations => Paths.SelectMany(path => path.Value!.AsObject().Select(verb => verb.Value!.AsObject()));

    public static TheoryData<string, string, string> HttpBindings()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var binding in ApiCatalog.HttpBindings)
        {
            data.Add(binding.Name, binding.Verb, binding.Path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HttpBindings))]
    public void Every_annotated_route_appears_with_its_verb(string method, string verb, string path)
    {
        var openApiPath = OpenApiContract.ParsePath(path).OpenApiPath;

        Assert.True(Paths[openApiPath]?.AsObject().ContainsKey(verb.ToLowerInvariant()) == true,
            $"{method}: {verb} {path} is not in the document as {verb.ToLowerInvariant()} {openApiPath}.");
    }

    [Fact]
    public void The_document_has_no_operation_that_no_route_declares()
    {
        var declared = ApiCatalog.HttpBindings.Select(b => $"{b.Verb.ToLowerInvariant()} {OpenApiContract.ParsePath(b.Path).OpenApiPath}").ToHashSet();

        var documented = Paths.SelectMany(path => path.Value!.AsObject().Select(verb => $"{verb.Key} {path.Key}"));

        Assert.Empty(documented.Except(declared));
    }

    [Theory]
    [InlineData("/v1/{name=tenants/*/partnerships/*}:changeStage", "/v1/tenants/{tenant}/partnerships/{partnership}:changeStage")]
    [InlineData("/v1/{parent=tenants/*}/lmi/{kind}:import", "/v1/tenants/{tenant}/lmi/{kind}:import")]
    [InlineData("/v1/{partnership.name=tenants/*/partnerships/*}", "/v1/tenants/{tenant}/partnerships/{partnership}")]
    [InlineData("/v1/{name=tenants/*/partnerships/*/committees/*}", "/v1/tenants/{tenant}/partnerships/{partnership}/committees/{committee}")]
    [InlineData("/v1/{name=tenants/*/activities/*/activities/*}", "/v1/tenants/{tenant}/activities/{activity}/activities/{activity2}")]
    public void A_resource_name_in_the_path_splits_into_one_parameter_per_id(string httpRulePath, string openApiPath)
    {
        Assert.Equal(openApiPath, OpenApiContract.ParsePath(httpRulePath).OpenApiPath);
    }

    [Fact]
    public void Every_path_parameter_is_declared_on_each_operation_of_its_path()
    {
        var undeclared = Paths.SelectMany(path => path.Value!.AsObject().SelectMany(verb =>
            PathParameter().Matches(path.Key).Select(m => m.Groups[1].Value)
                .Where(name => verb.Value!["parameters"]?.AsArray().Any(p => (string?)p!["name"] == name && (string?)p["in"] == "path") != true)
                .Select(name => $"{verb.Key} {path.Key}: {name}")));

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_reference_names_a_component_of_the_document()
    {
        var dangling = References(Document).Where(reference => Resolve(new JsonObject { ["$ref"] = reference }) is null);

        Assert.Empty(dangling);
    }

    [Fact]
    public void Every_operation_answers_its_errors_with_a_google_rpc_status()
    {
        var undeclared =
            from path in Paths
            from verb in path.Value!.AsObject()
            from status in (string[])["400", "401", "403", "404", "429", "503", "default", .. verb.Key == "get" ? (string[])[] : ["409", "413"]]
            where (string?)Resolve(verb.Value!["responses"]?[status])?["content"]?["application/json"]?["schema"]?["$ref"] != "#/components/schemas/google.rpc.Status"
            select $"{verb.Key} {path.Key}: {status}";

        Assert.Empty(undeclared);
    }

    [Fact]
    public void The_status_schema_has_a_code_a_message_and_typed_details()
    {
        var schemas = Document["components"]!["schemas"]!;
        var status = schemas["google.rpc.Status"]!["properties"]!;
        var detail = status["details"]!["items"]!;

        Assert.Equal("integer", (string?)status["code"]?["type"]);
        Assert.Equal("int32", (string?)status["code"]?["format"]);
        Assert.Equal("string", (string?)status["message"]?["type"]);
        Assert.Equal("array", (string?)status["details"]?["type"]);
        Assert.Equal("string", (string?)detail["properties"]?["@type"]?["type"]);
        Assert.True((bool?)detail["additionalProperties"]);
        Assert.Equal(
            ["#/components/schemas/google.rpc.BadRequest", "#/components/schemas/google.rpc.ErrorInfo", "#/components/schemas/google.rpc.PreconditionFailure",
                "#/components/schemas/google.rpc.ResourceInfo", "#/components/schemas/google.rpc.RetryInfo"],
            detail["anyOf"]!.AsArray().Select(kind => (string)kind!["$ref"]!).Order(StringComparer.Ordinal).ToArray());
        Assert.NotNull(schemas["google.rpc.BadRequest"]?["properties"]?["fieldViolations"]?["items"]?["properties"]?["field"]);
        Assert.NotNull(schemas["google.rpc.PreconditionFailure"]?["properties"]?["violations"]?["items"]?["properties"]?["subject"]);
        Assert.NotNull(schemas["google.rpc.ErrorInfo"]?["properties"]?["metadata"]?["additionalProperties"]);
        Assert.NotNull(schemas["google.rpc.RetryInfo"]?["properties"]?["retryDelay"]);
    }

    [Fact]
    public void A_caller_told_to_wait_is_told_how_long_in_retry_after()
    {
        var responses = Paths["/v1/tenants/{tenant}/partnerships/{partnership}"]!["get"]!["responses"]!;

        Assert.NotNull(Resolve(responses["429"])?["headers"]?["Retry-After"]?["schema"]);
        Assert.NotNull(Resolve(responses["503"])?["headers"]?["Retry-After"]?["schema"]);
        Assert.Null(Resolve(responses["404"])?["headers"]);
    }

    [Fact]
    public void The_document_names_its_license()
    {
        var license = Document["info"]!["license"];

        Assert.Equal("Apache 2.0", (string?)license?["name"]);
        Assert.Equal("Apache-2.0", (string?)license?["identifier"]);
    }

    [Fact]
    public void Operation_ids_are_unique()
    {
        var ids = Operations.Select(o => (string)o["operationId"]!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Fields_are_named_and_typed_as_proto3_json_writes_them()
    {
        var partnership = Document["components"]!["schemas"]!["sectormesh.partnerships.v1.Partnership"]!["properties"]!;

        Assert.NotNull(partnership["displayName"]);
        Assert.Null(partnership["display_name"]);
        Assert.Equal("date-time", (string?)partnership["createTime"]?["format"]);
    }

    [Fact]
    public void An_update_names_its_mask_in_the_query_and_its_resource_in_the_body()
    {
        var update = Paths["/v1/tenants/{tenant}/partnerships/{partnership}"]!["patch"]!;

        Assert.Contains(update["parameters"]!.AsArray(), p => (string?)p!["name"] == "updateMask" && (string?)p["in"] == "query");
        Assert.Contains("sectormesh.partnerships.v1.Partnership", update["requestBody"]!.ToJsonString());
    }

    [Fact]
    public void Each_operation_names_the_permission_it_needs()
    {
        var methods = Operations.Where(o => o["requestBody"]?["content"]?["application/zip"] is null);

        Assert.All(methods,
            operation => Assert.Contains("Permission: `PERMISSION_", (string)operation["description"]!));
    }

    /// <summary>The node, or what its $ref points to in the document (null when nothing is there).</summary>
    private static JsonNode? Resolve(JsonNode? node)
    {
        if ((string?)node?["$ref"] is not { } reference)
        {
            return node;
        }
        return reference.StartsWith("#/", StringComparison.Ordinal)
            ? reference[2..].Split('/').Aggregate((JsonNode?)Document, (at, key) => at is JsonObject o ? o[key] : null)
            : null;
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PathParameter();
}
