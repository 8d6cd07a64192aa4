using System.Text;
using Ajanvaraus.Api.Calendars;
using Ical.Net;
using Ical.Net.CalendarComponents;

namespace Ajanvaraus.Api.Tests.Calendars;

public sealed class IcsWriterTests
{
    private const string Helsinki = "Europe/Helsinki";
    private static readonly Guid Id = Guid.Parse("0198f6a2-7c1e-7d3a-9b1f-2a4c6e8f0a12");

    private static IcsBooking Booking(DateTimeOffset? start = null) => new(
        Id,
        "ACDE-FGHJ",
        Sequence: 0,
        Start: start ?? new DateTimeOffset(2026, 6, 15, 7, 0, 0, TimeSpan.Zero),
        End: (start ?? new DateTimeOffset(2026, 6, 15, 7, 0, 0, TimeSpan.Zero)).AddMinutes(45),
        TimeZone: Helsinki,
        Summary: "Ajanvaraus: Asumistuki (Kela)",
        Description: "Varaustunnus: ACDE-FGHJ",
        Location: "Mikkelin asiointipiste, Maaherrankatu 9, 50100 Mikkeli",
        MeetingUrl: null,
        Cancelled: false,
        Stamp: new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero),
        Language: "fi");

    private static CalendarEvent SingleEvent(string ics)
    {
        var calendar = Calendar.Load(ics)!;
        return Assert.Single(calendar.Events);
    }

    [Fact]
    public void ConfirmedBookingIsOnePublishedConfirmedEventWithStableUid()
    {
        var ics = IcsWriter.Write(Booking());

        var calendar = Calendar.Load(ics)!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal(IcsWriter.ProductId, calendar.ProductId);
        Assert.Equal($"{Id}@ajanvaraus", ev.Uid);
        Assert.Equal(0, ev.Sequence);
        Assert.Equal("CONFIRMED", ev.Status);
        Assert.Equal(new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc), ev.DtStamp!.AsUtc);
        Assert.Equal("Ajanvaraus: Asumistuki (Kela)", ev.Summary);
        Assert.Equal("Mikkelin asiointipiste, Maaherrankatu 9, 50100 Mikkeli", ev.Location);
        Assert.Null(ev.Url);
        Assert.Equal("fi", ev.Properties["SUMMARY"]!.Parameters.Get("LANGUAGE"));
    }

    [Theory]
    [InlineData("2026-10-25T08:00:00Z", 10)] // clocks went back at 04:00 that morning: +02:00
    [InlineData("2027-03-28T07:00:00Z", 10)] // clocks went forward at 03:00 that morning: +03:00
    [InlineData("2026-06-15T07:00:00Z", 10)]
    [InlineData("2026-01-15T08:00:00Z", 10)]
    public void StartAndEndAreLocalTimesInThePointsZoneThatNameTheBookedInstant(string utcStart, int localHour)
    {
        var start = DateTimeOffset.Parse(utcStart);

        var ev = SingleEvent(IcsWriter.Write(Booking(start)));

        Assert.Equal(Helsinki, ev.DtStart!.TzId);
        Assert.Equal(Helsinki, ev.DtEnd!.TzId);
        Assert.Equal(localHour, ev.DtStart.Hour);
        Assert.Equal(0, ev.DtStart.Minute);
        Assert.Equal(45, ev.DtEnd.Minute);
        Assert.Equal(start.UtcDateTime, ev.DtStart.AsUtc);
        Assert.Equal(start.UtcDateTime.AddMinutes(45), ev.DtEnd.AsUtc);
    }

    [Fact]
    public void StartIsWrittenAsWallClockTimeWithTzid()
    {
        var ics = IcsWriter.Write(Booking(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero)));

        Assert.Contains("\r\nDTSTART;TZID=Europe/Helsinki:20261025T100000\r\n", ics);
        Assert.Contains("\r\nDTEND;TZID=Europe/Helsinki:20261025T104500\r\n", ics);
    }

    [Fact]
    public void BookingInTheRepeatedHourWhenClocksGoBackKeepsItsInstant()
    {
        // 01:30Z is the second 03:30 in Helsinki that night; a TZID time would be read as the first one.
        var start = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero);

        var ev = SingleEvent(IcsWriter.Write(Booking(start)));

        Assert.Equal(start.UtcDateTime, ev.DtStart!.AsUtc);
        Assert.Equal(start.UtcDateTime.AddMinutes(45), ev.DtEnd!.AsUtc);
    }

    [Fact]
    public void CalendarCarriesTheTimeZoneDefinition()
    {
        var ics = IcsWriter.Write(Booking(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero)));

        var zone = Assert.Single(Calendar.Load(ics)!.TimeZones);
        Assert.Equal(Helsinki, zone.TzId);
        Assert.Contains("BEGIN:STANDARD", ics);
        Assert.Contains("BEGIN:DAYLIGHT", ics);
    }

    [Fact]
    public void RescheduledBookingKeepsItsUidWithAHigherSequence()
    {
        var first = Booking();
        var moved = first with { Sequence = 1, Start = first.Start.AddDays(2), End = first.End.AddDays(2) };

        var before = SingleEvent(IcsWriter.Write(first));
        var after = SingleEvent(IcsWriter.Write(moved));

        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(1, after.Sequence);
        Assert.Equal(moved.Start.UtcDateTime, after.DtStart!.AsUtc);
    }

    [Fact]
    public void CancelledBookingIsACancelledEvent()
    {
        var ics = IcsWriter.Write(Booking() with { Sequence = 2, Cancelled = true });

        var calendar = Calendar.Load(ics)!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", ev.Status);
        Assert.Equal(2, ev.Sequence);
        Assert.Equal($"{Id}@ajanvaraus", ev.Uid);
    }

    [Fact]
    public void VideoBookingCarriesTheMeetingLink()
    {
        var link = "https://meet.example.fi/j/123?pwd=a,b;c";
        var ics = IcsWriter.Write(Booking() with { Location = link, MeetingUrl = link });

        var ev = SingleEvent(ics);
        Assert.Equal(new Uri(link), ev.Url);
        Assert.Equal(link, ev.Location);
    }

    [Fact]
    public void PunctuationLineBreaksAndFinnishLettersSurviveTheRoundTrip()
    {
        var summary = "Tidsbokning: Bostadsbidrag; rådgivning, Åland (Kela)";
        var description = "Varaustunnus: ACDE-FGHJ\nPaikka: Yhteispalvelupiste, Kööpenhaminankatu 1; 2. krs\\B, Äänekoski\n\nKiitos!";
        var location = "Pälkäneen asiointipiste, Keskustie 1, 36600 Pälkäne";

        var ev = SingleEvent(IcsWriter.Write(Booking() with { Summary = summary, Description = description, Location = location }));

        Assert.Equal(summary, ev.Summary);
        Assert.Equal(description, ev.Description);
        Assert.Equal(location, ev.Location);
    }

    [Fact]
    public void LongTextIsFoldedTo75OctetLinesAndParsesBackIdentical()
    {
        var description = string.Join('\n', Enumerable.Range(1, 12).Select(i =>
            $"Rivi {i}: ota mukaan henkilöllisyystodistus, päätökset ja tiliotteet; ääkköset å, ä, ö eivät katkea kesken."));

        var ics = IcsWriter.Write(Booking() with { Description = description });

        var lines = ics.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75,
            $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.Equal(description, SingleEvent(ics).Description);
    }

    [Fact]
    public void EveryLineEndsWithCrlf()
    {
        var ics = IcsWriter.Write(Booking() with { Description = "a\nb\nc" });

        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain('\r', ics.Replace("\r\n", ""));
        Assert.DoesNotContain('\n', ics.Replace("\r\n", ""));
    }

    [Theory]
    [InlineData(false, "PUBLISH")]
    [InlineData(true, "CANCEL")]
    public void EveryEventNamesItsOrganizerAsRfc5546Requires(bool cancelled, string method)
    {
        var booking = Booking() with { Cancelled = cancelled, Organizer = "mailto:no-reply+kela@ajanvaraus.example",
            OrganizerName = "Kela" };

        var calendar = Calendar.Load(IcsWriter.Write(booking))!;

        Assert.Equal(method, calendar.Method);
        var organizer = Assert.Single(calendar.Events).Organizer;
        Assert.NotNull(organizer);
        Assert.Equal("mailto:no-reply+kela@ajanvaraus.example", organizer.Value?.OriginalString);
        Assert.Equal("Kela", organizer.CommonName);
    }
}
