using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Engagement;

/// <summary>Boards upload what BLS publishes: the CSV itself, gzipped, or the .zip holding it, told apart by the first bytes.</summary>
public class CompressedFileTests
{
    private const string Csv = "\"area_fips\",\"own_code\"\n\"39049\",\"5\"\n";

    private static async Task<string> Open(byte[] upload, string? contentType = null)
    {
        var body = PipeReader.Create(new MemoryStream(upload));
        await using var file = await CompressedFile.OpenAsync(body, contentType, maxUnpackedBytes: 1024 * 1024, CancellationToken.None);
        return await new StreamReader(file).ReadToEndAsync();
    }

    private static byte[] Zipped(string text, CompressionLevel level = CompressionLevel.Optimal)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("2024.annual.singlefile.csv", level).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
        return zip.ToArray();
    }

    [Fact]
    public async Task A_plain_file_is_read_as_it_is()
    {
        Assert.Equal(Csv, await Open(Encoding.UTF8.GetBytes(Csv), "text/csv"));
    }

    [Fact]
    public async Task A_gzipped_file_is_unpacked_as_it_streams()
    {
        var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Csv));
        }

        Assert.Equal(Csv, await Open(gzipped.ToArray()));
    }

    [Fact]
    public async Task The_csv_inside_a_zip_file_is_read_without_unpacking_the_archive()
    {
        Assert.Equal(Csv, await Open(Zipped(Csv), "application/zip"));
    }

    [Fact]
    public async Task A_stored_uncompressed_zip_entry_is_read_for_its_length()
    {
        Assert.Equal(Csv, await Open(Zipped(Csv, CompressionLevel.NoCompression)));
    }

    [Fact]
    public async Task An_upload_declared_zip_that_is_not_one_is_refused()
    {
        var error = await Assert.ThrowsAsync<ImportRefused>(() => Open(Encoding.UTF8.GetBytes(Csv), "application/zip"));

        Assert.Contains("not those of a zip file", error.Message);
    }

    [Fact]
    public async Task A_compressed_file_that_unpacks_past_the_limit_is_stopped()
    {
        var large = Zipped(new string('x', 2 * 1024 * 1024));

        await Assert.ThrowsAsync<UploadTooLarge>(() => Open(large));
    }
}
