namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>The sample's published files (apphost/SectorMesh.SampleData/Lmi), as the tests upload them.</summary>
public static class SampleFiles
{
    public static string Path(string name) => System.IO.Path.Combine(ServiceProcess.RepositoryRoot(), "apphost", "SectorMesh.SampleData", "Lmi", name);

    /// <summary>The header row of the sample QCEW file, and rows of it for county 39049 in <paramref name="year"/>, industries from 200000 up.</summary>
    public static string QcewHeader => File.ReadLines(Path("qcew-2024-annual-central-ohio.csv")).First();

    public static IEnumerable<string> QcewRows(int count, int year) => Enumerable.Range(0, count).Select(i =>
        $"\"39049\",\"5\",\"{200000 + i}\",\"78\",\"0\",\"{year}\",\"A\",\"\",1,10,500000,0,0,0,50000,\"\",0,0,0,0,0,0,0,\"\",0,0,0,1.0,0,0,0,0,0,0,0,0,0,0");
}
