using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ajanvaraus.Bench;

// The real service as a separate process: its command-line verbs, and the server itself on loopback.
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    // Builds the service in Release unless its dll is already there and newer than every source file.
    public static async Task BuildIfNeededAsync(Paths paths, TextWriter log)
    {
        var dll = new FileInfo(paths.ApiDll);
        var newest = Directory.EnumerateFiles(paths.ApiProject, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Concat(Directory.EnumerateFiles(Path.Combine(paths.Root, "db"), "*.sql", SearchOption.AllDirectories))
            .Max(File.GetLastWriteTimeUtc);
        if (dll.Exists && dll.LastWriteTimeUtc >= newest)
        {
            log.WriteLine($"Service already built: {Path.GetRelativePath(paths.Root, dll.FullName)}");
            return;
        }

        log.WriteLine("Building the service (Release)...");
        var (code, output) = await RunAsync("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", paths.ApiProject], paths.Root, []);
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet build failed:\n{output}");
        }
    }

    // Runs one of the service's verbs (`migrate`, `materialize-windows`) on the database; returns its output.
    public static async Task<string> CommandAsync(Paths paths, string database, string verb, params string[] arguments)
    {
        var (code, output) = await RunAsync("dotnet", [paths.ApiDll, verb, .. arguments], paths.Results, Environment(database));
        if (code != 0)
        {
            throw new InvalidOperationException($"`{verb}` failed ({code}):\n{output}");
        }

        return output.Trim();
    }

    // A development token for the given role, signed with the key the services in paths.Results use.
    public static async Task<string> TokenAsync(Paths paths, string database, params string[] args)
    {
        var (code, output) = await RunAsync("dotnet", [paths.ApiDll, "token", .. args], paths.Results, Environment(database));
        return code == 0 ? output.Trim() : throw new InvalidOperationException($"`token` failed ({code}):\n{output}");
    }

    // Starts Kestrel on a free loopback port and waits until /health/ready answers 200; settings override the defaults.
    public static async Task<ServiceProcess> StartAsync(Paths paths, string database, string logFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [paths.ApiDll])
        {
            WorkingDirectory = paths.Results,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in Environment(database))
        {
            info.Environment[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the service.");
        var logWriter = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (logWriter) { logWriter.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (logWriter) { logWriter.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {process.ExitCode}; see {logFile}.");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    service.ReadyAfter = deadline.Elapsed;
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await service.DisposeAsync();
        throw new TimeoutException($"The service did not become ready in 60 s; see {logFile}.");
    }

    // From the start of the process until /health/ready answered 200 (start-up plus the availability index build).
    public TimeSpan ReadyAfter { get; private set; }

    // The service's own line about its last index build (how long, how much memory), from its log.
    public static string? IndexBuildLine(string logFile) =>
        File.Exists(logFile) ? File.ReadLines(logFile).LastOrDefault(l => l.Contains("Built the availability index", StringComparison.Ordinal))?.Trim() : null;

    // CPU time the service has used so far (user and system).
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    // The most resident memory the process has had (VmHWM), in MiB.
    public double PeakResidentMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static Dictionary<string, string> Environment(string database) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        // No identity provider here: the bench mints its tokens with the local key, which Production allows only when told.
        ["Auth__AllowLocalSigningKey"] = "true",
        ["Hangfire__Server"] = "false",
        // The rows measure the service, not its limits (one loopback address would spend the anonymous budget at once);
        // the rate-limited row turns them on again.
        ["RateLimits__Enabled"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Ajanvaraus.Api.Search.AvailabilityIndex"] = "Information",
        ["Database__Provider"] = "Sqlite",
        ["Database__ConnectionString"] = $"Data Source={database}",
    };

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string workingDirectory, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
