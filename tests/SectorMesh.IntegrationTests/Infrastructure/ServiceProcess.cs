using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace SectorMesh.IntegrationTests.Infrastructure;

/// <summary>A built SectorMesh program run as its own process, as it runs in production.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process) => _process = process;

    public string Output => string.Join(Environment.NewLine, _output);

    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = OutputOf(project);
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var service = new ServiceProcess(Process.Start(start)!);
        service._process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>Runs a program to completion (the migration step) and fails with its output if it fails.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Process exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Waits until the readiness endpoint answers 200, over HTTP/2 when the endpoint is HTTP/2 only.</summary>
    public async Task WaitUntilReadyAsync(Uri baseAddress, bool http2Only)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Process exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }
            try
            {
                var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "/health/ready"));
                if (http2Only)
                {
                    request.Version = HttpVersion.Version20;
                    request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
                }
                if ((await http.SendAsync(request)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{baseAddress} did not become ready:{Environment.NewLine}{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>The program's dll, built in the same configuration as these tests.</summary>
    public static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SectorMesh.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("SectorMesh.sln not found above " + AppContext.BaseDirectory);
        }
        return root;
    }

    private static string OutputOf(string project)
    {
        var tests = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(tests.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var root = RepositoryRoot();
        var assembly = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(root, project), "*.csproj")[0]);
        var dll = Path.Combine(root, project, "bin", configuration, "net10.0", assembly + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {assembly} first: {dll} is missing.");
    }
}
