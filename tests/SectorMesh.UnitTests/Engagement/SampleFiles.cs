namespace SectorMesh.UnitTests.Engagement;

/// <summary>The small files in the published formats that ship with the sample data.</summary>
internal static class SampleFiles
{
    public static string Path(string name)
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Combine(directory, "SectorMesh.sln")))
        {
            directory = System.IO.Path.GetDirectoryName(directory)!;
        }
        return System.IO.Path.Combine(directory, "apphost", "SectorMesh.SampleData", "Lmi", name);
    }

    public static StreamReader Qcew() => new(Path("qcew-2024-annual-central-ohio.csv"));

    public static StreamReader Onet() => new(Path("onet-skills-healthcare.txt"));
}
