using SectorMesh.Domain;

namespace SectorMesh.Metrics.Domain;

/// <summary>How one tenant's figures are shown: the smallest denominator a breakdown cell is shown with.</summary>
public sealed class MetricsSettings
{
    private MetricsSettings() { }

    public const int LowestThreshold = 3;
    public const int HighestThreshold = 100;

    public string TenantId { get; private set; } = "";
    public int SuppressionThreshold { get; private set; } = Breakdowns.DefaultThreshold;

    /// <summary>The settings of a tenant that never set them.</summary>
    public static MetricsSettings Default(string tenantId) => new() { TenantId = tenantId };

    /// <summary>Below three, a cell, or the difference of two, can single out a person.</summary>
    public void SuppressCellsUnder(int threshold)
    {
        new Violations().Require(threshold is >= LowestThreshold and <= HighestThreshold, "settings.suppression_threshold",
            $"must be between {LowestThreshold} and {HighestThreshold} periods.").ThrowIfAny();
        SuppressionThreshold = threshold;
    }
}
