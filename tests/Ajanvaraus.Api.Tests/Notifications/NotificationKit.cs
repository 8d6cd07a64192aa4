using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Notifications;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Ajanvaraus.Api.Tests.Notifications;

internal static class NotificationKit
{
    // Wednesday 2026-11-25 in Mikkeli (+02:00): both default reminders (24 h, 2 h) lie after "now".
    public static DateTimeOffset Wednesday(int hour, int minute = 0) => new(2026, 11, 25, hour, minute, 0, TimeSpan.FromHours(2));

    public static DateTimeOffset Thursday(int hour, int minute = 0) => new(2026, 11, 26, hour, minute, 0, TimeSpan.FromHours(2));

    public static object Customer(string language = "fi", string? email = "maija@example.fi", string? phone = null) =>
        new { name = "Maija Meikäläinen", email, phone, language };

    internal static NotificationJobs Jobs(this BookingWorld world) => world.App.Services.GetRequiredService<NotificationJobs>();

    public static async Task<List<JsonElement>> OutboxAsync(this BookingWorld world, string query = "")
    {
        var body = await (await world.App.Operator().GetAsync($"/api/v1/notifications?limit=200{query}")).ReadJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<JsonElement> RescheduleAsync(this BookingWorld world, JsonElement booking, DateTimeOffset start)
    {
        using var request = BookingWorld.WithToken(
            HttpMethod.Post, $"/api/v1/bookings/{booking.Id()}/reschedule", booking.GetProperty("manageToken").GetString()!,
            new { expertId = world.Expert, start });
        return await (await world.App.CreateClient().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    public static async Task CancelAsync(this BookingWorld world, JsonElement booking)
    {
        using var request = BookingWorld.WithToken(
            HttpMethod.Post, $"/api/v1/bookings/{booking.Id()}/cancel", booking.GetProperty("manageToken").GetString()!, new { });
        await (await world.App.CreateClient().SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    public static Calendar CalendarOf(MimeMessage message)
    {
        var part = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        return Calendar.Load(part.Text)!;
    }

    public static string CalendarMethodParameter(MimeMessage message)
    {
        var part = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        return part.ContentType.Parameters["method"] ?? "";
    }

    public static List<MimeMessage> Drain(this SmtpSink sink)
    {
        var list = new List<MimeMessage>();
        while (sink.Messages.TryDequeue(out var m))
        {
            list.Add(m);
        }

        return list;
    }

    // Whether an outbox item is of this kind (and channel, and status, when given).
    public static bool Is(this JsonElement n, string kind, string? channel = null, string? status = null) =>
        n.GetProperty("kind").GetString() == kind
        && (channel is null || n.GetProperty("channel").GetString() == channel)
        && (status is null || n.GetProperty("status").GetString() == status);

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static void Advance(this BookingWorld world, DateTimeOffset to) => world.Clock.SetUtcNow(to);

    public static JsonContent Json(object body) => JsonContent.Create(body);
}
