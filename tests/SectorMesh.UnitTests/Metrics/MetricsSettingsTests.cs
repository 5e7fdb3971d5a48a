using SectorMesh.Domain;
using SectorMesh.Metrics.Domain;

namespace SectorMesh.UnitTests.Metrics;

public class MetricsSettingsTests
{
    [Fact]
    public void A_tenant_that_never_set_a_threshold_suppresses_cells_under_ten()
    {
        Assert.Equal(10, MetricsSettings.Default("ohio").SuppressionThreshold);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(101)]
    public void A_threshold_outside_three_to_a_hundred_is_refused(int threshold)
    {
        var refused = Assert.Throws<InvalidInput>(() => MetricsSettings.Default("ohio").SuppressCellsUnder(threshold));

        Assert.Equal("settings.suppression_threshold", refused.Violations.Single().Field);
    }
}
