using Xunit.Abstractions;

namespace SectorMesh.FaultTests;

/// <summary>
/// Steady writes through the gateway while one part of SectorMesh fails. Every scenario must end with
/// nothing applied twice, nothing in an error queue, every accepted write's event consumed by Engagement
/// within 90 s, and no HTTP 500 (503 and 429 while something is down are allowed; the client retries them).
/// </summary>
public sealed class FaultTests(FaultPlatform fixture, ITestOutputHelper output) : IClassFixture<FaultPlatform>
{
    private readonly FaultScenario _scenario = new(fixture, output);

    private static void AssertMustsHold(ScenarioReport report) =>
        Assert.True(report.Broken.Count == 0, $"{report.Scenario}: {string.Join("; ", report.Broken)}{Environment.NewLine}{ScenarioReport.Table([report])}{string.Join(Environment.NewLine, report.ErrorDetails)}");

    [Fact]
    public async Task Writes_and_their_events_survive_RabbitMQ_stopped_for_30_s() =>
        AssertMustsHold(await _scenario.RunAsync("(a) RabbitMQ stopped 30 s", "rabbit",
            () => fixture.Servers.RabbitMqAppAsync("stop_app"), TimeSpan.FromSeconds(30), () => fixture.Servers.RabbitMqAppAsync("start_app")));

    [Fact]
    public async Task Writes_and_their_events_survive_a_restart_of_Engagements_PostgreSQL() =>
        AssertMustsHold(await _scenario.RunAsync("(b) Engagement PostgreSQL restarted", "pgrestart",
            fixture.Servers.StopEngagementPostgresAsync, TimeSpan.Zero, fixture.Servers.StartEngagementPostgresAsync));

    [Fact]
    public async Task Writes_and_their_events_survive_Engagements_PostgreSQL_stopped_for_30_s() =>
        AssertMustsHold(await _scenario.RunAsync("(c) Engagement PostgreSQL stopped 30 s", "pgstop",
            fixture.Servers.StopEngagementPostgresAsync, TimeSpan.FromSeconds(30), fixture.Servers.StartEngagementPostgresAsync));

    [Fact]
    public async Task Writes_and_their_events_survive_Redis_frozen_for_20_s() =>
        AssertMustsHold(await _scenario.RunAsync("(d) Redis frozen (SIGSTOP) 20 s", "redis",
            () => fixture.Servers.SignalRedisAsync("STOP"), TimeSpan.FromSeconds(20), () => fixture.Servers.SignalRedisAsync("CONT")));

    [Fact]
    public async Task Writes_and_their_events_survive_Engagement_and_Partnerships_killed_mid_load() =>
        AssertMustsHold(await _scenario.RunAsync("(e) Engagement and Partnerships killed (SIGKILL), restarted after 5 s", "kill",
            async () =>
            {
                await fixture.Platform.KillAsync(fixture.Platform.EngagementUrl);
                await fixture.Platform.KillAsync(fixture.Platform.ServiceUrl);
            },
            TimeSpan.FromSeconds(5),
            async () =>
            {
                await fixture.Platform.RestartAsync(fixture.Platform.ServiceUrl);
                await fixture.Platform.RestartAsync(fixture.Platform.EngagementUrl);
            }));
}
