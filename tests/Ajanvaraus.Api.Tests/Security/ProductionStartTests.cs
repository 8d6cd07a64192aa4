using System.Diagnostics;

namespace Ajanvaraus.Api.Tests.Security;

// The service itself, started as a process in Production: without Auth:Authority it signs its own tokens, which only a
// test or demo installation may do (Auth:AllowLocalSigningKey=true says so).
public sealed class ProductionStartTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params (string Key, string Value)[] environment)
    {
        var directory = Directory.CreateTempSubdirectory("ajanvaraus-prod-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Ajanvaraus.Api.dll"), "migrate"])
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(directory.FullName, "a.db")}";
            start.Environment["Auth__SigningKeyFile"] = Path.Combine(directory.FullName, "key");
            start.Environment["Hangfire__Server"] = "false";
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ProductionWithoutAnAuthorityRefusesToStartWithOneLine()
    {
        var (exit, output) = await RunAsync();

        Assert.Equal(1, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Auth:Authority", line);
        Assert.Contains("Auth:AllowLocalSigningKey", line);
    }

    [Fact]
    public async Task ATestInstallationSaysSoAndStarts()
    {
        var (exit, output) = await RunAsync(("Auth__AllowLocalSigningKey", "true"));

        Assert.True(exit == 0, output);
    }
}
