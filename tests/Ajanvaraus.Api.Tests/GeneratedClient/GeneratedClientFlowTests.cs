using Ajanvaraus.Api.Tests.GeneratedClient.Client;
using Ajanvaraus.Api.Tests.Infrastructure;
using Ical.Net;
using Microsoft.Extensions.Time.Testing;

namespace Ajanvaraus.Api.Tests.GeneratedClient;

// A portal developer's view: only the client NSwag generated from openapi/ajanvaraus.v1.json, no hand-written HTTP.
// Its exchanges also pass through the contract check of the test host.
public sealed class GeneratedClientFlowTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T08:00:00Z");

    [Fact]
    public async Task GeneratedClientSearchesHoldsBooksMovesCancelsAndExportsAnAppointment()
    {
        await using var app = new AjanvarausApp(clock: new FakeTimeProvider(Now));
        var service = await PublishAsync(app);
        var portal = new AjanvarausClient(app.CreateClient());

        var slots = await portal.SearchAvailabilityAsync(service.Id, servicePoint: "mikkeli", channel: Channel.In_person,
            from: new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), to: new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        var first = slots.Items.First();
        var later = slots.Items.Last();
        Assert.NotEqual(first.Start, later.Start);

        var hold = await portal.CreateHoldAsync(new CreateHoldRequest
        {
            ServiceId = service.Id, Start = first.Start, Channel = first.Channel, ServicePointId = "mikkeli",
        });
        var booking = await portal.CreateBookingAsync(Guid.NewGuid().ToString(), new CreateBookingRequest
        {
            HoldId = hold.Id,
            HoldToken = hold.HoldToken,
            Customer = new CustomerRequest { Name = "Maija Meikäläinen", Email = "maija@example.fi",
                Language = CustomerRequestLanguage.Fi },
        });
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(first.Start, booking.Start);
        Assert.False(string.IsNullOrEmpty(booking.ManageToken));
        var token = booking.ManageToken;

        var read = await portal.GetBookingAsync(booking.Id, x_Manage_Token: token);
        Assert.Equal(booking.Reference, read.Reference);
        Assert.Null(read.ManageToken);

        var moved = await portal.RescheduleBookingAsync(booking.Id, new RescheduleBookingRequest { ExpertId = booking.ExpertId,
            Start = later.Start }, x_Manage_Token: token);
        Assert.Equal(later.Start, moved.Start);

        using var file = await portal.GetBookingCalendarAsync(booking.Id, token: token);
        Assert.Equal(200, file.StatusCode);
        var ics = Calendar.Load(await new StreamReader(file.Stream).ReadToEndAsync(TestContext.Current.CancellationToken))!;
        var entry = Assert.Single(ics.Events);
        Assert.StartsWith(booking.Id.ToString(), entry.Uid);
        Assert.Equal(later.Start.UtcDateTime, entry.DtStart!.AsUtc);

        var cancelled = await portal.CancelBookingAsync(booking.Id, x_Manage_Token: token);
        Assert.Equal(BookingStatus.Cancelled, cancelled.Status);
        var missing = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => portal.GetBookingAsync(booking.Id,
            x_Manage_Token: "not-the-token"));
        Assert.Equal(404, missing.StatusCode);
    }

    // Kela at the Mikkeli point with one expert, weekdays 09-12, set up by an operator and Kela's admin with the same client.
    private static async Task<ServiceResponse> PublishAsync(AjanvarausApp app)
    {
        var op = new AjanvarausClient(app.Operator());
        var kela = new AjanvarausClient(app.AgencyAdmin("kela"));
        await op.CreateProviderAsync(new CreateProviderRequest { Id = "kela", Names = new LocalizedText { Fi = "Kela", Sv = "FPA",
            En = "Kela" } });
        await op.CreateServicePointAsync(new CreateServicePointRequest
        {
            Id = "mikkeli",
            Names = new LocalizedText { Fi = "Mikkelin asiointipiste", Sv = "S:t Michels servicepunkt", En = "Mikkeli service point" },
            MunicipalityCode = "491",
            Address = new PostalAddress { StreetAddress = "Maaherrankatu 9", PostalCode = "50100", PostOffice = "Mikkeli" },
            TimeZone = "Europe/Helsinki",
            OpeningHours = [.. Enumerable.Range(1, 5).Select(day => new OpeningPeriod { Weekday = day, Opens = "08:00",
                Closes = "16:00" })],
            Providers = ["kela"],
        });
        var service = await kela.CreateServiceAsync("kela", new ServiceRequest
        {
            Names = new LocalizedText { Fi = "Asumistuen neuvonta", Sv = "Rådgivning om bostadsbidrag", En = "Housing allowance advice" },
            DurationMinutes = 45,
            Channels = [Channel.In_person, Channel.Video],
            MinimumNoticeMinutes = 60,
            CancellationCutoffMinutes = 60,
        });
        var expert = await kela.CreateExpertAsync("kela", new ExpertRequest { DisplayName = "Kela-asiantuntija", Languages = ["fi"],
            ServiceIds = [service.Id] });
        await kela.CreateAvailabilityRuleAsync(expert.Id, new AvailabilityRuleRequest
        {
            ServicePointId = "mikkeli",
            Channels = [Channel.In_person, Channel.Video],
            StartTime = "09:00",
            EndTime = "12:00",
            Recurrence = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            ValidFrom = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
        });
        return service;
    }
}
