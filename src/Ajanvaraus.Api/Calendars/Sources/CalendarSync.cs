using System.Globalization;
using Ajanvaraus.Api.Availability;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Calendars.Sources;

// Fetch, parse, store: one source at a time. The network and the parse happen outside any transaction; only the
// outcome is written. The recurring job calls SyncAllAsync; "sync now" calls SyncAsync.
internal sealed class CalendarSync(
    CalendarSourceStore store, CalendarFetcher fetcher, WindowMaterializer materializer, TimeProvider clock,
    ILogger<CalendarSync> logger)
{
    public const string JobName = "calendar-sources-sync";

    public async Task SyncAsync(CalendarSourceRow source, CancellationToken ct)
    {
        var horizon = materializer.CurrentHorizon();
        var parsedDay = horizon.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Validators only while the last parse covered today's horizon (see ParsedDay in 0008).
        var conditional = source.ParsedDay == parsedDay;
        var fetched = await fetcher.FetchAsync(source.Url, conditional ? source.ETag : null, conditional ? source.LastModified : null, ct);
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
        var parsed = BusyTimeParser.Parse(fetched.Text!, zone, now > horizon.Start ? now : horizon.Start, horizon.End);
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

    // Every source, one after another: a slow or dead server costs its own timeout, and each outcome is its own write.
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task SyncAllAsync(CancellationToken ct)
    {
        foreach (var (id, expertId) in await store.AllIdsAsync(ct))
        {
            if (await store.FindAsync(expertId, id, clock.GetUtcNow(), ct) is { } source)
            {
                await SyncAsync(source, ct);
            }
        }
    }

    private async Task RecordFailureAsync(CalendarSourceRow source, string error, DateTimeOffset now, CancellationToken ct)
    {
        // The URL may carry a secret: the log names the source, not its address.
        logger.LogWarning("Calendar source {SourceId} of expert {ExpertId} failed: {Error}", source.Id, source.ExpertId, error);
        await store.RecordFailureAsync(source.Id, error, now, ct);
    }
}
