using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ajanvaraus.Bench;

/// <summary>A bookable in-person slot as search answered it.</summary>
internal sealed record FreeSlot(Guid ServiceId, Guid ExpertId, DateTimeOffset Start, DateTimeOffset End, string ServicePointId);

/// <summary>
/// Finds free slots through the service's own search before the booking rows, so that every client books a time
/// the service itself offered. Slots in the pool never overlap for one expert: without contention, no 409.
/// </summary>
internal static class SlotPool
{
    private const int SearchLimit = 500;
    private const int Parallel = 8;

    private sealed record SlotItem(DateTimeOffset Start, DateTimeOffset End, string Channel, Guid ServiceId, Guid ExpertId, string? ServicePointId);

    private sealed record SlotPage(List<SlotItem> Items, string? NextCursor);

    /// <summary>Up to <paramref name="wanted"/> slots between the two days, no two of one expert overlapping.</summary>
    public static async Task<List<FreeSlot>> GatherAsync(Uri baseAddress, Dataset data, DateOnly from, DateOnly to, int wanted, int seed)
    {
        var kept = new List<FreeSlot>();
        var taken = new Taken();
        await foreach (var slots in SearchAsync(baseAddress, data, from, to, seed))
        {
            kept.AddRange(slots.Where(taken.TryAdd));
            if (kept.Count >= wanted)
            {
                break;
            }
        }

        return kept.Take(wanted).ToList();
    }

    /// <summary>Groups of a few overlapping slots of one expert: the times many clients will fight over.</summary>
    public static async Task<List<FreeSlot[]>> ContendedAsync(Uri baseAddress, Dataset data, DateOnly from, DateOnly to, int groups, int size, int seed)
    {
        var found = new List<FreeSlot[]>();
        var taken = new Taken();
        await foreach (var slots in SearchAsync(baseAddress, data, from, to, seed))
        {
            foreach (var expert in slots.GroupBy(s => s.ExpertId))
            {
                var list = expert.OrderBy(s => s.Start).ToList();
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
    private static async IAsyncEnumerable<List<FreeSlot>> SearchAsync(Uri baseAddress, Dataset data, DateOnly from, DateOnly to, int seed)
    {
        var pairs = (from s in data.Services
                     where (s.Channels & Channels.InPerson) != 0
                     from p in data.Points
                     where p.Providers.Contains(s.ProviderId)
                     select (Service: s, Point: p)).ToArray();
        new Random(seed).Shuffle(pairs);
        using var client = LoadRunner.Client(baseAddress, Parallel);
        var results = new ConcurrentQueue<List<FreeSlot>>();
        foreach (var batch in pairs.Chunk(Parallel * 4))
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (pair, ct) =>
            {
                var path = $"/api/v1/availability?service={pair.Service.Id}&servicePoint={pair.Point.Id}&channel=in_person"
                    + $"&from={SearchQueries.Day(from)}&to={SearchQueries.Day(to)}&limit={SearchLimit}";
                var page = await client.GetFromJsonAsync<SlotPage>(path, JsonSerializerOptions.Web, ct);
                results.Enqueue(page!.Items.Select(i => new FreeSlot(i.ServiceId, i.ExpertId, i.Start, i.End, i.ServicePointId!)).ToList());
            });
            while (results.TryDequeue(out var slots))
            {
                yield return slots;
            }
        }
    }

    // Each expert's slots kept so far, to keep the pool free of overlaps.
    private sealed class Taken
    {
        private readonly Dictionary<Guid, List<FreeSlot>> byExpert = [];

        public bool Overlaps(FreeSlot slot) =>
            byExpert.TryGetValue(slot.ExpertId, out var list) && list.Exists(other => other.Start < slot.End && slot.Start < other.End);

        public bool TryAdd(FreeSlot slot)
        {
            if (Overlaps(slot))
            {
                return false;
            }

            if (!byExpert.TryGetValue(slot.ExpertId, out var list))
            {
                byExpert[slot.ExpertId] = list = [];
            }

            list.Add(slot);
            return true;
        }
    }
}
