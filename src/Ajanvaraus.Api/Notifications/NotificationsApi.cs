using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Notifications;

public sealed record NotificationResponse(
    Guid Id, Guid BookingId,
    [property: Description("confirmation, change, cancellation or reminder.")] string Kind,
    [property: Description("email, sms, or none (the customer gave no contact).")] string Channel,
    [property: Description("pending, failed (retrying), dead (out of attempts), sent or unaddressed.")] string Status,
    DateTimeOffset DueAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, int Attempts, string? LastError, int Sequence,
    DateTimeOffset CreatedAt);

public sealed record NotificationsQuery(
    [property: RegularExpression(
        "^(pending|failed|dead|sent|unaddressed)$", ErrorMessage = "Use pending, failed, dead, sent or unaddressed.")]
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "bookingId")] Guid? BookingId,
    [property: Range(1, 200), Description("How many items at most (1-200, default 50).")] [FromQuery(Name = "limit")] int? Limit,
    [property: StringLength(400), Description("The `nextCursor` of the previous page.")] [FromQuery(Name = "cursor")] string? Cursor);

// The outbox for operators: what was sent, what waits, what gave up; and a way to try a dead message again.
internal static class NotificationsApi
{
    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Operator);

        group.MapGet("/", ListAsync)
            .WithName("ListNotifications")
            .WithSummary("List outbox messages")
            .WithDescription("""
                Messages to customers (confirmation, change, cancellation, reminders) by status and booking, oldest first.
                Operators only.
                """);

        group.MapGet("/channels", ChannelsAsync)
            .WithName("ListNotificationChannels")
            .WithSummary("List the message channels and whether they can deliver")
            .WithDescription("""
                email and sms: whether a sender is configured, the setting that configures it, and how many messages wait.
                A channel without a sender makes /health/ready degraded. Operators only.
                """);

        group.MapPost("/{notificationId:guid}/retry", RetryAsync)
            .WithName("RetryNotification")
            .WithSummary("Send a failed or dead message again")
            .WithDescription("Makes the message due now; the dispatcher sends it once. 409 when it is not failed or dead.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    private static readonly ListCursor Cursor = new("notifications");

    private static async Task<Results<Ok<Page<NotificationResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] NotificationsQuery query, NotificationStore store, HttpRequest request, CancellationToken ct)
    {
        var page = new PageQuery(query.Limit, query.Cursor);
        if (!Cursor.TryReadGuid(page.Cursor, out var after))
        {
            return ListCursor.Invalid();
        }

        var rows = await store.ListAsync(query.Status, query.BookingId, after, page.Take + 1, ct);
        var language = Language.Of(request);
        return TypedResults.Ok(Page<NotificationResponse>.From(
            rows, page.Take, Cursor, r => r.Id.ToString("D"), r => ToResponse(r, language)));
    }

    private static async Task<Ok<NotificationChannelsResponse>> ChannelsAsync(
        NotificationStore store, IOptions<NotificationOptions> options, HttpRequest request, CancellationToken ct)
    {
        var settings = options.Value;
        var health = await store.HealthAsync(settings.EmailEnabled, settings.SmsEnabled, ct);
        return TypedResults.Ok(NotificationChannels.List(settings, health, Language.Of(request)));
    }

    private static async Task<Results<Ok<NotificationResponse>, NotFound, ProblemHttpResult>> RetryAsync(
        [Description("The message id.")] Guid notificationId, NotificationStore store, HttpRequest request,
        CancellationToken ct)
    {
        if (await store.FindAsync(notificationId, ct) is not { } row)
        {
            return TypedResults.NotFound();
        }

        if (!await store.RetryAsync(row, ct))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Not retryable",
                detail: $"The message is {row.Status}; only failed or dead messages can be retried.");
        }

        return TypedResults.Ok(ToResponse((await store.FindAsync(notificationId, ct))!, Language.Of(request)));
    }

    private static NotificationResponse ToResponse(NotificationRow r, string language) => new(
        r.Id, r.BookingId, r.Kind, r.Channel, r.Status, r.DueAt, r.NextAttemptAt, r.SentAt, r.Attempts,
        r.LastError is { } error ? ProblemTexts.Translate(error, language) : null, r.Sequence, r.CreatedAt);
}
