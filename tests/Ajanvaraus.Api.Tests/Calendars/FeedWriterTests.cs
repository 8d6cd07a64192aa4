using Ajanvaraus.Api.Calendars.Feeds;
using Ical.Net;

namespace Ajanvaraus.Api.Tests.Calendars;

public sealed class FeedWriterTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T08:00:00Z");

    private static FeedBookingRow Row(int i, string zone = "Europe/Helsinki") => new()
    {
        Id = Guid.CreateVersion7(), Reference = $"ABCD-{i:D4}", ProviderId = "kela", Channel = "in_person", StartsAt = Start.AddMinutes(15 * i),
        EndsAt = Start.AddMinutes((15 * i) + 45), Status = "confirmed", CustomerName = "Maija", CustomerPhone = "+358401234567", Sequence = i,
        UpdatedAt = Start, ServiceNameFi = "Palvelu", ServiceNameSv = "Tjänst", ServiceNameEn = "Service", ProviderNameFi = "Kela",
        ProviderNameSv = "FPA", ProviderNameEn = "Kela", PointNameFi = "Mikkeli", PointNameSv = "S:t Michel", PointNameEn = "Mikkeli",
        StreetAddress = "Maaherrankatu 9", PostalCode = "50100", PostOffice = "Mikkeli", TimeZone = zone, ExpertName = "Anna",
    };

    [Fact]
    public void AFeedJoinedFromCachedEventsIsTheSameCalendarAsAFreshOne()
    {
        var feed = new FeedRow { Kind = FeedKinds.Expert, Language = "fi" };
        var rows = Enumerable.Range(0, 50).Select(i => Row(i, i % 2 == 0 ? "Europe/Helsinki" : "Europe/Stockholm")).ToList();

        var first = FeedWriter.Write(feed, rows, showCustomers: true, _ => "mailto:no-reply@example.fi");
        var again = FeedWriter.Write(feed, rows, showCustomers: true, _ => "mailto:no-reply@example.fi");

        Assert.Equal(first, again);
        var calendar = Calendar.Load(again)!;
        Assert.Equal(50, calendar.Events.Count);
        Assert.Equal(2, calendar.TimeZones.Count);
        Assert.Equal(rows.Select(r => $"{r.Id}@ajanvaraus"), calendar.Events.Select(e => e.Uid));
        Assert.Equal(rows.Select(r => r.Sequence), calendar.Events.Select(e => e.Sequence));
        Assert.EndsWith("END:VCALENDAR\r\n", again);
    }

    [Fact]
    public void WithoutCustomersNeitherNameNorPhoneIsWritten()
    {
        var feed = new FeedRow { Kind = FeedKinds.ServicePoint, Language = "en" };
        var text = FeedWriter.Write(feed, [Row(1) with { Channel = "phone" }], showCustomers: false, _ => "mailto:no-reply@example.fi");

        Assert.DoesNotContain("Maija", text);
        Assert.DoesNotContain("358401234567", text.Replace("\r\n ", ""));
    }
}
