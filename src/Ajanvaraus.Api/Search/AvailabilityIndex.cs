using System.Collections.Concurrent;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Search;

// What the index holds at one moment. Entries are swapped whole (copy on write), so searches read without locks.
internal sealed class IndexState(IndexSpan span, IndexCatalogue catalogue, Dictionary<Guid, ExpertWindows> windows,
    Dictionary<Guid, UnitState> units, long position)
{
    public IndexSpan Span { get; } = span;
    public IndexCatalogue Catalogue { get; set; } = catalogue;
    public ConcurrentDictionary<Guid, ExpertWindows> Windows { get; } = new(windows);
    public ConcurrentDictionary<Guid, UnitState> Units { get; } = new(units);
    public long Position { get; set; } = position;

    // Bumped by every applied change; ChangedAt says when a resource (or the catalogue, Guid.Empty) last changed, so a
    // cached answer knows whether anything it read has changed since.
    public long Version => Interlocked.Read(ref version);

    private long version;

    public ConcurrentDictionary<Guid, long> ChangedAt { get; } = new();

    public void Touch(Guid resource) => ChangedAt[resource] = Interlocked.Increment(ref version);

    public UnitState UnitsOf(Guid resource) => Units.TryGetValue(resource, out var state) ? state : UnitState.Empty(Span);

    public ExpertWindows WindowsOf(Guid expert) => Windows.TryGetValue(expert, out var w) ? w : ExpertWindows.None;
}

// Each instance's in-memory copy of free time (DESIGN.md "Search speed"): windows and taken units per expert and video
// room, built from the database at start-up and kept current from the change log — at once after this instance's own
// writes, and by polling for other instances'. A cache only: booking still inserts units under the unique key.
internal sealed class AvailabilityIndex(Db db, TimeProvider clock, IOptions<AvailabilityOptions> options, SafePointWatch safePoints,
    ILogger<AvailabilityIndex> logger) : ICommitFollower
{
    private const int ChangesPerRead = 5000;

    // A joined window on the heap: the record's header, two instants, an id, a point reference and four flags.
    private const int WindowBytes = 88;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile IndexState? current;
    private long appliesStarted;
    private long appliesCompleted;

    private readonly TaskCompletionSource built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => current is not null;

    // The state to search: at once when built, else once the first build is done (/health/ready says so before).
    public async ValueTask<IndexState> StateAsync(CancellationToken ct)
    {
        if (current is { } state)
        {
            return state;
        }

        await built.Task.WaitAsync(ct);
        return current!;
    }

    public async Task BuildAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            current ??= await LoadAsync(ct);
            built.TrySetResult();
        }
        finally
        {
            gate.Release();
        }
    }

    // Read-your-writes: every write through Db.WriteAsync that changed free time or the catalogue is applied here before
    // its caller goes on (and so before its answer leaves), whatever made it: a route, a job, a command.
    public Task FollowAsync(CommittedWrite write, CancellationToken ct) =>
        write.ChangedAvailability && IsReady ? CatchUpAsync(ct) : Task.CompletedTask;

    // Returns once an apply that started after the call has finished, so a change this instance
    // committed before calling is in the index. Concurrent callers share one apply.
    public async Task CatchUpAsync(CancellationToken ct)
    {
        var seen = Interlocked.Read(ref appliesStarted);
        await gate.WaitAsync(ct);
        try
        {
            if (Interlocked.Read(ref appliesCompleted) > seen)
            {
                return;
            }

            var number = Interlocked.Increment(ref appliesStarted);
            await ApplyAsync(ct);
            Interlocked.Exchange(ref appliesCompleted, number);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ApplyAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (current is not { } state || !state.Span.Covers(now, options.Value.HorizonDays))
        {
            current = await LoadAsync(ct);
            built.TrySetResult();
            return;
        }

        await using var c = await db.OpenAsync(ct);
        if (await c.ExecuteScalarAsync<long>(new CommandDefinition(ChangeLog.TrimmedThroughSql, cancellationToken: ct)) > state.Position)
        {
            logger.LogWarning("The availability index fell behind the trimmed change log; rebuilding.");
            current = await LoadAsync(ct);
            return;
        }

        var safe = await ChangeLog.SafePointAsync(db, c, ct);
        safePoints.Observe(safe);
        List<ChangeRow> changes;
        do
        {
            changes = await ChangeLog.ReadAsync(db, c, state.Position, safe, ChangesPerRead, ct);
            if (changes.Count == 0)
            {
                return;
            }

            if (changes.Any(x => x.Kind == ChangeLog.Catalogue))
            {
                state.Catalogue = await IndexCatalogue.LoadAsync(db, now, ct);
                state.Touch(Guid.Empty);
            }

            var experts = changes.Where(x => x.Kind == ChangeLog.Windows && x.ResourceId is not null).Select(x => x.ResourceId!.Value)
                .ToHashSet();
            if (experts.Count > 0)
            {
                foreach (var (expert, windows) in await IndexReads.WindowsAsync(db, c, experts, state.Span.Origin, ct))
                {
                    state.Windows[expert] = windows;
                    state.Touch(expert);
                }
            }

            var units = changes.Where(x => x.Kind == ChangeLog.Units && x.ResourceId is not null).GroupBy(x => x.ResourceId!.Value);
            foreach (var change in units)
            {
                await ReloadUnitsAsync(c, state, change.Key, change.Min(x => x.FromAt!.Value), change.Max(x => x.ToAt!.Value), now, ct);
            }

            state.Position = changes[^1].Position;
        }
        while (changes.Count == ChangesPerRead);
    }

    private static async Task ReloadUnitsAsync(System.Data.Common.DbConnection c, IndexState state, Guid resource, DateTimeOffset from,
        DateTimeOffset to, DateTimeOffset now, CancellationToken ct)
    {
        var taken = await IndexReads.ResourceUnitsAsync(c, state.Span, resource, from, to, now, ct);
        var first = state.Span.UnitOf(from);
        state.Units[resource] = state.UnitsOf(resource).With(first, state.Span.UnitOf(to) - first, taken);
        state.Touch(resource);
    }

    // The log position is read first: whatever changes while the rest is read is applied again afterwards.
    private async Task<IndexState> LoadAsync(CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var span = IndexSpan.Around(now, options.Value.HorizonDays);
        await using var c = await db.OpenAsync(ct);
        var position = await ChangeLog.HeadAsync(db, c, await ChangeLog.SafePointAsync(db, c, ct), ct);
        var catalogue = await IndexCatalogue.LoadAsync(db, now, ct);
        var windows = await IndexReads.WindowsAsync(db, c, null, span.Origin, ct);
        var units = await IndexReads.UnitsAsync(c, span, now, ct);
        var state = new IndexState(span, catalogue, windows, units, position);
        // Counted from what the state holds, not measured with forced collections (every test app builds an index).
        var bytes = units.Values.Sum(u => (long)u.Bytes) + (windows.Values.Sum(w => (long)w.Sorted.Length) * WindowBytes);
        var megabytes = bytes / 1048576.0;
        logger.LogInformation(
            "Built the availability index: {Experts} experts' windows, {Resources} resources' taken units, ~{Megabytes:0.0} MB, in {Elapsed}.",
            windows.Count, units.Count, megabytes, clock.GetElapsedTime(started));
        return state;
    }
}
