using System.Text.RegularExpressions;

namespace SectorMesh.Domain;

/// <summary>The final segment of a resource name (AIP-122): lowercase letters, digits and hyphens.</summary>
public static partial class ResourceId
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string New() => Guid.NewGuid().ToString("N")[..12];

    public const string Rule = "must be 1 to 63 lowercase letters, digits or hyphens, starting with a letter or digit.";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex Pattern();
}
