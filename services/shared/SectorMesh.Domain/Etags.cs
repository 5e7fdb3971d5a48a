using System.Globalization;

namespace SectorMesh.Domain;

/// <summary>Etags (AIP-154) from a resource's stored version: the one place that says how they are written and compared.</summary>
public static class Etags
{
    public static string Of(uint version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Refuses a change made against an older version. No etag means the caller asks for no check.</summary>
    public static void Ensure(string? given, uint version, string resourceName)
    {
        if (!string.IsNullOrEmpty(given) && given != Of(version))
        {
            throw new StaleEtag(resourceName);
        }
    }
}
