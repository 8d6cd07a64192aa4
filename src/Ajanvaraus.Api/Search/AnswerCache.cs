using System.Collections.Concurrent;

namespace Ajanvaraus.Api.Search;

// The bytes of recent search answers, keyed by the question. An answer is served again while nothing it read has
// changed: no change applied to its experts, rooms or the catalogue since it was made (IndexState.ChangedAt), no live
// hold among them expired, and the clock still in the same minute (notice and horizon move the first and last
// bookable starts only when now crosses a whole minute, as both are whole minutes). Serializing a page costs more
// than computing it; popular questions are asked many times a second and change far less often.
internal sealed class AnswerCache
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    private sealed record Entry(IndexState State, long Version, Guid[] Read, DateTimeOffset ValidUntil, byte[] Body);

    public byte[]? Find(string key, IndexState state, DateTimeOffset now)
    {
        if (!entries.TryGetValue(key, out var entry) || entry.State != state || now >= entry.ValidUntil
            || Changed(state, Guid.Empty, entry.Version))
        {
            return null;
        }

        foreach (var resource in entry.Read)
        {
            if (Changed(state, resource, entry.Version))
            {
                return null;
            }
        }

        return entry.Body;
    }

    // version: the state's Version read before the answer was computed (a change applied meanwhile then invalidates it).
    public void Keep(string key, IndexState state, long version, IReadOnlyCollection<Guid> read, DateTimeOffset now, byte[] body)
    {
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }

        var nextMinute = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute) + TimeSpan.TicksPerMinute;
        var validUntil = new DateTimeOffset(nextMinute, TimeSpan.Zero);
        foreach (var resource in read)
        {
            if (state.UnitsOf(resource).NextExpiryAfter(now.UtcTicks) is { } expiry && expiry < validUntil.UtcTicks)
            {
                validUntil = new DateTimeOffset(expiry, TimeSpan.Zero);
            }
        }

        entries[key] = new Entry(state, version, [.. read], validUntil, body);
    }

    private static bool Changed(IndexState state, Guid resource, long version) =>
        state.ChangedAt.TryGetValue(resource, out var at) && at > version;
}
