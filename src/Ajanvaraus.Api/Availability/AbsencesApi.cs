using System.ComponentModel;
using System.Security.Claims;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Availability;

internal static class AbsencesApi
{
    public static RouteGroupBuilder MapAbsences(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/experts/{expertId:guid}/absences")
            .AddEndpointFilter<ExpertAccessFilter>()
            .WithTags("Availability")
            .RequireAuthorization(Policies.AgencyAdmin);

        group.MapGet("/", ListAsync)
            .WithName("ListAbsences")
            .WithSummary("List an expert's absences")
            .WithDescription("Times the expert is away; their windows are cut around them. Only the expert's own agency admins.");

        group.MapPost("/", CreateAsync)
            .WithName("CreateAbsence")
            .WithSummary("Add an absence")
            .WithDescription("The time from startsAt to endsAt is cut out of the expert's windows at once. Bookings are not changed; one no longer covered shows in the provider's conflicts.")
            .WithExamples(request: Example.Request, response: Example.Response);

        group.MapDelete("/{absenceId:guid}", DeleteAsync)
            .WithName("DeleteAbsence")
            .WithSummary("Delete an absence")
            .WithDescription("The expert's windows come back at once.");

        return group;
    }

    private static class Example
    {
        private static readonly DateTimeOffset Starts = new(2026, 12, 14, 8, 0, 0, TimeSpan.FromHours(2));
        private static readonly DateTimeOffset Ends = new(2026, 12, 18, 16, 0, 0, TimeSpan.FromHours(2));

        public static readonly CreateAbsenceRequest Request = new(Starts, Ends, "Koulutus");

        public static readonly AbsenceResponse Response = new(
            Guid.Parse("01990b70-3e1a-7b52-9c4d-1a2b3c4d5e66"), Guid.Parse("01990b6e-55aa-7c3e-9d1f-2b7a4c9e0a11"), Starts, Ends,
                "Koulutus");
    }

    private static readonly ListCursor Cursor = new("absences");

    private static async Task<Results<Ok<Page<AbsenceResponse>>, ValidationProblem, NotFound>> ListAsync(
        [Description("The expert's id.")] Guid expertId,
        [AsParameters] PageQuery page,
        AbsenceStore store,
        CancellationToken ct)
    {
        if (!Cursor.TryReadGuid(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var rows = await store.ListAsync(expertId, after, page.Take + 1, ct);
        return TypedResults.Ok(Page<AbsenceResponse>.From(rows, page.Take, Cursor, row => row.Id.ToString(), row => row.ToResponse()));
    }

    private static async Task<Results<Created<AbsenceResponse>, ValidationProblem, NotFound>> CreateAsync(
        [Description("The expert's id.")] Guid expertId,
        CreateAbsenceRequest body,
        AbsenceStore store,
        Data.Db db, CancellationToken ct)
    {

        if (body.EndsAt <= body.StartsAt)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["endsAt"] = ["endsAt must be after startsAt."] });
        }

        var row = new AbsenceRow(db.NewId(), expertId, body.StartsAt!.Value.ToUniversalTime(), body.EndsAt!.Value.ToUniversalTime(),
            body.Reason);
        // The answer is made before the write: one that cannot be made (it once failed on year 9999) must not leave a row.
        var created = row.ToResponse();
        await store.InsertAsync(row, ct);
        return TypedResults.Created($"/api/v1/experts/{expertId}/absences/{row.Id}", created);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        [Description("The expert's id.")] Guid expertId,
        [Description("The absence's id.")] Guid absenceId,
        AbsenceStore store,
        CancellationToken ct)
    {

        return await store.DeleteAsync(expertId, absenceId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
