using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ajanvaraus.Bench;

// A bookable in-person time as search answered it (time first), booked for "any expert"; Copy tells apart the
// bookings one time with several free experts takes.
internal sealed record FreeSlot(Guid ServiceId, DateTimeOffset Start, DateTimeOffset End, string ServicePointId, int Copy = 0);

// Finds free times through the service's own search before the booking rows, so that every client books a time
// the service itself offered. Times of the pool never overlap at one point (a time with n free experts is taken n
// times): no two bookings can want the same expert, so without contention there is no 409.
internal static class SlotPool
{
    private const int SearchLimit = 500;
    private const int Parallel = 8;

    private sealed record SlotItem(DateTimeOffset Start, DateTimeOffset End, string Channel, Guid ServiceId, string? ServicePointId, int FreeExperts);

    private sealed record SlotPage(List<SlotItem> Items, string? NextCursor);

    // Up to `wanted` slots between the two days, no two of one expert overlapping; with `minFree`, only times at least
    // that many experts are free at (a herd's popular times: the copies of one time follow each other in the list).
    public static async Task<List<FreeSlot>> GatherAsync(Uri baseAddress, Dataset data, DateOnly from, DateOnly to, int wanted, int seed,
        int minFree = 1)
    {
        var kept = new List<FreeSlot>();
        var taken = new Taken();
        await foreach (var items in SearchAsync(baseAddress, data, from, to, seed))
        {
            kept.AddRange(items.Where(i => i.Free >= minFree && taken.TryAdd(i.Slot)).SelectMany(i => Enumerable.Range(0, i.Free).Select(n => i.Slot with { Copy = n })));
            if (kept.Count >= wanted)
            {
                break;
            }
        }

        return kept.Take(wanted).ToList();
    }

    // Groups of a few overlapping times of one service at one point: the times many clients will fight over.
    public static async Task<List<FreeSlot[]>> ContendedAsync(Uri baseAddress, Dataset data, DateOnly from, DateOnly to, int groups, int size, int seed)
    {
        var found = new List<FreeSlot[]>();
        var taken = new Taken();
        await foreach (var items in SearchAsync(baseAddress, data, from, to, seed))
        {
            foreach (var point in items.Select(i => i.Slot).GroupBy(s => (s.ServicePointId, s.ServiceId)))
            {
                var list = point.OrderBy(s => s.Start).ToList();
                for (var i = 0; i + size <= list.Count; i++)
                {
                    var group = list.GetRange(i, size);
                    if (group.All(s => s.Start < group[0].End) && !group.Any(taken.Overlaps))
                    {
                        found.Add([.. group]);
                        group.ForEach(s => taken.TryAdd(s));
                        i += size - 1;
                    }
                }
            }

            if (found.Count >= groups)
            {
                break;
            }
        }

        return found.Take(groups).ToList();
    }

    // Searches (service, point) pairs in a seeded order, a few at a time, yielding each answer's in-person slots.
    private static async IAsyncEnumerable<List<(FreeSlot Slot, int Free)>> SearchAsync(Uri baseAddress, Dataset data, DateOnly from, DateOnly to, int seed)
    {
        var pairs = (from s in data.Services
                     where (s.Channels & Channels.InPerson) != 0
                     from p in data.Points
                     where p.Providers.Contains(s.ProviderId)
                     select (Service: s, Point: p)).ToArray();
        new Random(seed).Shuffle(pairs);
        using var client = LoadRunner.Client(baseAddress, Parallel);
        var results = new ConcurrentQueue<List<(FreeSlot, int)>>();
        foreach (var batch in pairs.Chunk(Parallel * 4))
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (pair, ct) =>
            {
                var path = $"/api/v1/availability?service={pair.Service.Id}&servicePoint={pair.Point.Id}&channel=in_person"
                    + $"&from={SearchQueries.Day(from)}&to={SearchQueries.Day(to)}&limit={SearchLimit}";
                var page = await client.GetFromJsonAsync<SlotPage>(path, JsonSerializerOptions.Web, ct);
                results.Enqueue(page!.Items.Select(i => (new FreeSlot(i.ServiceId, i.Start, i.End, i.ServicePointId!), i.FreeExperts)).ToList());
            });
            while (results.TryDequeue(out var slots))
            {
                yield return slots;
            }
        }
    }

    // Each point's times kept so far, to keep the pool free of overlaps.
    private sealed class Taken
    {
        private readonly Dictionary<string, List<FreeSlot>> byPoint = [];

        public bool Overlaps(FreeSlot slot) =>
            byPoint.TryGetValue(slot.ServicePointId, out var list) && list.Exists(other => other.Start < slot.End && slot.Start < other.End);

        public bool TryAdd(FreeSlot slot)
        {
            if (Overlaps(slot))
            {
                return false;
            }

            if (!byPoint.TryGetValue(slot.ServicePointId, out var list))
            {
                byPoint[slot.ServicePointId] = list = [];
            }

            list.Add(slot);
            return true;
        }
    }
}
