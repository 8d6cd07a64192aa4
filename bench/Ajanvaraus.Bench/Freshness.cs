using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ajanvaraus.Bench;

internal sealed record FreshnessResult(double[] LatenciesMs, int Skipped)
{
    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs.Order().ElementAt(
        Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1));
}

// How soon a booking made through one instance leaves another instance's search: book a time on A, then ask B for it
// every few milliseconds until its free experts drop, timing from A's 201.
internal static class Freshness
{
    private sealed record Item(DateTimeOffset Start, int FreeExperts);

    private sealed record Page(List<Item> Items);

    public static async Task<FreshnessResult> MeasureAsync(Uri a, Uri b, IReadOnlyList<FreeSlot> slots, int tries)
    {
        using var writer = LoadRunner.Client(a, 1);
        using var reader = LoadRunner.Client(b, 1);
        var latencies = new List<double>();
        var skipped = 0;
        foreach (var slot in slots.DistinctBy(s => (s.ServiceId, s.ServicePointId, s.Start)).Take(tries))
        {
            var day = SearchQueries.Day(DateOnly.FromDateTime(slot.Start.ToOffset(TimeSpan.FromHours(2)).DateTime));
            var path = $"/api/v1/availability?service={slot.ServiceId}&servicePoint={slot.ServicePointId}&channel=in_person&from={day}&to={day}&limit=500";
            var before = await FreeAsync(reader, path, slot.Start);
            using var booking = BookingRequests.Book(slot);
            using var answer = await writer.SendAsync(booking);
            if (before == 0 || answer.StatusCode != HttpStatusCode.Created)
            {
                skipped++;
                continue;
            }

            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(5) && await FreeAsync(reader, path, slot.Start) >= before)
            {
                await Task.Delay(5);
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new FreshnessResult([.. latencies], skipped);
    }

    private static async Task<int> FreeAsync(HttpClient client, string path, DateTimeOffset start) =>
        (await client.GetFromJsonAsync<Page>(path, JsonSerializerOptions.Web))!.Items.FirstOrDefault(i => i.Start == start)?.FreeExperts ?? 0;
}
