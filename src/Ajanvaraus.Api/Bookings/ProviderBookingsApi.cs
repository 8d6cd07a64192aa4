using System.ComponentModel;
using System.Globalization;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Bookings;

// An agency's own bookings, with customer contacts, for its admins only.
internal static class ProviderBookingsApi
{
    public static RouteGroupBuilder MapProviderBookings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/providers/{providerId}/bookings").WithTags("Bookings");
        group.MapGet("/", ListAsync)
            .WithName("ListProviderBookings")
            .WithSummary("List an agency's bookings")
            .WithDescription("The provider's bookings by start time, with customer contacts, filtered by days, point, expert and status. Only that provider's agency admins (403 for others).")
            .RequireAuthorization(Policies.AgencyAdmin);
        group.RequireOwnProvider();
        return group;
    }

    private static readonly ListCursor Cursor = new("provider-bookings");

    // The keyset: a booking's start (UTC ticks) and id.
    private static (DateTimeOffset StartsAt, Guid Id)? ParseKey(string key) =>
        key.Split('|') is [var ticks, var id] && long.TryParse(ticks, CultureInfo.InvariantCulture, out var t)
            && t >= 0 && t <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParse(id, out var g)
            ? (new DateTimeOffset(t, TimeSpan.Zero), g)
            : null;

    private static async Task<Results<Ok<Page<ProviderBookingResponse>>, ForbidHttpResult, ValidationProblem>> ListAsync(
        [Description("The provider id (e.g. `kela`).")] string providerId, [AsParameters] ProviderBookingsQuery query,
        ProviderBookingStore store, Search.AvailabilityIndex index, TimeProvider clock, CancellationToken ct)
    {
        var from = query.From ?? LocalTime.Today(clock);
        var to = query.To ?? from.AddDays(30);
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            return TypedResults.ValidationProblem(new Dictionary<string,
                string[]> { ["to"] = ["`to` must be on or after `from`, at most a year later."] });
        }

        if (!Cursor.TryRead(query.Cursor, ParseKey, out var after))
        {
            return ListCursor.Invalid();
        }

        var take = query.Limit ?? PageQuery.DefaultLimit;
        var rows = await store.ListAsync(
            new ProviderBookingFilter(providerId, LocalTime.StartOfDay(from), LocalTime.StartOfDay(to.AddDays(1)), query.ServicePoint,
                query.Expert, query.Status),
            after?.StartsAt, after?.Id, take + 1, ct);

        var points = (await index.StateAsync(ct)).Catalogue.Points;
        var zones = rows.Select(r => r.ServicePointId).OfType<string>().Distinct()
            .ToDictionary(p => p, p => points.TryGetValue(p, out var point) ? point.Point.TimeZone : LocalTime.Helsinki);

        return TypedResults.Ok(Page<ProviderBookingResponse>.From(rows, take, Cursor, r => $"{r.StartsAt.UtcTicks}|{r.Id:D}", r =>
        {
            var zone = r.ServicePointId is null ? LocalTime.Helsinki : zones[r.ServicePointId];
            return new ProviderBookingResponse(
                r.Id, r.Reference, r.StatusValue, r.ServiceId, r.ExpertId, r.ChannelValue,
                LocalTime.InZone(r.StartsAt, zone), LocalTime.InZone(r.EndsAt, zone), r.ServicePointId, r.MeetingUrl,
                new CustomerResponse(r.CustomerName, r.CustomerEmail, r.CustomerPhone, r.CustomerLanguage), r.Notes,
                r.MadeById is null ? r.MadeByKind : $"{r.MadeByKind}:{r.MadeById}", r.CreatedAt);
        }));
    }
}
