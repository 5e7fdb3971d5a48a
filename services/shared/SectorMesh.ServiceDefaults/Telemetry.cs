namespace SectorMesh.ServiceDefaults;

/// <summary>The names of the sources and meters every process exports, ours and our libraries'.</summary>
public static class Telemetry
{
    public const string SectorMeshSource = "SectorMesh";

    public static readonly string[] ActivitySourceNames = [SectorMeshSource, "MassTransit"];

    public static readonly string[] MeterNames = [SectorMeshSource, "MassTransit", "Npgsql"];
}
