using k8s.Models;

namespace SectorMesh.ManifestTests;

/// <summary>The rules catch what they are for: a service added without the rest is named.</summary>
public class RuleTests
{
    private const string BareService = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: resources
        spec:
          selector:
            matchLabels: { app.kubernetes.io/name: resources }
          template:
            metadata:
              labels: { app.kubernetes.io/name: other }
            spec:
              containers:
                - name: resources
                  image: sectormesh/resources:latest
                  env:
                    - { name: Auth__SigningKey, value: not-a-real-key-but-literal }
                    - { name: ConnectionStrings__resourcesdb, value: "Host=db;Password=hunter2" }
                  readinessProbe:
                    httpGet: { path: /healthz, port: 9090 }
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: resources
        spec:
          selector: { app.kubernetes.io/name: other }
          ports:
            - { name: grpc, port: 8080, targetPort: grpc }
        """;

    private static readonly RenderedManifests Bare = RenderedManifests.Load(BareService);

    [Fact]
    public void A_service_without_autoscaler_budget_and_network_policy_is_named_by_each_rule()
    {
        Assert.Single(ManifestRules.EveryDeploymentAutoscales(Bare));
        Assert.Single(ManifestRules.EveryDeploymentHasADisruptionBudget(Bare));
        Assert.Single(ManifestRules.EveryDeploymentHasANetworkPolicy(Bare));
        Assert.Single(ManifestRules.TrafficIsDeniedByDefault(Bare));
    }

    [Fact]
    public void A_selector_that_misses_its_pods_is_reported()
    {
        Assert.Single(ManifestRules.SelectorsMatchPodLabels(Bare));
    }

    [Fact]
    public void A_service_port_the_pods_do_not_expose_is_reported()
    {
        Assert.NotEmpty(ManifestRules.ServicesTargetExposedPorts(Bare));
    }

    [Fact]
    public void Missing_probes_and_probes_of_unserved_paths_are_reported()
    {
        var problems = ManifestRules.ProbesUseServedEndpoints(Bare).ToList();

        Assert.Contains(problems, p => p.Contains("no startup probe"));
        Assert.Contains(problems, p => p.Contains("no liveness probe"));
        Assert.Contains(problems, p => p.Contains("9090"));
    }

    [Fact]
    public void A_container_with_no_security_context_is_reported_for_each_protection()
    {
        Assert.Equal(5, ManifestRules.NoContainerRunsAsRoot(Bare).Count());
    }

    [Fact]
    public void A_latest_tag_and_missing_resources_are_reported()
    {
        Assert.Single(ManifestRules.ImagesArePinned(Bare));
        Assert.Equal(2, ManifestRules.EveryContainerHasRequestsAndLimits(Bare).Count());
    }

    [Fact]
    public void Literal_keys_and_passwords_are_reported()
    {
        Assert.Equal(2, ManifestRules.NoSecretIsWrittenDown(Bare).Count());
    }

    [Fact]
    public void A_database_service_without_its_migration_job_is_reported()
    {
        Assert.Equal(2, ManifestRules.ServicesWaitForTheirMigrationJob(Bare).Count());
    }

    [Fact]
    public void A_network_policy_that_names_services_is_reported()
    {
        const string yaml = """
            apiVersion: batch/v1
            kind: Job
            metadata: { name: resources-migrations }
            spec:
              template:
                metadata:
                  labels: { app.kubernetes.io/name: resources-migrations, app.kubernetes.io/component: migration }
                spec:
                  restartPolicy: Never
                  containers:
                    - { name: migrate, image: "sectormesh/resources:0.1.0" }
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: postgres }
            spec:
              podSelector:
                matchLabels: { app.kubernetes.io/name: postgres }
              ingress:
                - from:
                    - podSelector:
                        matchExpressions:
                          - { key: app.kubernetes.io/name, operator: In, values: [resources-migrations] }
                    - podSelector: { matchLabels: { app.kubernetes.io/component: service } }
            """;

        var problem = Assert.Single(ManifestRules.NetworkPoliciesSelectServicesByRole(RenderedManifests.Load(yaml)));
        Assert.Contains("resources-migrations", problem);
    }

    [Fact]
    public void A_placeholder_left_from_the_service_template_is_reported()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata: { name: SERVICE }
            spec:
              selector: { app.kubernetes.io/name: SERVICE }
              ports:
                - { name: grpc, port: 8080, targetPort: grpc }
            """;

        Assert.Equal(2, ManifestRules.NoTemplatePlaceholderIsLeft(RenderedManifests.Load(yaml)).Count());
        Assert.Empty(ManifestRules.NoTemplatePlaceholderIsLeft(Bare));
    }

    [Fact]
    public void A_missing_kubectl_is_reported_with_what_to_install()
    {
        var missing = new System.Diagnostics.ProcessStartInfo("kubectl-that-is-not-installed", ["kustomize", "."]);

        var error = Assert.Throws<InvalidOperationException>(() => RenderedManifests.StartKubectl(missing));

        Assert.Contains("kubectl 1.27 or later", error.Message);
        Assert.Contains("kubernetes-client", error.Message);
    }

    [Fact]
    public void An_unknown_field_fails_to_load()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata: { name: typo }
            spec:
              selectr: { app: x }
            """;

        Assert.ThrowsAny<Exception>(() => RenderedManifests.Load(yaml));
    }

    [Theory]
    [InlineData("sectormesh/partnerships:0.1.0", true)]
    [InlineData("registry.example.gov:5000/sectormesh/gateway:0.1.0", true)]
    [InlineData("otel/opentelemetry-collector-contrib@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("sectormesh/partnerships", false)]
    [InlineData("sectormesh/partnerships:latest", false)]
    [InlineData("registry.example.gov:5000/sectormesh/gateway", false)]
    public void Only_tagged_or_digested_images_count_as_pinned(string image, bool pinned)
    {
        var yaml = $$"""
            apiVersion: batch/v1
            kind: Job
            metadata: { name: j }
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - { name: c, image: "{{image}}" }
            """;

        Assert.Equal(pinned, !ManifestRules.ImagesArePinned(RenderedManifests.Load(yaml)).Any());
    }

    [Fact]
    public void The_typed_model_is_what_the_rules_read()
    {
        Assert.IsType<V1Deployment>(Bare.Objects[0]);
    }
}
