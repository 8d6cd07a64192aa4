using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Bench;

// What it took to make a benchmark database, and what is in it.
internal sealed record Prepared(
    Scale Scale, string Database, Dataset Data, LoadResult Load,
    TimeSpan GenerateTime, TimeSpan MaterialiseTime, string MaterialiseOutput, TimeSpan LoadTime, double DatabaseMiB);

// A fresh database: the service's own `migrate`, the generated catalogue, `materialize-windows`, 30 % booked.
internal static partial class Preparation
{
    // Measuring again on an existing database (a development aid, `--reuse`): the seeded catalogue is generated into a
    // scratch file only to know its ids; the database keeps its windows, its bookings and those of earlier runs.
    public static async Task<Prepared> ReuseAsync(Paths paths, Scale scale, TextWriter log)
    {
        var database = paths.Database(scale.Name);
        if (!File.Exists(database))
        {
            return await RunAsync(paths, scale, log);
        }

        var scratch = Path.Combine(paths.Results, $"scratch-{scale.Name}.db");
        Delete(scratch);
        await ServiceProcess.CommandAsync(paths, scratch, "migrate");
        var data = DatasetGenerator.Generate(scratch, scale, paths.Municipalities, DateTimeOffset.UtcNow);
        Delete(scratch);
        log.WriteLine($"[{scale.Name}] reusing {Path.GetFileName(database)}");
        return new Prepared(scale, database, data, new LoadResult(0, 0, 0), TimeSpan.Zero, TimeSpan.Zero, "", TimeSpan.Zero, new FileInfo(database).Length / 1024.0 / 1024.0);
    }

    public static async Task<Prepared> RunAsync(Paths paths, Scale scale, TextWriter log)
    {
        var database = paths.Database(scale.Name);
        Delete(database);
        log.WriteLine($"[{scale.Name}] migrate: {await ServiceProcess.CommandAsync(paths, database, "migrate")}");

        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var data = DatasetGenerator.Generate(database, scale, paths.Municipalities, now);
        var generated = watch.Elapsed;
        log.WriteLine($"[{scale.Name}] generated {data.Points.Count} points, {data.Services.Count} services, {data.Experts.Count} experts, {data.Rules} rules in {generated.TotalSeconds:0.0} s");

        watch.Restart();
        var output = await ServiceProcess.CommandAsync(paths, database, "materialize-windows");
        var materialised = watch.Elapsed;
        log.WriteLine($"[{scale.Name}] materialize-windows: {output} (process wall time {materialised.TotalSeconds:0.0} s)");

        watch.Restart();
        var load = BookingLoader.Load(database, data, now);
        load = load with { ServiceEvents = ServiceEventLoader.Load(database, data, now) };
        Checkpoint(database);
        var loaded = watch.Elapsed;
        var size = new[] { database, $"{database}-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;
        log.WriteLine($"[{scale.Name}] booked {load.Bookings:N0} bookings ({load.Units:N0} units) in {load.Windows:N0} windows and {load.ServiceEvents:N0} walk-in service events in {loaded.TotalSeconds:0.0} s; database {size:0} MiB");
        return new Prepared(scale, database, data, load, generated, materialised, output, loaded, size);
    }

    // The service's own figure: "Materialised N availability windows in X s."
    public static double? ReportedSeconds(string output) =>
        Seconds().Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    // An empty WAL, so the service starts on the file alone. No ANALYZE: the service gets the plans it would get in production.
    private static void Checkpoint(string database)
    {
        using var c = new SqliteConnection($"Data Source={database};Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.CommandTimeout = 600;
        command.ExecuteNonQuery();
    }

    private static void Delete(string database)
    {
        foreach (var file in new[] { database, $"{database}-wal", $"{database}-shm" })
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"in ([0-9]+(?:\.[0-9]+)?) s")]
    private static partial Regex Seconds();
}
