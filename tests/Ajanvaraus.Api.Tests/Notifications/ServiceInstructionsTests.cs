using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ajanvaraus.Api.Tests.Bookings;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ical.Net;
using static Ajanvaraus.Api.Tests.Notifications.NotificationKit;

namespace Ajanvaraus.Api.Tests.Notifications;

// Issue 24, 2: citizens read the service's own text for them (what to bring, how to prepare); the advisers' card is staff's.
public sealed class ServiceInstructionsTests
{
    private const string CardEn = "Refer to the adviser when needed. Primary channel: remote service.";
    private const string BringEn = "Bring your lease and last month's payslip.";

    [Fact]
    public async Task MessagesTheBookingTheIcsAndThePublicServiceShowTheCitizenTextNotTheCard()
    {
        await using var smtp = new SmtpSink();
        await using var world = await BookingWorld.CreateAsync(settings: smtp.Settings());
        await DescribeAsync(world);

        var booking = await world.BookOkAsync(world.Booking(Wednesday(9), customer: Customer("en")));
        // The answer follows the request's Accept-Language (none: Finnish); the message, the customer's language.
        Assert.Equal("Ota mukaan vuokrasopimus.", booking.GetProperty("instructions").GetString());
        Assert.Equal(1, await world.Jobs().DispatchBookingAsync(booking.Id(), default));
        var mail = Assert.Single(smtp.Drain());
        Assert.Contains($"What to bring: {BringEn}", mail.TextBody);
        Assert.DoesNotContain("Primary channel", mail.TextBody);
        Assert.DoesNotContain("Primary channel", mail.HtmlBody);
        Assert.Contains(BringEn, Assert.Single(CalendarOf(mail).Events).Description);

        var token = booking.GetProperty("manageToken").GetString()!;
        var ics = await world.App.CreateClient().GetStringAsync($"/api/v1/bookings/{booking.Id()}/calendar.ics?token={token}");
        var ev = Assert.Single(Calendar.Load(ics)!.Events);
        Assert.Contains(BringEn, ev.Description);
        Assert.DoesNotContain("Primary channel", ev.Description);

        var anonymous = world.App.CreateClient();
        anonymous.DefaultRequestHeaders.Add("Accept-Language", "en");
        var service = await (await anonymous.GetAsync($"/api/v1/providers/kela/services/{world.ServiceId}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(BringEn, service.GetProperty("instruction").GetString());
        Assert.Equal("Ota mukaan vuokrasopimus.", service.GetProperty("instructions").GetProperty("fi").GetString());
        Assert.False(service.TryGetProperty("card", out var card) && card.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task StaffStillSeeTheCardBesideTheCitizenText()
    {
        await using var world = await BookingWorld.CreateAsync();
        await DescribeAsync(world);
        var service = await (await world.App.AgencyAdmin("kela").GetAsync($"/api/v1/providers/kela/services/{world.ServiceId}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(CardEn, service.GetProperty("card").GetProperty("en").GetString());
        Assert.Equal(BringEn, service.GetProperty("instructions").GetProperty("en").GetString());
    }

    private static async Task DescribeAsync(BookingWorld world)
    {
        var response = await world.App.AgencyAdmin("kela").PutAsJsonAsync($"/api/v1/providers/kela/services/{world.ServiceId}", new
        {
            names = new { fi = "Asumistuen neuvonta", sv = "Rådgivning om bostadsbidrag", en = "Housing allowance advice" },
            durationMinutes = 45,
            channels = new[] { "in_person", "remote_at_point", "video", "phone" },
            minimumNoticeMinutes = 60,
            bookingHorizonDays = 60,
            cancellationCutoffMinutes = 60,
            card = new { fi = "Ohjaa tarvittaessa palveluneuvojalle.", sv = (string?)null, en = CardEn },
            instructions = new { fi = "Ota mukaan vuokrasopimus.", sv = (string?)null, en = BringEn },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
