namespace SectorMesh.Benchmarks;

/// <summary>A PIRL participant file of any length: entry, exit, training, a license and wages in the quarters after exit.</summary>
public static class PirlSample
{
    public static Stream Generate(int participants, string prefix) => new LineStream(Lines(participants, prefix).GetEnumerator());

    private static IEnumerable<string> Lines(int participants, string prefix)
    {
        yield return "100,200,400,900,901,1302,1303,1308,1600,1602,1703,1704,1800,1801,1618";
        for (var i = 0; i < participants; i++)
        {
            var entry = new DateOnly(2024, 1, 1).AddDays(i % 300);
            var exit = entry.AddDays(240);
            yield return $"{prefix}{i:D6},{1960 + i % 45}0{1 + i % 9}15,{i % 4},{entry:yyyyMMdd},{exit:yyyyMMdd},{entry.AddDays(7):yyyyMMdd},06,{exit:yyyyMMdd}," +
                $"1,{(i % 5 == 0 ? 9 : 1)},{9000 + i % 4000}.00,999999.99,{(i % 3 == 0 ? "4" : "0")},{(i % 3 == 0 ? $"{exit:yyyyMMdd}" : "")},1";
        }
    }
}
