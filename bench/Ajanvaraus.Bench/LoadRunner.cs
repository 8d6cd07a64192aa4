using System.Diagnostics;
using System.Net;

namespace Ajanvaraus.Bench;

// What one measured row did: how many requests, how fast, and which statuses came back.
internal sealed record RowResult(string Name, int Connections, int Requests, TimeSpan Elapsed, double[] LatenciesMs, IReadOnlyDictionary<int, int> Statuses, TimeSpan ServiceCpu, string? Note = null)
{
    public double Rps => Requests / Elapsed.TotalSeconds;

    // The service's own CPU time per request: steadier than req/s when other work shares the machine.
    public double CpuMsPerRequest => Requests == 0 ? double.NaN : ServiceCpu.TotalMilliseconds / Requests;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
    }
}

// A closed-loop load generator: N loops, each with its own keep-alive connection, send one request after
// another for a fixed time; every response is read to the end and timed from send to last byte.
internal static class LoadRunner
{
    // One request of a loop; returns the status, or null when the loop has no more work (its pool ran dry).
    public delegate Task<HttpStatusCode?> Request(HttpClient client, int loop, CancellationToken ct);

    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task<RowResult> RunAsync(string name, Uri baseAddress, int connections, TimeSpan duration, TimeSpan warmup, Func<TimeSpan> serviceCpu, Request request)
    {
        using var client = Client(baseAddress, connections);
        if (warmup > TimeSpan.Zero)
        {
            await RunLoopsAsync(client, connections, warmup, request);
        }

        var cpuBefore = serviceCpu();
        var (elapsed, loops) = await RunLoopsAsync(client, connections, duration, request);
        var cpu = serviceCpu() - cpuBefore;
        var latencies = loops.SelectMany(l => l.Latencies).Select(ticks => ticks * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(latencies);
        var statuses = loops.SelectMany(l => l.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        var dry = loops.Any(l => l.RanDry) ? "pool ran dry" : null;
        return new RowResult(name, connections, latencies.Length, elapsed, latencies, statuses, cpu, dry);
    }

    private sealed class Loop
    {
        public List<long> Latencies { get; } = new(16_384);

        public Dictionary<int, int> Statuses { get; } = [];

        public bool RanDry { get; set; }
    }

    private static async Task<(TimeSpan Elapsed, Loop[] Loops)> RunLoopsAsync(HttpClient client, int connections, TimeSpan duration, Request request)
    {
        var loops = Enumerable.Range(0, connections).Select(_ => new Loop()).ToArray();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = loops.Select((loop, i) => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    if (await request(client, i, CancellationToken.None) is not { } code)
                    {
                        loop.RanDry = true;
                        return;
                    }

                    status = (int)code;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = 0; // no answer: connection error or timeout
                }

                loop.Latencies.Add(Stopwatch.GetTimestamp() - sent);
                loop.Statuses[status] = loop.Statuses.GetValueOrDefault(status) + 1;
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        return (Stopwatch.GetElapsedTime(started), loops);
    }
}
