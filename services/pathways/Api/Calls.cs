using SectorMesh.Domain;

namespace SectorMesh.Pathways.Api;

/// <summary>What every Career Pathways handler needs of a call.</summary>
internal static class Calls
{
    /// <summary>The id the caller asked for, or a new one.</summary>
    public static string Id(string requested) => string.IsNullOrEmpty(requested) ? ResourceId.New() : requested;
}
