using System.ComponentModel;
using System.Security.Claims;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Availability;

internal static class WindowsApi
{
    public static RouteGroupBuilder MapWindows(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/experts/{expertId:guid}/windows").AddEndpointFilter<ExpertAccessFilter>().WithTags("Availability").RequireAuthorization(Policies.AgencyAdmin);

        group.MapGet("/", ListWindowsAsync)
            .WithName("ListExpertWindows")
            .WithSummary("List an expert's availability windows")
            .WithDescription($"""
                The expert's published time from `from` to `to` (local days, Finnish time; at most {WindowsQuery.MaxDays} days apart),
                as expanded from the rules and cut by holidays, closures and absences, sorted by start; a rule's time outside its
                point's opening hours is its own window without in_person. Search joins windows that touch. Times carry the service
                point's UTC offset (Europe/Helsinki's for remote windows). Windows are kept for the day before today and the
                configured horizon ahead (90 days by default); days outside it are empty.
                """)
            .WithExamples(response: new[]
            {
                new WindowResponse(
                    new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.FromHours(2)),
                    new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.FromHours(2)),
                    Guid.Parse("01990b6f-0c2d-7f41-8a5e-6d3b2c1f0e22"),
                    "mikkeli",
                    [Channel.InPerson, Channel.RemoteAtPoint]),
            });

        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<WindowResponse>>, ValidationProblem, NotFound>> ListWindowsAsync(
        [Description("The expert's id.")] Guid expertId,
        [AsParameters] WindowsQuery query,
        WindowStore store,
        TimeProvider clock,
        CancellationToken ct)
    {

        var from = query.From ?? LocalTime.DateIn(clock.GetUtcNow(), LocalTime.Helsinki);
        var to = query.To ?? from.AddDays(WindowsQuery.DefaultDays);
        if (to < from)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to must be on or after from."] });
        }

        if (to.DayNumber - from.DayNumber > WindowsQuery.MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string,
                string[]> { ["to"] = [$"Ask for at most {WindowsQuery.MaxDays} days at a time."] });
        }

        var rows = await store.ListAsync(
            expertId, LocalTime.ToUtc(from, TimeOnly.MinValue, LocalTime.Helsinki), LocalTime.ToUtc(to.AddDays(1), TimeOnly.MinValue,
                LocalTime.Helsinki), ct);
        return TypedResults.Ok<IReadOnlyList<WindowResponse>>(rows.Select(row => row.ToResponse()).ToList());
    }
}
