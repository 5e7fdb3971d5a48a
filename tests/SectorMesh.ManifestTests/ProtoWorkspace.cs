using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace SectorMesh.ManifestTests;

/// <summary>
/// A copy of the contracts laid out as the repository lays them (buf.yaml, the protos, the common
/// Google protos in artifacts/googleapis), checked with the buf that CI installs, the way
/// eng/contracts.sh checks the real ones. A test changes the copy and sees what buf says.
/// </summary>
public sealed class ProtoWorkspace : IDisposable
{
    private const string Protos = "services/shared/SectorMesh.Contracts/Protos";

    /// <summary>What to run when buf is missing: the tests fail rather than skip without it.</summary>
    internal const string BufRequirement =
        "The contract tests run buf from eng/contracts/node_modules: run `npm ci --prefix eng/contracts` "
        + "(or `bash eng/contracts.sh`, which CI runs before the tests) from the repository root.";

    private readonly string _root = Directory.CreateTempSubdirectory("sectormesh-protos-").FullName;

    public ProtoWorkspace()
    {
        var repository = RenderedManifests.RepositoryRoot();
        File.Copy(Path.Combine(repository, "buf.yaml"), Path.Combine(_root, "buf.yaml"));
        CopyDirectory(Path.Combine(repository, Protos), Path.Combine(_root, Protos));
        CopyDirectory(Path.Combine(CommonProtos(), "google"), Path.Combine(_root, "artifacts", "googleapis", "google"));
    }

    /// <summary>The image of the last release: the newest kept in eng/contracts.</summary>
    public static string LastRelease() =>
        Directory.GetFiles(Path.Combine(RenderedManifests.RepositoryRoot(), "eng", "contracts"), "v*.binpb")
            .MaxBy(image => Version.Parse(Path.GetFileNameWithoutExtension(image)[1..]))
            ?? throw new InvalidOperationException("No release image (eng/contracts/v*.binpb) is kept in the repository.");

    /// <summary>Rewrites one proto of the copy; the change must apply, so a test never checks an unchanged file.</summary>
    public void Change(string proto, string from, string to)
    {
        var path = Path.Combine(_root, Protos, proto);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Adds a proto to the copy: a changed copy of an existing one.</summary>
    public void CopyAs(string proto, string copy, Func<string, string> change)
    {
        var target = Path.Combine(_root, Protos, copy);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, change(File.ReadAllText(Path.Combine(_root, Protos, proto))));
    }

    public BufResult Lint() => Buf("lint", Protos, "--error-format", "json");

    public BufResult Breaking() => Buf("breaking", Protos, "--against", LastRelease(), "--error-format", "json");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private BufResult Buf(params string[] arguments)
    {
        var buf = Path.Combine(RenderedManifests.RepositoryRoot(), "eng", "contracts", "node_modules", ".bin", "buf");
        var start = new ProcessStartInfo(buf, arguments) { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = StartBuf(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"buf {string.Join(' ', arguments)} took longer than two minutes.");
        }
        var findings = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<BufFinding>(line, JsonSerializerOptions.Web)!).ToList();
        // 0: no finding; 100: findings. Anything else (a proto that does not compile, a bad buf.yaml) is not a verdict.
        return process.ExitCode is 0 or 100
            ? new BufResult(process.ExitCode, findings)
            : throw new InvalidOperationException($"buf {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    /// <summary>Starts buf, or says how to install it when it is not there.</summary>
    internal static Process StartBuf(ProcessStartInfo buf)
    {
        try
        {
            return Process.Start(buf) ?? throw new InvalidOperationException($"{buf.FileName} could not be started. {BufRequirement}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{buf.FileName} was not found or could not be run ({e.Message}). {BufRequirement}", e);
        }
    }

    /// <summary>The protos of the Google.Api.CommonProtos package, whose folder the build records in the assembly.</summary>
    private static string CommonProtos() =>
        typeof(ProtoWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "GoogleApiCommonProtos").Value!;

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.proto", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>What buf said: its exit code (0 none, 100 findings) and each finding's rule and message.</summary>
public sealed record BufResult(int ExitCode, IReadOnlyList<BufFinding> Findings)
{
    public IEnumerable<string> Rules => Findings.Select(f => f.Type).Distinct();
}

public sealed record BufFinding(string Type, string Message);
