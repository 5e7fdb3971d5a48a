using System.Diagnostics;
using k8s;
using k8s.Models;

namespace SectorMesh.ManifestTests;

/// <summary>
/// The objects an overlay renders to, each loaded into the typed Kubernetes model in strict
/// mode, so an unknown field or a wrong type fails before any rule is checked.
/// </summary>
public sealed class RenderedManifests
{
    private RenderedManifests(IReadOnlyList<object> objects) => Objects = objects;

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> OfKind<T>() => Objects.OfType<T>();

    public static RenderedManifests Load(string yaml) => new(KubernetesYaml.LoadAllFromString(yaml, strict: true));

    public static RenderedManifests Render(string overlay) => Load(Kustomize(Path.Combine(RepositoryRoot(), "k8s", overlay)));

    /// <summary>Pod templates of every workload kind, with the workload's kind and name.</summary>
    public IEnumerable<(string Workload, V1PodTemplateSpec Template)> PodTemplates() =>
        OfKind<V1Deployment>().Select(d => ($"Deployment/{d.Name()}", d.Spec.Template))
            .Concat(OfKind<V1StatefulSet>().Select(s => ($"StatefulSet/{s.Name()}", s.Spec.Template)))
            .Concat(OfKind<V1Job>().Select(j => ($"Job/{j.Name()}", j.Spec.Template)));

    private static string Kustomize(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var kubectl = Process.Start(start) ?? throw new InvalidOperationException("kubectl could not be started; install it with eng/servers.sh install.");
        var output = kubectl.StandardOutput.ReadToEndAsync();
        var error = kubectl.StandardError.ReadToEnd();
        kubectl.WaitForExit();
        return kubectl.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"kubectl kustomize {directory} failed: {error}");
    }

    public static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "SectorMesh.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("SectorMesh.sln not found");
        }
        return directory;
    }
}
