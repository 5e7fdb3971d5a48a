using SectorMesh.Contracts;

namespace SectorMesh.UnitTests;

/// <summary>
/// A folder under services/ is a service: it must hold its project and entry points, and be in the solution, the AppHost,
/// the contracts (from which the gateway's routes come), Kubernetes (its manifests and the address every other part
/// finds it at) and the test projects. Each case is named by its folder and each failure names the part it lacks.
/// </summary>
public class ServiceWiringTests
{
    private static string ProjectOf(string service) => ServiceFolders.ProjectOf(service);

    private static bool Exists(string service, string path) => File.Exists(Path.Combine(ServiceFolders.Root, "services", service, path));

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_service_folder_holds_its_project_and_entry_points(string service)
    {
        var project = $"SectorMesh.{ServiceFolders.Pascal(service)}";
        var missing = new[] { $"{project}.csproj", "Program.cs", "Extensions.cs", "appsettings.json", "Properties/launchSettings.json", "k8s/kustomization.yaml" }
            .Where(file => !Exists(service, file));

        Assert.True(!missing.Any(), $"services/{service} lacks {string.Join(", ", missing)}.");
        Assert.Equal(project, ProjectOf(service));
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_service_is_in_the_solution(string service)
    {
        Assert.True(ServiceFolders.Text("SectorMesh.sln").Contains($@"services\{service}\{ProjectOf(service)}.csproj", StringComparison.Ordinal),
            $"services/{service} is not in SectorMesh.sln: dotnet sln add services/{service}/{ProjectOf(service)}.csproj");
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_service_is_in_the_AppHost(string service)
    {
        var line = $"services.Add<Projects.{ProjectOf(service).Replace('.', '_')}>(\"{service}\");";

        Assert.True(ServiceFolders.Text("apphost", "SectorMesh.AppHost", "AppHost.cs").Contains(line, StringComparison.Ordinal),
            $"services/{service} is not in apphost/SectorMesh.AppHost/AppHost.cs: {line}");
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_service_has_a_contract_from_which_the_gateway_routes_to_it(string service)
    {
        Assert.True(ApiCatalog.Deployments.Contains(service),
            $"services/{service} has no contract: no .proto declares package sectormesh.{service}.v1 under SectorMesh.Contracts/Protos.");
    }

    [Fact]
    public void Every_contract_belongs_to_a_service_folder()
    {
        Assert.Empty(ApiCatalog.Deployments.Except(ServiceFolders.All));
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_service_is_in_the_Kubernetes_base(string service)
    {
        var listed = ServiceFolders.Text("k8s", "base", "kustomization.yaml").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.True(listed.Contains($"- ../../services/{service}/k8s"), $"services/{service} is not in k8s/base/kustomization.yaml: - ../../services/{service}/k8s");
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_services_address_is_in_the_Kubernetes_configuration(string service)
    {
        var line = $"services__{service}__http__0: http://{service}:8080";

        Assert.True(ServiceFolders.Text("k8s", "base", "config.yaml").Split('\n').Select(l => l.Trim()).Contains(line),
            $"services/{service} has no address in k8s/base/config.yaml: {line}");
    }

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_service_serves_grpc_over_http2_on_a_port_of_its_own(string service)
    {
        var port = Port(ServiceFolders.Text("services", service, "Properties", "launchSettings.json"));
        var kestrel = System.Text.Json.JsonDocument.Parse(ServiceFolders.Text("services", service, "appsettings.json")).RootElement;
        var protocols = kestrel.TryGetProperty("Kestrel", out var k) && k.TryGetProperty("EndpointDefaults", out var d) && d.TryGetProperty("Protocols", out var p)
            ? p.GetString() : null;

        Assert.True(protocols == "Http2", $"services/{service}/appsettings.json does not set Kestrel:EndpointDefaults:Protocols to Http2.");
        Assert.True(port.Length > 0, $"services/{service}/Properties/launchSettings.json names no http://127.0.0.1 port.");
        Assert.DoesNotContain(port, ServiceFolders.All.Where(other => other != service && Exists(other, "Properties/launchSettings.json"))
            .Select(other => Port(ServiceFolders.Text("services", other, "Properties", "launchSettings.json"))));
    }

    private static string Port(string launchSettings) =>
        System.Text.RegularExpressions.Regex.Match(launchSettings, "\"applicationUrl\": \"http://127\\.0\\.0\\.1:(\\d+)\"").Groups[1].Value;

    [Theory]
    [MemberData(nameof(ServiceFolders.Each), MemberType = typeof(ServiceFolders))]
    public void Each_service_is_built_into_the_unit_tests(string service)
    {
        Assert.NotNull(ServiceFolders.AssemblyOf(service));
    }

    [Fact]
    public void The_end_to_end_tests_build_every_service_folder()
    {
        Assert.Contains("""Include="../../services/*/SectorMesh.*.csproj" """.Trim(), ServiceFolders.Text("tests", "SectorMesh.IntegrationTests", "SectorMesh.IntegrationTests.csproj"));
    }
}
