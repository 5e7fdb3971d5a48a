using SectorMesh.ServiceDefaults;
using SectorMesh.Engagement.Data.Imports;

namespace SectorMesh.UnitTests.Engagement;

/// <summary>Files are read a line at a time, and a line too long to be real stops the import instead of filling memory.</summary>
public class LineReaderTests
{
    [Fact]
    public async Task Lines_end_at_a_line_feed_with_or_without_a_carriage_return_and_the_last_may_have_neither()
    {
        var report = new ImportReport();
        var header = await SampleFiles.Qcew().ReadLineAsync();

        await QcewCsvReader.ReadAsync(new StringReader($"{header}\r\nbad\r\n\nbad"), report).ToListAsync();

        Assert.Equal((4L, 2L), (report.LinesRead, report.RejectedCount));
    }

    [Fact]
    public async Task A_line_longer_than_64_KiB_is_refused_naming_the_line()
    {
        var header = await SampleFiles.Qcew().ReadLineAsync();
        var file = new StringReader($"{header}\n\"39049\"\n{new string('x', 70_000)}\nrow");

        var error = await Assert.ThrowsAsync<ImportRefused>(() => QcewCsvReader.ReadAsync(file, new ImportReport()).ToListAsync().AsTask());

        Assert.StartsWith("Line 3 is longer than 65536 characters", error.Message);
    }
}
