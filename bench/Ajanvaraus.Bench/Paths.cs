namespace Ajanvaraus.Bench;

// Where things are: the repository root is the folder that holds Ajanvaraus.sln.
internal sealed record Paths(string Root)
{
    public string ApiProject => Path.Combine(Root, "src", "Ajanvaraus.Api");

    public string ApiDll => Path.Combine(ApiProject, "bin", "Release", "net10.0", "Ajanvaraus.Api.dll");

    public string Municipalities => Path.Combine(ApiProject, "ServicePoints", "municipalities.csv");

    public string Results => Path.Combine(Root, "bench", "results");

    public string Database(string scale) => Path.Combine(Results, $"bench-{scale}.db");

    public string ServiceLog(string scale) => Path.Combine(Results, $"service-{scale}.log");

    public string LatestReport => Path.Combine(Results, "latest.md");

    public static Paths Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ajanvaraus.sln")))
                {
                    return new Paths(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (no Ajanvaraus.sln found above here).");
    }
}
