using System.ComponentModel;
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

    /// <summary>What to install when kubectl is missing or too old to render the overlays.</summary>
    internal const string KubectlRequirement =
        "The manifest tests render the overlays with `kubectl kustomize`, which needs kubectl 1.27 or later (Kustomize 5). "
        + "Install the kubectl binary from the Kubernetes release site (https://kubernetes.io/docs/tasks/tools/) on the PATH; "
        + "Debian 12's kubernetes-client package is kubectl 1.20, too old for these overlays.";

    private static string Kustomize(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var kubectl = StartKubectl(start);
        var output = kubectl.StandardOutput.ReadToEndAsync();
        var error = kubectl.StandardError.ReadToEnd();
        kubectl.WaitForExit();
        return kubectl.ExitCode == 0 ? output.Result
            : throw new InvalidOperationException($"kubectl kustomize {directory} failed: {error}\nIf `kubectl version --client` is older than 1.27: {KubectlRequirement}");
    }

    /// <summary>Starts kubectl, or says what to install when it is not on the PATH.</summary>
    internal static Process StartKubectl(ProcessStartInfo kubectl)
    {
        try
        {
            return Process.Start(kubectl) ?? throw new InvalidOperationException($"{kubectl.FileName} could not be started. {KubectlRequirement}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{kubectl.FileName} was not found or could not be run ({e.Message}). {KubectlRequirement}", e);
        }
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
