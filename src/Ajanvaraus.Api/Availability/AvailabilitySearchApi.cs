using Ajanvaraus.Api.Services;
using System.ComponentModel;
using Ajanvaraus.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Availability;

internal static class AvailabilitySearchApi
{
    public const int MaxDays = 31;

    public static RouteGroupBuilder MapAvailabilitySearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/availability").WithTags("Availability");
        group.MapGet("/", SearchAsync)
            .WithName("SearchAvailability")
            .WithSummary("Find bookable times")
            .WithDescription("""
                Bookable start times of a service: the experts' published windows minus booked time, minimum notice and the
                booking horizon, without Finnish public holidays, closures or absences; `remote_at_point` also needs a free video
                room at the point, within its opening hours. Give `servicePoint` or `municipality` for visits, neither for
                nationwide `video`/`phone`. At most 31 days per question; sorted by start, paged with `cursor`.
                """)
            .WithExamples(response: new Page<SlotResponse>(
                [new SlotResponse(
                    DateTimeOffset.Parse("2026-11-24T09:00:00+02:00"), DateTimeOffset.Parse("2026-11-24T09:45:00+02:00"), Channel.InPerson,
                    Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e"), "Asumistuen neuvonta", "kela", "Kela",
                    Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d2f"), "Kela-asiantuntija Anna", "mikkeli",
                    new Bookings.BookingPlace("mikkeli", "Mikkelin asiointipiste", "Maaherrankatu 9", "50100", "Mikkeli"))],
                "MDAwMDA2Mzg5OTk5MjAwMDAwMDAwMHw"))
            .AllowAnonymous();
        return group;
    }

    private static readonly ListCursor Cursor = new("availability");

    private static async Task<Results<Ok<Page<SlotResponse>>, ValidationProblem>> SearchAsync(
        [AsParameters] AvailabilityQuery query, HttpRequest request, ServiceStore services, SlotFinder finder, TimeProvider clock,
            CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var service = query.Service is { } id && await services.FindAsync(id, ct) is { IsActive: true } found ? found : null;
        if (service is null)
        {
            errors["service"] = ["No bookable service has this id."];
        }

        var from = query.From ?? LocalTime.Today(clock);
        var to = query.To ?? from.AddDays(13);
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            errors["to"] = [$"Ask for 1 to {MaxDays} days: `to` on or after `from` and at most {MaxDays - 1} days later."];
        }

        if (query.ServicePoint is not null && query.Municipality is not null)
        {
            errors["municipality"] = ["Give servicePoint or municipality, not both."];
        }

        var channels = Channels(query, service);
        if (service is not null && channels.Count == 0)
        {
            errors["channel"] = [query.Channel is null
                ? "This service has no channel for that place: give servicePoint or municipality for visits, or none for video and phone."
                : $"This service is not offered as {query.Channel} here."];
        }

        if (!Cursor.TryRead(query.Cursor, out var after) || (after is not null && ResumeTicks(after) is null))
        {
            errors["cursor"] = [ListCursor.InvalidText];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // A page resumes at the cursor's start time: earlier windows need not be read at all.
        var limit = query.Limit ?? 100;
        var first = LocalTime.StartOfDay(from);
        if (after is not null && ResumeTicks(after) is { } resumeTicks && resumeTicks > first.UtcTicks)
        {
            first = new DateTimeOffset(resumeTicks, TimeSpan.Zero);
        }

        var result = await finder.SearchAsync(service!, channels, query.ServicePoint, query.Municipality, query.Language,
            first, LocalTime.StartOfDay(to.AddDays(1)).AddTicks(-1), s => after is null || string.CompareOrdinal(Key(s), after) > 0,
                limit + 1, ct);
        var rows = result.Slots.Select(s => (Key: Key(s), Slot: s)).OrderBy(r => r.Key, StringComparer.Ordinal).Take(limit + 1).ToList();
        var language = Language.Of(request);
        return TypedResults.Ok(Page<SlotResponse>.From(rows, limit, Cursor, r => r.Key, r => Response(r.Slot, service!, result, language)));
    }

    // A slot with the names a portal shows without another call, in the language asked.
    private static SlotResponse Response(Slot slot, ServiceRow service, SlotResult result, string language) => new(
        result.Local(slot.Start, slot.ServicePointId),
        result.Local(slot.End, slot.ServicePointId),
        slot.Channel,
        service.Id,
        service.Names.In(language),
        service.ProviderId,
        new LocalizedText(service.ProviderNameFi, service.ProviderNameSv, service.ProviderNameEn).In(language),
        slot.ExpertId,
        result.ExpertNames.GetValueOrDefault(slot.ExpertId, ""),
        slot.ServicePointId,
        slot.ServicePointId is { } id && result.Points.TryGetValue(id, out var p)
            ? new Bookings.BookingPlace(p.Id, new LocalizedText(p.NameFi, p.NameSv, p.NameEn).In(language), p.StreetAddress, p.PostalCode,
                p.PostOffice)
            : null);

    // The channels asked: the one named, or those that fit the place (visits with a place, remote without).
    private static List<Channel> Channels(AvailabilityQuery query, ServiceRow? service)
    {
        if (service is null)
        {
            return [];
        }

        var atPlace = query.ServicePoint is not null || query.Municipality is not null;
        IEnumerable<Channel> wanted = query.Channel is { } name
            ? [ChannelFlags.Parse(name)]
            : atPlace ? [Channel.InPerson, Channel.RemoteAtPoint] : [Channel.Video, Channel.Phone];
        return wanted.Where(service.Channels.Allows)
            .Where(c => atPlace || c is Channel.Video or Channel.Phone)
            .ToList();
    }

    private static long? ResumeTicks(string key) =>
        key.Length >= 20 && long.TryParse(key.AsSpan(0, 20),
            out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks ? ticks : null;

    // Sort order of slots, and the cursor: start, expert, channel, point.
    private static string Key(Slot slot) => $"{slot.Start.UtcTicks:D20}|{slot.ExpertId:D}|{(int)slot.Channel}|{slot.ServicePointId}";
}
