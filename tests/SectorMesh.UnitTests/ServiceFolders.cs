using System.Reflection;

namespace SectorMesh.UnitTests;

/// <summary>
/// The services, read from the folders under services/: every guard rail iterates these, so a folder added there is checked
/// by every rule without a line of the tests changing, and a rule it breaks fails a test that names the folder.
/// </summary>
public static class ServiceFolders
{
    public static string Root { get; } = Repository();

    public static IReadOnlyList<string> All { get; } = Directory.GetDirectories(Path.Combine(Root, "services"))
        .Select(Path.GetFileName).OfType<string>()
        .Where(name => name != "shared")
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The folders as theory data: each test case is named by its folder.</summary>
    public static TheoryData<string> Each() => [.. All];

    /// <summary>SectorMesh.Pathways for pathways: the project, assembly and root namespace of the service.</summary>
    public static string ProjectOf(string service) =>
        Directory.GetFiles(Path.Combine(Root, "services", service), "*.csproj") is [var project]
            ? Path.GetFileNameWithoutExtension(project)
            : throw new Xunit.Sdk.XunitException($"services/{service} must hold exactly one .csproj, SectorMesh.{Pascal(service)}.csproj.");

    /// <summary>The service's assembly as the unit tests build it.</summary>
    public static Assembly AssemblyOf(string service)
    {
        var path = Path.Combine(AppContext.BaseDirectory, ProjectOf(service) + ".dll");
        return File.Exists(path)
            ? Assembly.Load(ProjectOf(service))
            : throw new Xunit.Sdk.XunitException($"services/{service} is not built into the unit tests: {Path.GetFileName(path)} is missing.");
    }

    public static string Pascal(string service) => service.Length == 0 ? service : char.ToUpperInvariant(service[0]) + service[1..];

    public static string Text(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));

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
