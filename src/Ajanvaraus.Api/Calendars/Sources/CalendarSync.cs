using System.Diagnostics;
using System.Globalization;
using Ajanvaraus.Api.Availability;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Calendars.Sources;

// Fetch, parse, store. The network and the parse happen outside any transaction; only the outcome is written. Each
// source is bounded twice over (the fetch's deadline, the parse's bounds), so one sync ends in well under a minute
// whatever its server or feed does. The recurring job calls SyncAllAsync; "sync now" calls SyncAsync.
internal sealed class CalendarSync(
    CalendarSourceStore store, CalendarFetcher fetcher, WindowMaterializer materializer, TimeProvider clock,
    IOptions<CalendarOptions> options, ILogger<CalendarSync> logger)
{
    public const string JobName = "calendar-sources-sync";

    public async Task SyncAsync(CalendarSourceRow source, CancellationToken ct)
    {
        var horizon = materializer.CurrentHorizon();
        var parsedDay = horizon.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Validators only while the last parse covered today's horizon (see ParsedDay in 0008).
        var conditional = source.ParsedDay == parsedDay;
        var watch = Stopwatch.StartNew();
        var fetched = await fetcher.FetchAsync(source.Url, conditional ? source.ETag : null, conditional ? source.LastModified : null, ct);
        // The URL may carry a secret (Google's and Outlook's secret addresses do, in the path): the log names the source.
        logger.LogInformation("Calendar source {SourceId} of expert {ExpertId} fetched: {Status} in {Milliseconds} ms.",
            source.Id, source.ExpertId, fetched.Status, watch.ElapsedMilliseconds);
        var now = clock.GetUtcNow();
        switch (fetched.Status)
        {
            case FetchStatus.NotModified:
                await store.RecordNotModifiedAsync(source.Id, now, ct);
                return;
            case FetchStatus.Failed:
                await RecordFailureAsync(source, fetched.Error!, now, ct);
                return;
        }

        var zone = await store.ExpertZoneAsync(source.ExpertId, ct);
        var parsed = BusyTimeParser.Parse(fetched.Text!, zone, now > horizon.Start ? now : horizon.Start, horizon.End,
            TimeSpan.FromSeconds(options.Value.MaxParseSeconds));
        if (parsed.Busy is not { } busy)
        {
            await RecordFailureAsync(source, parsed.Error!, now, ct);
            return;
        }

        if (await store.RecordSuccessAsync(source, busy, fetched, parsedDay, now, ct))
        {
            logger.LogInformation("Calendar source {SourceId} of expert {ExpertId} changed: {Count} busy intervals.",
                source.Id, source.ExpertId, busy.Count);
        }
    }

    // Every source, SyncParallelism at a time: a slow or dead server holds one slot for its own deadline, and whatever
    // goes wrong with one source (its database write included) is logged and never keeps the others from their turn.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task SyncAllAsync(CancellationToken ct)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.SyncParallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(await store.AllIdsAsync(ct), parallel, async (ids, token) =>
        {
            try
            {
                if (await store.FindAsync(ids.ExpertId, ids.Id, clock.GetUtcNow(), token) is { } source)
                {
                    await SyncAsync(source, token);
                }
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                logger.LogError(ex, "Calendar source {SourceId} of expert {ExpertId} could not be synced.", ids.Id, ids.ExpertId);
            }
        });
    }

    private async Task RecordFailureAsync(CalendarSourceRow source, string error, DateTimeOffset now, CancellationToken ct)
    {
        logger.LogWarning("Calendar source {SourceId} of expert {ExpertId} failed: {Error}", source.Id, source.ExpertId, error);
        await store.RecordFailureAsync(source.Id, error, now, ct);
    }
}
