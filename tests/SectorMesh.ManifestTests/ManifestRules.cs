using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace SectorMesh.ManifestTests;

/// <summary>
/// The rules every SectorMesh deployment follows. Each returns the problems it finds, one
/// sentence each, so a test shows all of them and a new service that forgets one is named.
/// </summary>
public static partial class ManifestRules
{
    /// <summary>Paths our own programs serve for HTTP probes, and the gRPC health services they answer.</summary>
    private static readonly string[] ServedHealthPaths = ["/health/live", "/health/ready"];
    private static readonly string[] ServedGrpcHealthServices = ["", "live"];

    /// <summary>The collector's health_check extension answers on its own port at "/".</summary>
    private const string CollectorImage = "otel/opentelemetry-collector-contrib";

    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);

    private static IEnumerable<V1Container> AllContainers(V1PodSpec pod) => pod.Containers.Concat(pod.InitContainers ?? []);

    public static IEnumerable<string> SelectorsMatchPodLabels(RenderedManifests m) =>
        m.OfKind<V1Deployment>()
            .Where(d => !Selects(d.Spec.Selector.MatchLabels, d.Spec.Template.Metadata?.Labels))
            .Select(d => $"Deployment/{d.Name()}: its selector does not match its pod labels.");

    public static IEnumerable<string> ServicesTargetExposedPorts(RenderedManifests m)
    {
        foreach (var service in m.OfKind<V1Service>())
        {
            var pods = m.PodTemplates().Where(p => Selects(service.Spec.Selector, p.Template.Metadata?.Labels)).ToList();
            if (pods.Count == 0)
            {
                yield return $"Service/{service.Name()}: selects no pods.";
                continue;
            }
            var ports = pods.SelectMany(p => p.Template.Spec.Containers).SelectMany(c => c.Ports ?? []).ToList();
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString();
                if (!ports.Any(p => p.Name == target || p.ContainerPort.ToString() == target))
                {
                    yield return $"Service/{service.Name()}: port {port.Name} targets {target}, which its pods do not expose.";
                }
            }
        }
    }

    public static IEnumerable<string> ProbesUseServedEndpoints(RenderedManifests m)
    {
        foreach (var deployment in m.OfKind<V1Deployment>())
        {
            foreach (var container in deployment.Spec.Template.Spec.Containers)
            {
                var where = $"Deployment/{deployment.Name()} container {container.Name}";
                var probes = new[] { ("startup", container.StartupProbe), ("liveness", container.LivenessProbe), ("readiness", container.ReadinessProbe) };
                foreach (var (kind, probe) in probes)
                {
                    if (probe is null)
                    {
                        yield return $"{where}: has no {kind} probe.";
                        continue;
                    }
                    if (ProbeProblem(container, probe) is { } problem)
                    {
                        yield return $"{where}: {kind} probe {problem}.";
                    }
                }
            }
        }
    }

    private static string? ProbeProblem(V1Container container, V1Probe probe)
    {
        var ports = container.Ports ?? [];
        bool Exposed(string port) => ports.Any(p => p.Name == port || p.ContainerPort.ToString() == port);
        var collector = container.Image.StartsWith(CollectorImage, StringComparison.Ordinal);
        if (probe.HttpGet is { } http)
        {
            var servedPaths = collector ? ["/"] : ServedHealthPaths;
            return !Exposed(http.Port.Value) ? $"uses port {http.Port.Value}, which the container does not expose"
                : !servedPaths.Contains(http.Path) ? $"asks for {http.Path}, which the program does not serve"
                : null;
        }
        if (probe.Grpc is { } grpc)
        {
            return !Exposed(grpc.Port.ToString()) ? $"uses port {grpc.Port}, which the container does not expose"
                : !ServedGrpcHealthServices.Contains(grpc.Service ?? "") ? $"asks for gRPC health service '{grpc.Service}', which is not served"
                : null;
        }
        return "is neither an HTTP nor a gRPC health check";
    }

    public static IEnumerable<string> EveryDeploymentAutoscales(RenderedManifests m) =>
        m.OfKind<V1Deployment>()
            .Where(d => !m.OfKind<V2HorizontalPodAutoscaler>().Any(h => h.Spec.ScaleTargetRef.Kind == "Deployment" && h.Spec.ScaleTargetRef.Name == d.Name()
                && h.Spec.MinReplicas >= 1 && h.Spec.MaxReplicas >= h.Spec.MinReplicas))
            .Select(d => $"Deployment/{d.Name()}: no autoscaling/v2 HorizontalPodAutoscaler scales it.");

    public static IEnumerable<string> EveryDeploymentHasADisruptionBudget(RenderedManifests m) =>
        m.OfKind<V1Deployment>()
            .Where(d => !m.OfKind<V1PodDisruptionBudget>().Any(b => Selects(b.Spec.Selector.MatchLabels, d.Spec.Template.Metadata.Labels)))
            .Select(d => $"Deployment/{d.Name()}: no PodDisruptionBudget covers its pods.");

    public static IEnumerable<string> EveryDeploymentHasANetworkPolicy(RenderedManifests m) =>
        m.OfKind<V1Deployment>()
            .Where(d => !m.OfKind<V1NetworkPolicy>().Any(p => Selects(p.Spec.PodSelector.MatchLabels, d.Spec.Template.Metadata.Labels)))
            .Select(d => $"Deployment/{d.Name()}: no NetworkPolicy selects its pods to allow their traffic.");

    /// <summary>Roles of our own workloads: policies select their pods by role, not by name, so a new service needs no policy.</summary>
    private static readonly string[] PolicyRoles = ["service", "migration", "gateway", "web"];

    private const string NameLabel = "app.kubernetes.io/name";
    private const string RoleLabel = "app.kubernetes.io/component";

    public static IEnumerable<string> NetworkPoliciesSelectServicesByRole(RenderedManifests m)
    {
        var roleNames = m.PodTemplates().Select(p => p.Template.Metadata?.Labels ?? new Dictionary<string, string>())
            .Where(l => l.TryGetValue(RoleLabel, out var role) && PolicyRoles.Contains(role) && l.ContainsKey(NameLabel))
            .Select(l => l[NameLabel]).ToHashSet();
        foreach (var policy in m.OfKind<V1NetworkPolicy>())
        {
            var selectors = new[] { policy.Spec.PodSelector }
                .Concat((policy.Spec.Ingress ?? []).SelectMany(r => r.FromProperty ?? []).Select(p => p.PodSelector))
                .Concat((policy.Spec.Egress ?? []).SelectMany(r => r.To ?? []).Select(p => p.PodSelector))
                .OfType<V1LabelSelector>();
            var named = selectors.SelectMany(s =>
                    (s.MatchLabels?.Where(l => l.Key == NameLabel).Select(l => l.Value) ?? [])
                    .Concat(s.MatchExpressions?.Where(e => e.Key == NameLabel).SelectMany(e => e.Values ?? []) ?? []))
                .Where(roleNames.Contains).Distinct();
            foreach (var name in named)
            {
                yield return $"NetworkPolicy/{policy.Name()}: selects {name} by its name; select pods of the roles {string.Join(", ", PolicyRoles)} by {RoleLabel}.";
            }
        }
    }

    /// <summary>The template of a gRPC service (k8s/templates/grpc-service) writes SERVICE and DATABASE where the service's values go.</summary>
    public static IEnumerable<string> NoTemplatePlaceholderIsLeft(RenderedManifests m) =>
        from o in m.Objects.OfType<IKubernetesObject<V1ObjectMeta>>()
        let yaml = KubernetesYaml.Serialize(o)
        from placeholder in TemplatePlaceholder().Matches(yaml)
        select $"{o.Kind}/{o.Name()}: {placeholder.Value} of the service template was not replaced.";

    [GeneratedRegex(@"\bSERVICE\b|__DATABASE\b")]
    private static partial Regex TemplatePlaceholder();

    public static IEnumerable<string> TrafficIsDeniedByDefault(RenderedManifests m)
    {
        var denyAll = m.OfKind<V1NetworkPolicy>().Any(p =>
            (p.Spec.PodSelector.MatchLabels is null or { Count: 0 }) && p.Spec.PodSelector.MatchExpressions is null or { Count: 0 }
            && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.PolicyTypes.Contains("Egress")
            && p.Spec.Ingress is null or { Count: 0 } && p.Spec.Egress is null or { Count: 0 });
        return denyAll ? [] : ["No NetworkPolicy denies all ingress and egress by default."];
    }

    public static IEnumerable<string> NoContainerRunsAsRoot(RenderedManifests m)
    {
        foreach (var (workload, template) in m.PodTemplates())
        {
            var pod = template.Spec.SecurityContext;
            foreach (var container in AllContainers(template.Spec))
            {
                var where = $"{workload} container {container.Name}";
                var security = container.SecurityContext;
                if ((security?.RunAsNonRoot ?? pod?.RunAsNonRoot) != true)
                {
                    yield return $"{where}: runAsNonRoot is not set.";
                }
                if ((security?.RunAsUser ?? pod?.RunAsUser) is null or 0)
                {
                    yield return $"{where}: runs as user 0 or an unnamed user.";
                }
                if (security?.AllowPrivilegeEscalation != false)
                {
                    yield return $"{where}: may escalate privileges.";
                }
                if (security?.Capabilities?.Drop?.Contains("ALL") != true)
                {
                    yield return $"{where}: does not drop all capabilities.";
                }
                if (security?.ReadOnlyRootFilesystem != true)
                {
                    yield return $"{where}: its root filesystem is writable.";
                }
            }
        }
    }

    public static IEnumerable<string> EveryContainerHasRequestsAndLimits(RenderedManifests m) =>
        from p in m.PodTemplates()
        from c in AllContainers(p.Template.Spec)
        from resource in new[] { "cpu", "memory" }
        where c.Resources?.Requests?.ContainsKey(resource) != true || c.Resources?.Limits?.ContainsKey(resource) != true
        select $"{p.Workload} container {c.Name}: no {resource} request and limit.";

    public static IEnumerable<string> ImagesArePinned(RenderedManifests m) =>
        from p in m.PodTemplates()
        from c in AllContainers(p.Template.Spec)
        where !PinnedImage().IsMatch(c.Image ?? "")
        select $"{p.Workload} container {c.Name}: image '{c.Image}' has no pinned tag.";

    [GeneratedRegex(@"^[^@\s]+:(?!latest$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$|@sha256:[0-9a-f]{64}$")]
    private static partial Regex PinnedImage();

    public static IEnumerable<string> NoSecretIsWrittenDown(RenderedManifests m)
    {
        foreach (var secret in m.OfKind<V1Secret>())
        {
            yield return $"Secret/{secret.Name()}: secrets are created outside the repository, not committed.";
        }
        foreach (var (workload, template) in m.PodTemplates())
        {
            foreach (var env in AllContainers(template.Spec).SelectMany(c => c.Env ?? []))
            {
                if (env.Value is { Length: > 0 } && (SecretName().IsMatch(env.Name) || SecretValue().IsMatch(env.Value)))
                {
                    yield return $"{workload}: {env.Name} is written as a literal; take it from a Secret.";
                }
            }
        }
        foreach (var config in m.OfKind<V1ConfigMap>())
        {
            foreach (var (key, value) in config.Data ?? new Dictionary<string, string>())
            {
                if (SecretName().IsMatch(key) || SecretValue().IsMatch(value))
                {
                    yield return $"ConfigMap/{config.Name()}: {key} looks like a secret.";
                }
            }
        }
    }

    [GeneratedRegex("(?i)(password|secret|signingkey|signing-key|token|connectionstrings|apikey)")]
    private static partial Regex SecretName();

    [GeneratedRegex("(?i)(password=|pwd=|amqps?://[^/\\s]+:[^@\\s]+@|-----BEGIN)")]
    private static partial Regex SecretValue();

    public static IEnumerable<string> ServicesWaitForTheirMigrationJob(RenderedManifests m)
    {
        var migrationImages = m.OfKind<V1Job>()
            .SelectMany(j => j.Spec.Template.Spec.Containers).Where(c => c.Args?.Contains("migrate") == true).Select(c => c.Image).ToHashSet();
        foreach (var deployment in m.OfKind<V1Deployment>())
        {
            var pod = deployment.Spec.Template.Spec;
            var usesDatabase = pod.Containers.SelectMany(c => c.Env ?? []).Any(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Name.EndsWith("db", StringComparison.Ordinal));
            if (!usesDatabase)
            {
                continue;
            }
            var image = pod.Containers[0].Image;
            if (!migrationImages.Contains(image))
            {
                yield return $"Deployment/{deployment.Name()}: no Job runs the migrations of {image}.";
            }
            if (pod.InitContainers?.Any(c => c.Image == image && c.Args?.Contains("wait-for-migrations") == true) != true)
            {
                yield return $"Deployment/{deployment.Name()}: does not wait for its migrations before starting.";
            }
        }
    }

    public static IEnumerable<string> EveryPodSendsTelemetryToTheCollector(RenderedManifests m)
    {
        var configured = m.OfKind<V1ConfigMap>()
            .Where(c => c.Data?.TryGetValue("OTEL_EXPORTER_OTLP_ENDPOINT", out var endpoint) == true && endpoint.Contains("otel-collector"))
            .Select(c => c.Name()).ToHashSet();
        return from p in m.PodTemplates()
               let labels = p.Template.Metadata.Labels ?? new Dictionary<string, string>()
               where !p.Template.Spec.Containers[0].Image.StartsWith(CollectorImage, StringComparison.Ordinal)
                     && labels.TryGetValue("app.kubernetes.io/part-of", out var partOf) && partOf == "sectormesh"
               where p.Template.Spec.Containers.Any(c => c.EnvFrom?.Any(e => configured.Contains(e.ConfigMapRef?.Name ?? "")) != true)
               select $"{p.Workload}: does not send OTLP to the collector.";
    }
}
