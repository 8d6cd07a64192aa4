using System.ComponentModel;
using Ajanvaraus.Api.Advisers;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Ajanvaraus.Api.Providers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Calendars.Feeds;

// Creating, listing and revoking feeds, per kind of owner; each collection behind its owner's existing access check.
internal static class FeedsApi
{
    public const string Tag = "Calendars";

    private static readonly ListCursor Cursor = new("feeds");

    // The advisers of a point (PointAccessFilter keeps them to their own) and operators; not an agency's admin, whom a
    // point's feed would show other agencies' bookings. Registered in CalendarsExtensions beside Identity's policies.
    public const string PointFeedsPolicy = "point-feeds";

    public static void AddPointFeedsPolicy(AuthorizationBuilder builder) =>
        builder.AddPolicy(PointFeedsPolicy, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(Roles.Operator)
            || (context.User.IsInRole(Roles.Adviser) && context.User.HasClaim(c => c.Type == ClaimNames.ServicePoint))));

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        var experts = app.MapGroup("/experts/{expertId:guid}/feeds").WithTags(Tag)
            .AddEndpointFilter<ExpertAccessFilter>().RequireAuthorization(Policies.AgencyAdmin);
        Map(experts, "Expert", "one expert's bookings (with the customers' names and phone numbers)",
            http => FeedOwner.Expert(Guid.Parse((string)http.Request.RouteValues["expertId"]!)));

        var providers = app.MapGroup("/providers/{providerId}/feeds").WithTags(Tag)
            .RequireAuthorization(Policies.AgencyAdmin).RequireOwnProvider().AddEndpointFilter<ProviderExistsFilter>();
        Map(providers, "Provider", "every booking of the provider (with the customers' names and phone numbers)",
            http => FeedOwner.Provider((string)http.Request.RouteValues["providerId"]!));

        // A point's feed holds every agency's bookings there: its advisers and operators, not one agency's admin.
        var points = app.MapGroup("/service-points/{servicePointId}/feeds").WithTags(Tag)
            .AddEndpointFilter<PointAccessFilter>()
            .RequireAuthorization(PointFeedsPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        Map(points, "ServicePoint", "every agency's bookings at the point (customers named only if `Calendars:PointFeedsShowCustomers`)",
            http => FeedOwner.Point(PointAccessFilter.Of(http).Point.Id));
    }

    private static void Map(RouteGroupBuilder group, string name, string holds, Func<HttpContext, FeedOwner> owner)
    {
        group.ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", (CreateFeedRequest body, HttpContext http, FeedStore store, TimeProvider clock, Data.Db db,
                PublicBaseUrl urls, CancellationToken ct) =>
                CreateAsync(owner(http), body, http, store, clock, db, urls, ct))
            .WithName($"Create{name}Feed")
            .WithSummary("Create a subscribable calendar feed")
            .WithDescription($"""
                A secret iCalendar feed of {holds}, from 30 days back to the availability horizon, cancellations of the
                last 30 days as STATUS:CANCELLED. The answer shows its URL (and the same as webcal://) once: only a hash of
                the token is kept. Its texts are in the caller's Accept-Language.
                """);
        group.MapGet("/", (HttpContext http, [AsParameters] PageQuery page, FeedStore store, CancellationToken ct) =>
                ListAsync(owner(http), page, store, ct))
            .WithName($"List{name}Feeds")
            .WithSummary("List the calendar feeds")
            .WithDescription("The feeds made here, without their URLs (those were shown once).");
        group.MapDelete("/{feedId:guid}", ([Description("The feed's id.")] Guid feedId, HttpContext http, FeedStore store,
                CancellationToken ct) => DeleteAsync(owner(http), feedId, store, ct))
            .WithName($"Delete{name}Feed")
            .WithSummary("Revoke a calendar feed")
            .WithDescription("Its URL answers 404 from now on.");
    }

    private static async Task<Results<Created<CreatedFeedResponse>, ValidationProblem, NotFound>> CreateAsync(
        FeedOwner owner, CreateFeedRequest body, HttpContext http, FeedStore store, TimeProvider clock, Data.Db db, PublicBaseUrl urls,
        CancellationToken ct)
    {
        var token = ManageToken.Create();
        var row = new FeedRow
        {
            Id = db.NewId(), TokenHash = ManageToken.Hash(token), Kind = owner.Kind, ExpertId = owner.ExpertId,
            ProviderId = owner.ProviderId, ServicePointId = owner.ServicePointId, Name = body.Name,
            Language = Language.Of(http.Request), CreatedAt = clock.GetUtcNow(),
        };
        await store.InsertAsync(row, ct);
        var url = urls.Absolute($"/api/v1/feeds/{token}.ics", http.Request);
        return TypedResults.Created($"{http.Request.Path}/{row.Id}", row.ToCreated(url, PublicBaseUrl.Webcal(url)));
    }

    private static async Task<Results<Ok<Page<FeedResponse>>, ValidationProblem>> ListAsync(
        FeedOwner owner, PageQuery page, FeedStore store, CancellationToken ct)
    {
        if (!Cursor.TryReadGuid(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var rows = await store.ListAsync(owner, after, page.Take + 1, ct);
        return TypedResults.Ok(Page<FeedResponse>.From(rows, page.Take, Cursor, row => row.Id.ToString(), row => row.ToResponse()));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        FeedOwner owner, Guid feedId, FeedStore store, CancellationToken ct) =>
        await store.DeleteAsync(owner, feedId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}

// /providers/{providerId}/feeds of an unknown provider is 404 (after the own-provider check).
internal sealed class ProviderExistsFilter(ProviderStore providers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.RouteValues["providerId"] is string id
            && await providers.FindAsync(id, context.HttpContext.RequestAborted) is not null
            ? await next(context)
            : TypedResults.NotFound();
}
