using Grpc.Core;
using SectorMesh.Domain;

namespace SectorMesh.Pathways.Api;

/// <summary>What every Career Pathways handler needs of a call.</summary>
internal static class Calls
{
    /// <summary>The caller's own token, passed on to the Partnerships and Industry Engagement services so they answer what this caller may see.</summary>
    public static string Authorization(ServerCallContext context) => context.GetHttpContext().Request.Headers.Authorization.ToString();

    /// <summary>The id the caller asked for, or a new one.</summary>
    public static string Id(string requested) => string.IsNullOrEmpty(requested) ? ResourceId.New() : requested;
}
