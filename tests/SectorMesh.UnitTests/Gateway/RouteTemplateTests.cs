using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using SectorMesh.Contracts;
using SectorMesh.Gateway;

namespace SectorMesh.UnitTests.Gateway;

/// <summary>The gateway's route templates, converted from the google.api.http path templates of the .proto files.</summary>
public class RouteTemplateTests
{
    [Theory]
    [InlineData("/v1/tenants", "/v1/tenants")]
    [InlineData("/v1/{name=tenants/*}", "/v1/tenants/{s0}")]
    [InlineData("/v1/{parent=tenants/*/partnerships/*}/employers", "/v1/tenants/{s0}/partnerships/{s1}/employers")]
    [InlineData("/v1/{name=tenants/*/partnerships/*}:activate", "/v1/tenants/{s0}/partnerships/{s1}:activate")]
    [InlineData("/v1/{employer_engagement.name=tenants/*/partnerships/*/employers/*}", "/v1/tenants/{s0}/partnerships/{s1}/employers/{s2}")]
    [InlineData("/v1/{name=tenants/*/partnerships/*/needsAnalysis}", "/v1/tenants/{s0}/partnerships/{s1}/needsAnalysis")]
    [InlineData("/v1/{parent=tenants/*}/lmi/{kind}:import", "/v1/tenants/{s0}/lmi/{s1}:import")]
    [InlineData("/v1/*/regions", "/v1/{s0}/regions")]
    [InlineData("/v1/tenants:search", "/v1/tenants:search")]
    [InlineData("/v1/{name=tenants/*/files/**}", "/v1/tenants/{s0}/files/{**s1}")]
    [InlineData("/v1/{name=files/**}:download", "/v1/files/{**s0:regex(:download$)}")]
    public void An_http_rule_path_becomes_the_route_template_of_the_same_paths(string httpRulePath, string routeTemplate)
    {
        Assert.Equal(routeTemplate, ContractRoutes.RouteTemplate(httpRulePath));
        RoutePatternFactory.Parse(routeTemplate);
    }

    [Theory]
    [InlineData("/v1/{name=tenants/*/partnerships/*}:activate", "/v1/tenants/t/partnerships/p:activate", true)]
    [InlineData("/v1/{name=tenants/*/partnerships/*}:activate", "/v1/tenants/t/partnerships/p", false)]
    [InlineData("/v1/{name=tenants/*/partnerships/*}:activate", "/v1/tenants/t/partnerships/p:deactivate", false)]
    [InlineData("/v1/{name=tenants/*/partnerships/*}", "/v1/tenants/t/partnerships/p/meetings", false)]
    [InlineData("/v1/{parent=tenants/*}/partnerships", "/v1/tenants/t/partnerships", true)]
    [InlineData("/v1/{parent=tenants/*}/partnerships", "/v1/tenants/t/organizations", false)]
    [InlineData("/v1/{name=tenants/*/files/**}", "/v1/tenants/t/files/a/b/c", true)]
    public void A_route_template_matches_the_paths_its_http_rule_names(string httpRulePath, string path, bool matches)
    {
        var matcher = new TemplateMatcher(TemplateParser.Parse(ContractRoutes.RouteTemplate(httpRulePath)), new RouteValueDictionary());

        Assert.Equal(matches, matcher.TryMatch(path, new RouteValueDictionary()));
    }

    [Theory]
    [InlineData("v1/tenants")]
    [InlineData("/v1/{name=files/**}/meta")]
    [InlineData("/v1//tenants")]
    [InlineData("/v1/{name=tenants/*")]
    public void A_malformed_http_rule_path_is_refused(string httpRulePath)
    {
        Assert.Throws<FormatException>(() => ContractRoutes.RouteTemplate(httpRulePath));
    }

    [Fact]
    public void Every_http_binding_of_the_contracts_has_a_route_of_its_own()
    {
        var routes = ApiCatalog.HttpBindings.Select(b => (b.Verb, Template: ContractRoutes.RouteTemplate(b.Path))).ToList();

        Assert.NotEmpty(routes);
        Assert.Equal(routes.Count, routes.Distinct().Count());
    }

    [Fact]
    public void Every_service_package_has_its_cluster_and_every_route_one_of_them()
    {
        var clusters = ContractRoutes.Clusters().Select(c => c.ClusterId).ToList();

        Assert.Equal(ServiceFolders.All, clusters.Order(StringComparer.Ordinal));
        Assert.All(ContractRoutes.Routes(), route => Assert.Contains(route.ClusterId, clusters));
    }

    [Fact]
    public void The_file_uploads_are_routed_to_the_services_that_declare_them()
    {
        var uploads = ApiCatalog.HttpBindings.Where(b => b.Name.EndsWith(" upload", StringComparison.Ordinal)).ToList();

        Assert.Equal<(string, string, string)>(
            [
                ("engagement", "POST", "/v1/platform/lmi/{s0}:import"),
                ("engagement", "POST", "/v1/tenants/{s0}/lmi/{s1}:import"),
                ("engagement", "POST", "/v1/tenants/{s0}/partnerships/{s1}/cohorts/{s2}:importSkills"),
                ("pathways", "POST", "/v1/tenants/{s0}/partnerships/{s1}/participants:import"),
            ],
            uploads.Select(u => (u.Deployment, u.Verb, ContractRoutes.RouteTemplate(u.Path))).Order());
    }

    [Theory]
    [InlineData("/v1/tenants/ohio/lmi/qcew:import", true)]
    [InlineData("/v1/platform/lmi/qcew:import", true)]
    [InlineData("/v1/tenants/ohio/partnerships/healthcare/participants:import", true)]
    [InlineData("/sectormesh.engagement.v1.Engagement/ImportLaborMarketData", true)]
    [InlineData("/v1/tenants/ohio/partnerships/healthcare/participants", false)]
    [InlineData("/v1/tenants/ohio/partnerships", false)]
    public void Only_the_declared_uploads_and_streamed_methods_get_the_import_size_limit(string path, bool import)
    {
        Assert.Equal(import, RequestSizeLimit.IsImport(path));
    }
}
