using System.ComponentModel;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Availability;

internal static class ConflictsApi
{
    public static RouteGroupBuilder MapConflicts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/providers/{providerId}/conflicts").WithTags("Availability")
            .RequireAuthorization(Policies.AgencyAdmin).RequireOwnProvider();

        group.MapGet("/", ListConflictsAsync)
            .WithName("ListConflicts")
            .WithSummary("List bookings no window covers any more")
            .WithDescription("""
                Confirmed future bookings of the provider that no longer lie wholly inside a window of their expert that
                allows their channel (in person: at their service point), e.g. after a rule change or a new absence.
                They are never cancelled automatically: the agency moves or cancels them. Ordered by start. One that a busy
                time of the expert's own calendar overlaps names that calendar source (and whether its sync is stale).
                """);

        return group;
    }

    private static readonly ListCursor Cursor = new("conflicts");

    private static async Task<Results<Ok<Page<ConflictResponse>>, ValidationProblem, NotFound>> ListConflictsAsync(
        [Description("The provider's id (the caller's own).")] string providerId,
        [AsParameters] PageQuery page,
        ProviderStore providers,
        WindowStore store,
        TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<Calendars.CalendarOptions> calendars,
        CancellationToken ct)
    {
        if (await providers.FindAsync(providerId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        if (!Cursor.TryRead(page.Cursor, ConflictCursor.Parse, out var after))
        {
            return ListCursor.Invalid();
        }

        var now = clock.GetUtcNow();
        var staleBefore = now.AddMinutes(-calendars.Value.StaleAfterMinutes);
        var rows = await store.ConflictsAsync(providerId, now, staleBefore, after, page.Take + 1, ct);
        return TypedResults.Ok(Page<ConflictResponse>.From(rows, page.Take, Cursor, ConflictCursor.Of, row => row.ToResponse()));
    }
}

// The keyset of the conflicts list: a booking's start (UTC ticks) and id.
internal static class ConflictCursor
{
    public static string Of(ConflictRow row) => $"{row.StartsAt.UtcTicks}_{row.Id}";

    public static (DateTimeOffset StartsAt, Guid Id)? Parse(string key)
    {
        var parts = key.Split('_');
        return parts is [var ticks, var id] && long.TryParse(ticks,
            out var t) && t >= 0 && t <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParse(id, out var g)
            ? (new DateTimeOffset(t, TimeSpan.Zero), g)
            : null;
    }
}
