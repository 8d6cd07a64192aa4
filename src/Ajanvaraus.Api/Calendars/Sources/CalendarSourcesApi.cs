using System.ComponentModel;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Calendars.Sources;

// An expert's calendar sources (the expert's agency admins) and every source's state (operators).
internal static class CalendarSourcesApi
{
    private static readonly ListCursor Cursor = new("calendar-sources");

    public static void MapCalendarSources(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/experts/{expertId:guid}/calendar-sources").WithTags(Feeds.FeedsApi.Tag)
            .AddEndpointFilter<ExpertAccessFilter>().RequireAuthorization(Policies.AgencyAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", CreateAsync)
            .WithName("CreateCalendarSource")
            .WithSummary("Attach a calendar whose busy times block the expert")
            .WithDescription("""
                The address is fetched at once and then every `Calendars:SyncMinutes`; its busy times (recurrences, all-day
                events, VFREEBUSY; not free, transparent or cancelled events) cut the expert's windows like absences. A booking
                a busy time overlaps is listed under the provider's conflicts, never cancelled. The answer shows the first
                sync's state. Loopback, link-local and private addresses are refused unless `Calendars:AllowPrivateAddresses`.
                """);
        group.MapGet("/", ListAsync)
            .WithName("ListCalendarSources")
            .WithSummary("List the expert's calendar sources with their sync state");
        group.MapGet("/{sourceId:guid}", GetAsync)
            .WithName("GetCalendarSource")
            .WithSummary("A calendar source and its sync state");
        group.MapPut("/{sourceId:guid}", UpdateAsync)
            .WithName("UpdateCalendarSource")
            .WithSummary("Rename a source or change its address")
            .WithDescription("A new address is fetched at once, without the old one's validators; the busy times stay until it succeeds.");
        group.MapDelete("/{sourceId:guid}", DeleteAsync)
            .WithName("DeleteCalendarSource")
            .WithSummary("Remove a source and free its busy time");
        group.MapPost("/{sourceId:guid}/sync", SyncAsync)
            .WithName("SyncCalendarSource")
            .WithSummary("Sync a source now")
            .WithDescription("Fetches and applies the source at once and answers its new state (a failure shows in lastError).");

        app.MapGet("/calendar-sources", ListAllAsync).WithTags(Feeds.FeedsApi.Tag)
            .RequireAuthorization(Policies.Operator)
            .WithName("ListAllCalendarSources")
            .WithSummary("Every calendar source's sync state (operators)")
            .WithDescription("`stale=true` lists the sources with no successful sync within `Calendars:StaleAfterMinutes`. No addresses.");
    }

    private static async Task<Results<Created<CalendarSourceResponse>, ValidationProblem, NotFound>> CreateAsync(
        [Description("The expert's id.")] Guid expertId, CalendarSourceRequest body, CalendarSourceStore store, CalendarSync sync,
        TimeProvider clock, IOptions<CalendarOptions> options, Data.Db db, HttpRequest request, CancellationToken ct)
    {
        body = body with { Url = Normalize(body.Url) };
        if (SchemeProblem(body.Url) is { } problem)
        {
            return problem;
        }

        var row = new CalendarSourceRow
        {
            Id = db.NewId(), ExpertId = expertId, Name = body.Name, Url = body.Url, CreatedAt = clock.GetUtcNow(),
        };
        await store.InsertAsync(row, ct);
        var state = await SyncedAsync(row, store, sync, clock, ct);
        return TypedResults.Created($"/api/v1/experts/{expertId}/calendar-sources/{row.Id}",
            state.ToResponse(StaleBefore(clock, options), Language.Of(request)));
    }

    private static async Task<Results<Ok<Page<CalendarSourceResponse>>, ValidationProblem>> ListAsync(
        [Description("The expert's id.")] Guid expertId, [AsParameters] PageQuery page, CalendarSourceStore store, TimeProvider clock,
        IOptions<CalendarOptions> options, HttpRequest request, CancellationToken ct)
    {
        if (!Cursor.TryReadGuid(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var rows = await store.ListAsync(expertId, after, page.Take + 1, clock.GetUtcNow(), ct);
        var staleBefore = StaleBefore(clock, options);
        return TypedResults.Ok(Page<CalendarSourceResponse>.From(rows, page.Take, Cursor, r => r.Id.ToString(),
            r => r.ToResponse(staleBefore, Language.Of(request))));
    }

    private static async Task<Results<Ok<CalendarSourceResponse>, NotFound>> GetAsync(
        [Description("The expert's id.")] Guid expertId, [Description("The source's id.")] Guid sourceId, CalendarSourceStore store,
        TimeProvider clock, IOptions<CalendarOptions> options, HttpRequest request, CancellationToken ct) =>
        await store.FindAsync(expertId, sourceId, clock.GetUtcNow(), ct) is { } row
            ? TypedResults.Ok(row.ToResponse(StaleBefore(clock, options), Language.Of(request)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CalendarSourceResponse>, ValidationProblem, NotFound>> UpdateAsync(
        [Description("The expert's id.")] Guid expertId, [Description("The source's id.")] Guid sourceId, CalendarSourceRequest body,
        CalendarSourceStore store, CalendarSync sync, TimeProvider clock, IOptions<CalendarOptions> options, HttpRequest request,
        CancellationToken ct)
    {
        body = body with { Url = Normalize(body.Url) };
        if (SchemeProblem(body.Url) is { } problem)
        {
            return problem;
        }

        if (await store.FindAsync(expertId, sourceId, clock.GetUtcNow(), ct) is not { } before)
        {
            return TypedResults.NotFound();
        }

        await store.UpdateAsync(expertId, sourceId, body, ct);
        var row = before with { Name = body.Name, Url = body.Url, ETag = null, LastModified = null, ParsedDay = null };
        return TypedResults.Ok((await SyncedAsync(before.Url == body.Url ? before : row, store, sync, clock, ct))
            .ToResponse(StaleBefore(clock, options), Language.Of(request)));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        [Description("The expert's id.")] Guid expertId, [Description("The source's id.")] Guid sourceId, CalendarSourceStore store,
        CancellationToken ct) =>
        await store.DeleteAsync(expertId, sourceId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<CalendarSourceResponse>, NotFound>> SyncAsync(
        [Description("The expert's id.")] Guid expertId, [Description("The source's id.")] Guid sourceId, CalendarSourceStore store,
        CalendarSync sync, TimeProvider clock, IOptions<CalendarOptions> options, HttpRequest request, CancellationToken ct)
    {
        if (await store.FindAsync(expertId, sourceId, clock.GetUtcNow(), ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        var state = await SyncedAsync(row, store, sync, clock, ct);
        return TypedResults.Ok(state.ToResponse(StaleBefore(clock, options), Language.Of(request)));
    }

    private static async Task<Results<Ok<Page<CalendarSourceResponse>>, ValidationProblem>> ListAllAsync(
        [AsParameters] CalendarSourcesQuery query, [AsParameters] PageQuery page, CalendarSourceStore store, TimeProvider clock,
        IOptions<CalendarOptions> options, HttpRequest request, CancellationToken ct)
    {
        if (!Cursor.TryReadGuid(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var staleBefore = StaleBefore(clock, options);
        var rows = await store.ListAllAsync(query.Stale, staleBefore, after, page.Take + 1, clock.GetUtcNow(), ct);
        return TypedResults.Ok(Page<CalendarSourceResponse>.From(rows, page.Take, Cursor, r => r.Id.ToString(),
            r => r.ToResponse(staleBefore, Language.Of(request), showUrl: false)));
    }

    // The state after one sync, read back (busy count included).
    private static async Task<CalendarSourceRow> SyncedAsync(CalendarSourceRow row, CalendarSourceStore store, CalendarSync sync,
        TimeProvider clock, CancellationToken ct)
    {
        await sync.SyncAsync(row, ct);
        return (await store.FindAsync(row.ExpertId, row.Id, clock.GetUtcNow(), ct))!;
    }

    private static DateTimeOffset StaleBefore(TimeProvider clock, IOptions<CalendarOptions> options) =>
        clock.GetUtcNow().AddMinutes(-options.Value.StaleAfterMinutes);

    // Calendar apps hand out webcal:// addresses: the same resource over https.
    internal static string Normalize(string url) =>
        url.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase) ? "https://" + url["webcal://".Length..] : url;

    private static ValidationProblem? SchemeProblem(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [CalendarProblems.HttpOnly] });
}

internal static class CalendarProblems
{
    public const string HttpOnly = "Give an http or https address of an iCalendar (ICS) file.";
}
