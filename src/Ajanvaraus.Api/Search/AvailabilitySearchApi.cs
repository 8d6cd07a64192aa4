using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Services;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Search;

internal static class AvailabilitySearchApi
{
    public const int MaxDays = 31;

    private static readonly ListCursor Cursor = new("availability");

    public static RouteGroupBuilder MapAvailabilitySearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/availability").WithTags("Availability");
        group.MapGet("/", SearchAsync)
            .WithName("SearchAvailability")
            .WithSummary("Find bookable times")
            .WithDescription("""
                Bookable times of a service, time first: one item per start, channel and service point, with how many experts
                are free then and in which languages — book it without `expertId` and the service picks one. `expert=` asks
                for one expert's times (each item then names the expert). Times are the experts' published windows minus
                booked and held time, minimum notice and the booking horizon, without Finnish public holidays, closures or
                absences; `remote_at_point` also needs a free video room at the point, within its opening hours. Give
                `servicePoint` or `municipality` for visits, neither for nationwide `video`/`phone`. At most 31 days per
                question; sorted by start, channel and point, paged with `cursor`. Answered from each instance's in-memory
                index of free time: a booking made elsewhere a moment ago may still show, and then answers 409.
                """)
            .Produces<AvailabilityPage>(StatusCodes.Status200OK)
            .WithExamples(response: Example)
            .AllowAnonymous();
        return group;
    }

    private static async Task<Results<JsonBytes, ValidationProblem>> SearchAsync(
        [AsParameters] AvailabilityQuery query, HttpRequest request, AvailabilityIndex index, AnswerCache cache,
        IOptions<JsonOptions> json, TimeProvider clock, CancellationToken ct)
    {
        var state = await index.StateAsync(ct);
        var now = clock.GetUtcNow();
        var language = Language.Of(request);
        var key = language + request.QueryString.Value;
        if (cache.Find(key, state, now) is { } cached)
        {
            return new JsonBytes(cached);
        }

        var version = state.Version;
        var errors = new Dictionary<string, string[]>();
        var service = query.Service is { } id ? state.Catalogue.Services.GetValueOrDefault(id) : null;
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

        if (!Cursor.TryRead(query.Cursor, out var after) || (after is not null && TimeFirstPage.StartOf(after) is null))
        {
            errors["cursor"] = [ListCursor.InvalidText];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var points = state.Catalogue.PointsFor(service!, query.ServicePoint, query.Municipality);
        var ask = SearchAsk.Within(service!, channels, points, query.Language, query.Expert, LocalTime.StartOfDay(from),
            LocalTime.StartOfDay(to.AddDays(1)).AddTicks(-1), now);
        var limit = query.Limit ?? 100;
        var groups = TimeFirstPage.Take(state, ask, after, limit + 1, now);
        var page = Page(groups, limit, service!, points, query.Expert is not null, state.Catalogue, language);
        var body = JsonSerializer.SerializeToUtf8Bytes(page, json.Value.SerializerOptions.GetTypeInfo(typeof(AvailabilityPage)));
        cache.Keep(key, state, version, ask.Resources(state.Catalogue), now, body);
        return new JsonBytes(body);
    }

    private static AvailabilityPage Page(List<TimeGroup> groups, int limit, ServiceRow service, IReadOnlyList<IndexPoint> points,
        bool namesExpert, IndexCatalogue catalogue, string language)
    {
        var page = Page<TimeSlotResponse>.From(groups, limit, Cursor, g => g.Key, g => Item(g, service, points, namesExpert, catalogue));
        var named = page.Items.Select(i => i.ServicePointId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new AvailabilityPage(page.Items, page.NextCursor,
            new AvailabilityService(service.Id, service.Names.In(language), service.ProviderId,
                new LocalizedText(service.ProviderNameFi, service.ProviderNameSv, service.ProviderNameEn).In(language)),
            points.Where(p => named.Contains(p.Id)).Select(p => Place(p.Point, language)).ToList());
    }

    private static TimeSlotResponse Item(TimeGroup group, ServiceRow service, IReadOnlyList<IndexPoint> points, bool namesExpert,
        IndexCatalogue catalogue)
    {
        var slot = group.First;
        var point = slot.ServicePointId is { } id ? points.FirstOrDefault(p => p.Id == id) : null;
        var zone = point?.Point.TimeZone ?? LocalTime.Helsinki;
        var expert = namesExpert ? catalogue.Experts.GetValueOrDefault(slot.ExpertId) : null;
        return new TimeSlotResponse(LocalTime.InZone(slot.Start, zone), LocalTime.InZone(slot.End, zone), slot.Channel, slot.ServicePointId,
            service.Id, group.FreeExperts, group.Languages, expert?.Id, expert?.DisplayName);
    }

    private static BookingPlace Place(SlotPoint p, string language) =>
        new(p.Id, new LocalizedText(p.NameFi, p.NameSv, p.NameEn).In(language), p.StreetAddress, p.PostalCode, p.PostOffice);

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

    private static readonly AvailabilityPage Example = new(
        [new TimeSlotResponse(DateTimeOffset.Parse("2026-11-24T09:00:00+02:00"), DateTimeOffset.Parse("2026-11-24T09:45:00+02:00"),
            Channel.InPerson, "mikkeli", Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e"), 2, ["en", "fi", "sv"])],
        "YXZhaWxhYmlsaXR5fDAwMDYzODk5OTkyMDAwMDAwMDAwfDB8bWlra2VsaQ",
        new AvailabilityService(Guid.Parse("0193a7c2-5b8e-7c3a-9d1e-2f4a6b8c0d1e"), "Asumistuen neuvonta", "kela", "Kela"),
        [new BookingPlace("mikkeli", "Mikkelin asiointipiste", "Maaherrankatu 9", "50100", "Mikkeli")]);
}
