using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.Serialization;
using Microsoft.Extensions.Caching.Memory;
using System.Text;

namespace Ajanvaraus.Api.Calendars.Feeds;

// A feed's VCALENDAR: one VEVENT per booking, written by IcsWriter.ToEvent (the booking's own .ics uses the same), so a
// subscribed calendar and an imported invitation agree on UID and SEQUENCE.
internal static class FeedWriter
{
    // Subscribed calendars poll: 15 minutes is what Outlook and Google honour at best, and what the ETag makes cheap.
    public const string RefreshInterval = "PT15M";

    private static readonly LocalizedText DefaultName = new("Ajanvaraukset", "Tidsbokningar", "Appointments");

    // Each VEVENT's text by the snapshot it is made of (IcsBooking is a record: equal snapshots, equal text). A feed is
    // polled every 15 minutes and mostly unchanged, so only new or changed bookings go through Ical.Net's serializer
    // (about 0.25 ms an event); a 2,000-booking feed is then joined from cached texts. A cache, never a source of truth.
    private static readonly MemoryCache Events = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    private const string End = "END:VCALENDAR";

    public static string Write(FeedRow feed, IReadOnlyList<FeedBookingRow> bookings, bool showCustomers, Func<string, string> organizer)
    {
        var language = feed.Language;
        var calendar = new Calendar { ProductId = IcsWriter.ProductId, Method = CalendarMethods.Publish };
        calendar.AddProperty("X-WR-CALNAME", feed.Name ?? DefaultName.In(language));
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.Parameters.Set("VALUE", "DURATION");
        calendar.Properties.Add(refresh);

        // One VTIMEZONE per zone the bookings use, with rules from the earliest of them on.
        var zones = bookings.GroupBy(b => b.TimeZone ?? LocalTime.Helsinki).Select(g => (g.Key, g.Min(b => b.StartsAt))).ToList();
        if (zones.Count == 0)
        {
            zones.Add((LocalTime.Helsinki, DateTimeOffset.UnixEpoch));
        }

        foreach (var (zone, first) in zones)
        {
            calendar.AddTimeZone(zone, first.UtcDateTime.AddDays(-1), includeHistoricalData: false);
        }

        var head = new CalendarSerializer().SerializeToString(calendar)!;
        var text = new StringBuilder(head.Length + (bookings.Count * 700));
        text.Append(head, 0, head.LastIndexOf(End, StringComparison.Ordinal));
        foreach (var row in bookings)
        {
            text.Append(EventText(ToIcs(row, language, showCustomers, organizer(row.ProviderId))));
        }

        return text.Append(End).Append("\r\n").ToString();
    }

    private static string EventText(IcsBooking booking) =>
        Events.GetOrCreate(booking, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return new CalendarSerializer().SerializeToString(IcsWriter.ToEvent(booking))!;
        })!;

    private static IcsBooking ToIcs(FeedBookingRow row, string language, bool showCustomers, string organizer)
    {
        var channel = ChannelFlags.Parse(row.Channel);
        var provider = new LocalizedText(row.ProviderNameFi, row.ProviderNameSv, row.ProviderNameEn).In(language);
        var point = row.PointNameFi is null ? null : new LocalizedText(row.PointNameFi, row.PointNameSv!, row.PointNameEn!).In(language);
        var address = row.StreetAddress is null ? null : $"{row.StreetAddress}, {row.PostalCode} {row.PostOffice}";
        var phone = showCustomers ? row.CustomerPhone : null;
        var details = new IcsDetails(
            new LocalizedText(row.ServiceNameFi, row.ServiceNameSv, row.ServiceNameEn).In(language), provider, row.Reference, channel,
            point, address, row.MeetingUrl, null, null, phone);
        var staff = new FeedDetails(details, row.ExpertName, row.VideoRoomName, showCustomers ? row.CustomerName : null, phone);
        return new IcsBooking(
            row.Id, row.Reference, row.Sequence, row.StartsAt, row.EndsAt, row.TimeZone ?? LocalTime.Helsinki,
            IcsTexts.Summary(details, language), FeedTexts.Description(staff, language), IcsTexts.Location(details, language),
            row.MeetingUrl, row.Status == "cancelled", row.UpdatedAt, language, organizer, provider);
    }
}
