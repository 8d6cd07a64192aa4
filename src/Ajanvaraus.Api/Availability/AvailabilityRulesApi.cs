using System.ComponentModel;
using System.Security.Claims;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Availability;

internal static class AvailabilityRulesApi
{
    public static RouteGroupBuilder MapAvailabilityRules(this IEndpointRouteBuilder app)
    {
        // Agency admins manage only their own provider's experts (checked per request: 403 otherwise, reads too).
        var group = app.MapGroup("/experts/{expertId:guid}/availability-rules")
            .AddEndpointFilter<ExpertAccessFilter>()
            .WithTags("Availability")
            .RequireAuthorization(Policies.AgencyAdmin);

        group.MapGet("/", ListAsync)
            .WithName("ListAvailabilityRules")
            .WithSummary("List an expert's availability rules")
            .WithDescription("The recurring and one-off rules the expert's windows are expanded from. Only the expert's own agency admins.");

        group.MapGet("/{ruleId:guid}", GetAsync)
            .WithName("GetAvailabilityRule")
            .WithSummary("Get an availability rule")
            .WithDescription("404 when the expert has no such rule.")
            .WithExamples(response: Example.Response);

        group.MapPost("/", CreateAsync)
            .WithName("CreateAvailabilityRule")
            .WithSummary("Add an availability rule")
            .WithDescription("""
                The expert is available from startTime to endTime (HH:mm, 5-minute steps, local time of the service point;
                Europe/Helsinki for a remote rule without servicePointId) on every day the RFC 5545 RRULE in `recurrence`
                gives from validFrom (to validUntil), or once on validFrom without a recurrence. Finnish public holidays,
                point closures and the expert's absences are taken out, and in person only within the point's opening hours
                (the rule's other channels keep its whole time). A rule with in_person whose times lie wholly outside the
                point's opening hours on every day it gives is refused with 400: `recurrence` (or `validFrom` for a one-off)
                when the point never opens on its days, otherwise `startTime` and `endTime`. The windows change at once;
                existing bookings are never changed, but one no longer covered shows in the provider's conflicts.
                """)
            .WithExamples(request: Example.Request, response: Example.Response);

        group.MapPut("/{ruleId:guid}", UpdateAsync)
            .WithName("UpdateAvailabilityRule")
            .WithSummary("Replace an availability rule")
            .WithDescription("""
                Takes effect at once for the windows; bookings are not changed (see the provider's conflicts). Validated as
                when adding a rule, opening hours included.
                """)
            .WithExamples(request: Example.Request, response: Example.Response);

        group.MapDelete("/{ruleId:guid}", DeleteAsync)
            .WithName("DeleteAvailabilityRule")
            .WithSummary("Delete an availability rule")
            .WithDescription("Its windows go at once; bookings are not changed (see the provider's conflicts).");

        return group;
    }

    private static class Example
    {
        private static readonly Guid ExpertId = Guid.Parse("01990b6e-55aa-7c3e-9d1f-2b7a4c9e0a11");
        private static readonly Guid RuleId = Guid.Parse("01990b6f-0c2d-7f41-8a5e-6d3b2c1f0e22");

        public static readonly AvailabilityRuleRequest Request = new(
            [Channel.InPerson, Channel.RemoteAtPoint], "09:00", "12:00", new DateOnly(2026, 11, 2), "mikkeli", "FREQ=WEEKLY;BYDAY=MO,WE",
                new DateOnly(2027, 5, 31));

        public static readonly AvailabilityRuleResponse Response = new(
            RuleId, ExpertId, "mikkeli", [Channel.InPerson, Channel.RemoteAtPoint], "09:00", "12:00", "FREQ=WEEKLY;BYDAY=MO,WE",
                new DateOnly(2026, 11, 2), new DateOnly(2027, 5, 31));
    }

    private static readonly ListCursor Cursor = new("availability-rules");

    private static async Task<Results<Ok<Page<AvailabilityRuleResponse>>, ValidationProblem, NotFound>> ListAsync(
        [Description("The expert's id.")] Guid expertId,
        [AsParameters] PageQuery page,
        AvailabilityRuleStore store,
        CancellationToken ct)
    {
        if (!Cursor.TryReadGuid(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var rows = await store.ListAsync(expertId, after, page.Take + 1, ct);
        return TypedResults.Ok(Page<AvailabilityRuleResponse>.From(rows, page.Take, Cursor, row => row.Id.ToString(),
            row => row.ToResponse()));
    }

    private static async Task<Results<Ok<AvailabilityRuleResponse>, NotFound>> GetAsync(
        [Description("The expert's id.")] Guid expertId,
        [Description("The rule's id.")] Guid ruleId,
        AvailabilityRuleStore store,
        CancellationToken ct)
    {

        return await store.FindAsync(expertId, ruleId, ct) is { } row ? TypedResults.Ok(row.ToResponse()) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<AvailabilityRuleResponse>, ValidationProblem, NotFound>> CreateAsync(
        [Description("The expert's id.")] Guid expertId,
        AvailabilityRuleRequest body,
        HttpContext http,
        AvailabilityRuleStore store,
        Data.Db db, CancellationToken ct)
    {
        var providerId = ExpertAccessFilter.ProviderOf(http);

        if (await ValidateAsync(body, providerId, store, ct) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var row = AvailabilityRuleRow.From(db.NewId(), expertId, body);
        await store.InsertAsync(row, ct);
        return TypedResults.Created($"/api/v1/experts/{expertId}/availability-rules/{row.Id}", row.ToResponse());
    }

    private static async Task<Results<Ok<AvailabilityRuleResponse>, ValidationProblem, NotFound>> UpdateAsync(
        [Description("The expert's id.")] Guid expertId,
        [Description("The rule's id.")] Guid ruleId,
        AvailabilityRuleRequest body,
        HttpContext http,
        AvailabilityRuleStore store,
        CancellationToken ct)
    {
        var providerId = ExpertAccessFilter.ProviderOf(http);

        if (await ValidateAsync(body, providerId, store, ct) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var row = AvailabilityRuleRow.From(ruleId, expertId, body);
        return await store.UpdateAsync(row, ct) ? TypedResults.Ok(row.ToResponse()) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        [Description("The expert's id.")] Guid expertId,
        [Description("The rule's id.")] Guid ruleId,
        AvailabilityRuleStore store,
        CancellationToken ct)
    {

        return await store.DeleteAsync(expertId, ruleId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(AvailabilityRuleRequest body, string providerId,
        AvailabilityRuleStore store, CancellationToken ct)
    {
        var errors = RuleValidation.Validate(body);
        if (body.ServicePointId is { } pointId && !await store.ProviderServesPointAsync(providerId, pointId, ct))
        {
            errors["servicePointId"] = [$"No service point '{pointId}' at which provider '{providerId}' serves."];
        }

        if (errors.Count == 0 && body.ServicePointId is { } point && body.Channels.Contains(Channel.InPerson))
        {
            RuleValidation.AddOpeningHoursErrors(errors, body, await store.PointHoursAsync(point, ct));
        }

        return errors;
    }
}
