namespace SectorMesh.ManifestTests;

/// <summary>Every overlay, rendered offline, follows every deployment rule.</summary>
public class OverlayTests
{
    public static TheoryData<string> Overlays => new() { "overlays/local", "overlays/production" };

    private static readonly Dictionary<string, RenderedManifests> Rendered = [];

    private static RenderedManifests Render(string overlay)
    {
        lock (Rendered)
        {
            return Rendered.TryGetValue(overlay, out var m) ? m : Rendered[overlay] = RenderedManifests.Render(overlay);
        }
    }

    private static void Holds(Func<RenderedManifests, IEnumerable<string>> rule, string overlay) =>
        Assert.Empty(rule(Render(overlay)));

    [Theory, MemberData(nameof(Overlays))]
    public void The_overlay_renders_to_typed_objects_with_every_workload(string overlay)
    {
        var names = Render(overlay).OfKind<k8s.Models.V1Deployment>().Select(d => d.Metadata.Name).Order(StringComparer.Ordinal);
        var services = Directory.GetDirectories(Path.Combine(RenderedManifests.RepositoryRoot(), "services"))
            .Select(Path.GetFileName).OfType<string>().Where(name => name != "shared");

        Assert.Equal(services.Concat(["gateway", "otel-collector", "web"]).Order(StringComparer.Ordinal), names);
    }

    [Theory, MemberData(nameof(Overlays))]
    public void No_overlay_runs_in_Development_where_the_gateway_would_mint_tokens_for_anyone(string overlay)
    {
        var config = Render(overlay).OfKind<k8s.Models.V1ConfigMap>().Single(c => c.Metadata.Name == "sectormesh-config");

        Assert.NotEqual("Development", config.Data["ASPNETCORE_ENVIRONMENT"]);
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Deployment_selectors_match_their_pod_labels(string overlay) => Holds(ManifestRules.SelectorsMatchPodLabels, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Service_ports_target_ports_the_pods_expose(string overlay) => Holds(ManifestRules.ServicesTargetExposedPorts, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Startup_liveness_and_readiness_probes_ask_for_served_endpoints(string overlay) => Holds(ManifestRules.ProbesUseServedEndpoints, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Every_deployment_has_an_autoscaler(string overlay) => Holds(ManifestRules.EveryDeploymentAutoscales, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Every_deployment_has_a_disruption_budget(string overlay) => Holds(ManifestRules.EveryDeploymentHasADisruptionBudget, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Every_deployment_has_a_network_policy(string overlay) => Holds(ManifestRules.EveryDeploymentHasANetworkPolicy, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Network_policies_select_services_migrations_and_the_gateway_by_role_not_by_name(string overlay) =>
        Holds(ManifestRules.NetworkPoliciesSelectServicesByRole, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Every_placeholder_of_the_service_template_is_replaced(string overlay) => Holds(ManifestRules.NoTemplatePlaceholderIsLeft, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void All_traffic_is_denied_unless_a_policy_allows_it(string overlay) => Holds(ManifestRules.TrafficIsDeniedByDefault, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void No_container_runs_as_root_escalates_or_writes_its_root_filesystem(string overlay) => Holds(ManifestRules.NoContainerRunsAsRoot, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Every_container_has_cpu_and_memory_requests_and_limits(string overlay) => Holds(ManifestRules.EveryContainerHasRequestsAndLimits, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Every_image_has_a_pinned_tag(string overlay) => Holds(ManifestRules.ImagesArePinned, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void No_secret_value_is_written_in_the_manifests(string overlay) => Holds(ManifestRules.NoSecretIsWrittenDown, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Services_wait_for_the_migration_job(string overlay) => Holds(ManifestRules.ServicesWaitForTheirMigrationJob, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Every_pod_sends_telemetry_to_the_collector(string overlay) => Holds(ManifestRules.EveryPodSendsTelemetryToTheCollector, overlay);

    [Theory, MemberData(nameof(Overlays))]
    public void Our_images_carry_the_release_the_projects_build(string overlay)
    {
        var props = File.ReadAllText(Path.Combine(RenderedManifests.RepositoryRoot(), "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        var ours = Render(overlay).PodTemplates().SelectMany(p => p.Template.Spec.Containers).Select(c => c.Image).Where(i => i.Contains("sectormesh/")).ToList();

        Assert.NotEmpty(ours);
        Assert.All(ours, image => Assert.EndsWith(":" + version, image));
    }

    [Fact]
    public void Production_takes_tokens_from_an_openid_connect_authority()
    {
        var config = Render("overlays/production").OfKind<k8s.Models.V1ConfigMap>().Single(c => c.Metadata.Name == "sectormesh-config");

        Assert.StartsWith("https://", config.Data["Auth__Authority"]);
    }
}
