using SectorMesh.Contracts;

namespace SectorMesh.UnitTests;

/// <summary>
/// A folder under services/ is a service: it must be in the solution, the AppHost, the contracts
/// (from which the gateway's routes come), Kubernetes and the test projects. Each test names the
/// folders that are missing from one of them.
/// </summary>
public class ServiceWiringTests
{
    private static readonly string Root = Repository();

    public static IReadOnlyList<string> ServiceFolders { get; } = Directory.GetDirectories(Path.Combine(Root, "services"))
        .Select(Path.GetFileName).OfType<string>()
        .Where(name => name != "shared")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static string ProjectOf(string service) =>
        Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(Path.Combine(Root, "services", service), "*.csproj")));

    private static string Text(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));

    [Fact]
    public void The_services_are_the_folders_under_services()
    {
        Assert.Superset(new HashSet<string> { "partnerships", "resources", "engagement" }, ServiceFolders.ToHashSet());
    }

    [Fact]
    public void Every_service_is_in_the_solution()
    {
        var solution = Text("SectorMesh.sln");
        Assert.Empty(Missing(s => !solution.Contains($@"services\{s}\{ProjectOf(s)}.csproj", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_service_is_in_the_AppHost()
    {
        var appHost = Text("apphost", "SectorMesh.AppHost", "AppHost.cs");
        Assert.Empty(Missing(s => !appHost.Contains($"<Projects.{ProjectOf(s).Replace('.', '_')}>(\"{s}\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_service_has_a_contract_from_which_the_gateway_routes_to_it()
    {
        Assert.Empty(ServiceFolders.Except(ApiCatalog.Deployments));
    }

    [Fact]
    public void Every_contract_belongs_to_a_service_folder()
    {
        Assert.Empty(ApiCatalog.Deployments.Except(ServiceFolders));
    }

    [Fact]
    public void Every_service_is_in_the_Kubernetes_base()
    {
        var listed = Text("k8s", "base", "kustomization.yaml").Split('\n').Select(l => l.Trim()).ToHashSet();
        Assert.Empty(Missing(s => !listed.Contains($"- ../../services/{s}/k8s") || !File.Exists(Path.Combine(Root, "services", s, "k8s", "kustomization.yaml"))));
    }

    [Fact]
    public void Every_service_is_built_into_the_unit_tests()
    {
        Assert.Empty(Missing(s => !File.Exists(Path.Combine(AppContext.BaseDirectory, ProjectOf(s) + ".dll"))));
    }

    [Fact]
    public void The_end_to_end_tests_build_every_service_folder()
    {
        Assert.Contains("""Include="../../services/*/SectorMesh.*.csproj" """.Trim(), Text("tests", "SectorMesh.IntegrationTests", "SectorMesh.IntegrationTests.csproj"));
    }

    /// <summary>The service folders for which <paramref name="lacks"/> holds.</summary>
    private static List<string> Missing(Func<string, bool> lacks) => [.. ServiceFolders.Where(lacks)];

    private static string Repository()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "SectorMesh.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("SectorMesh.sln not found");
        }
        return directory;
    }
}
