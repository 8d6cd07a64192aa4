using System.ComponentModel;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Search;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.ServicePoints;
using Ajanvaraus.Api.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Advisers;

// "Who can see this customer today?": the earliest free times of every service at the point, through the same search
// as /api/v1/availability, without the minimum notice (a walk-in can be seen in five minutes).
internal static class FreeTimesApi
{
    public const int PerChannelGroup = 5;

    public static RouteGroupBuilder MapFreeTimes(this RouteGroupBuilder group)
    {
        group.MapGet("/free-times", ListAsync)
            .WithName("GetServicePointFreeTimes")
            .WithSummary("The earliest free times of a day at a point, for a walk-in")
            .WithDescription($"""
                For every service of every agency present at the point (or the one asked): up to {PerChannelGroup} earliest free
                times that day at the point (in_person, remote_at_point) and up to {PerChannelGroup} by video or phone. The
                minimum notice does not apply. An adviser of the point, an agency admin (their own services), an operator.
                """);
        return group;
    }

    private static async Task<Results<Ok<FreeTimesResponse>, ValidationProblem>> ListAsync(
        [Description("The service point id (e.g. `mikkeli`).")] string servicePointId, [AsParameters] FreeTimesQuery query,
            HttpContext http,
        ServiceStore services, AvailabilityIndex index, TimeProvider clock, CancellationToken ct)
    {
        var (point, actor) = PointAccessFilter.Of(http);
        var language = Language.Of(http.Request);
        var provider = actor.Kind == Bookings.Actor.AgencyAdmin ? actor.Scope : null;
        var offered = await services.SearchAsync(new ServiceFilter(provider, point.Id, null, null), language, null, 500, ct);
        if (query.Service is { } only)
        {
            offered = offered.Where(s => s.Id == only).ToList();
            if (offered.Count == 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string,
                    string[]> { ["service"] = ["No service of this point has this id."] });
            }
        }

        var day = query.Date ?? LocalTime.DateIn(clock.GetUtcNow(), point.TimeZone);
        var (from, to) = (LocalTime.StartOfDay(day, point.TimeZone), LocalTime.StartOfDay(day.AddDays(1), point.TimeZone).AddTicks(-1));
        var (state, now) = (await index.StateAsync(ct), clock.GetUtcNow());
        var answers = new List<ServiceFreeTimesResponse>();
        foreach (var summary in offered)
        {
            var service = (await services.FindAsync(summary.Id, ct))!;
            var atPoint = Earliest(state, service, [Channel.InPerson, Channel.RemoteAtPoint], point, from, to, now);
            var remote = Earliest(state, service, [Channel.Video, Channel.Phone], null, from, to, now);
            answers.Add(new ServiceFreeTimesResponse(
                service.Id, summary.NameIn(language), service.ProviderId, summary.ProviderNameIn(language), atPoint, remote));
        }

        return TypedResults.Ok(new FreeTimesResponse(point.Id, day, answers));
    }

    private static IReadOnlyList<FreeTimeResponse> Earliest(IndexState state, ServiceRow service, Channel[] channels,
        ServicePointRow? point, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var asked = channels.Where(service.Channels.Allows).ToList();
        if (asked.Count == 0)
        {
            return [];
        }

        var points = point is null ? [] : state.Catalogue.PointsFor(service, point.Id, null);
        var ask = SearchAsk.Within(service, asked, points, null, null, from, to, now, bindNotice: false);
        var zone = point?.TimeZone ?? LocalTime.Helsinki;
        return IndexSearch.Slots(state, ask, ask.NotBefore, ask.NotAfter.AddTicks(1), now).Take(PerChannelGroup)
            .Select(s => new FreeTimeResponse(LocalTime.InZone(s.Start, zone), LocalTime.InZone(s.End, zone), s.Channel, s.ExpertId,
                state.Catalogue.Experts.GetValueOrDefault(s.ExpertId)?.DisplayName ?? ""))
            .ToList();
    }
}
