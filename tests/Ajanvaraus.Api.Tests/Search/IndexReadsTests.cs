using Ajanvaraus.Api.Search;

namespace Ajanvaraus.Api.Tests.Search;

// The index build's grouping of taken units by resource, fed rows in an order no engine promises.
public sealed class IndexReadsTests
{
    [Fact]
    public void UnitsOfResourcesInterleavedInAnyOrderAllEndUpInTheirResourcesState()
    {
        var span = new IndexSpan(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), 2000);
        var resources = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var rows = resources.SelectMany((r, i) => Enumerable.Range(0, 40).Select(u => (Resource: r, Unit: (i * 100) + u))).ToList();
        // A parallel scan hands back ranges of the key interleaved: every resource seen again after another one.
        var shuffled = rows.OrderBy(_ => Random.Shared.Next()).ToList();
        Assert.Contains(shuffled.Skip(1).Zip(shuffled), p => p.First.Resource != p.Second.Resource);

        var taken = new Dictionary<Guid, List<(int, long?)>>();
        foreach (var (resource, unit) in shuffled)
        {
            IndexReads.Add(taken, resource, (unit, null));
        }

        var states = IndexReads.States(span, taken);

        Assert.Equal(resources.Length, states.Count);
        foreach (var (resource, unit) in rows)
        {
            Assert.False(states[resource].IsFree(unit, 1, 0), $"unit {unit} of resource {resource} reads free");
        }

        Assert.All(resources.Select((r, i) => states[r].BookedIn(i * 100, 100)), booked => Assert.Equal(40, booked));
    }
}
