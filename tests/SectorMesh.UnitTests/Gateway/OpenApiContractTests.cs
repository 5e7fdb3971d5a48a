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
    public void Every_schema_reference_names_a_schema_of_the_document()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();

        var dangling = References(Document).Where(reference => !schemas.ContainsKey(reference["#/components/schemas/".Length..]));

        Assert.Empty(dangling);
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

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PathParameter();
}
