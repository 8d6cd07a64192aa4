using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Advisers;

internal static class AgendaApi
{
    public const string Tag = "Advisers";

    public static RouteGroupBuilder MapAdvisers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/service-points/{servicePointId}").WithTags(Tag)
            .AddEndpointFilter<PointAccessFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Staff);

        group.MapGet("/agenda", DayAsync)
            .WithName("GetServicePointAgenda")
            .WithSummary("The day's appointments at a point, of every agency")
            .WithDescription("""
                Every in_person and remote_at_point booking at the point that day, ordered by start, in the point's local time,
                with the service card in the language asked and the customer's contacts. Cancelled bookings only with
                `status=cancelled`. An adviser of the point or an operator; an agency admin sees their own provider's bookings.
                """);
        group.MapFreeTimes();
        return group;
    }

    private static async Task<Ok<AgendaResponse>> DayAsync(
        [Description("The service point id (e.g. `mikkeli`).")] string servicePointId, [AsParameters] AgendaQuery query, HttpContext http,
        AgendaStore agenda, TimeProvider clock, CancellationToken ct)
    {
        var (point, actor) = PointAccessFilter.Of(http);
        var day = query.Date ?? LocalTime.DateIn(clock.GetUtcNow(), point.TimeZone);
        var provider = actor.Kind == Actor.AgencyAdmin ? actor.Scope : query.Provider;
        var rows = await agenda.DayAsync(
            point.Id, LocalTime.StartOfDay(day, point.TimeZone), LocalTime.StartOfDay(day.AddDays(1), point.TimeZone), provider,
                query.Status, ct);
        var language = Language.Of(http.Request);
        return TypedResults.Ok(new AgendaResponse(point.Id, day, rows.Select(r => Entry(r, point.TimeZone, language)).ToList()));
    }

    private static AgendaEntryResponse Entry(AgendaRow r, string zone, string language) => new(
        r.Id, r.Reference, new BookingRow { Status = r.Status }.StatusValue, LocalTime.InZone(r.StartsAt, zone), LocalTime.InZone(r.EndsAt,
            zone),
        ChannelFlags.Parse(r.Channel), r.ProviderId, new LocalizedText(r.ProviderNameFi, r.ProviderNameSv, r.ProviderNameEn).In(language),
        r.ServiceId, new LocalizedText(r.ServiceNameFi, r.ServiceNameSv, r.ServiceNameEn).In(language),
        new LocalizedLongText(r.CardFi, r.CardSv, r.CardEn).In(language), r.ExpertId, r.ExpertName, r.VideoRoomId, r.VideoRoomName,
        new CustomerResponse(r.CustomerName, r.CustomerEmail, r.CustomerPhone, r.CustomerLanguage), r.Notes,
        r.CheckedInAt is { } at ? LocalTime.InZone(at, zone) : null, r.MadeById is null ? r.MadeByKind : $"{r.MadeByKind}:{r.MadeById}");
}
