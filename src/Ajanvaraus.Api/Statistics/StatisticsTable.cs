namespace Ajanvaraus.Api.Statistics;

// Joins the four reads into one row per group. Bookings are service events of channel and type `appointment`, so their
// figures (and the published minutes they use) land on the appointment rows when those keys are grouped on.
internal static class StatisticsTable
{
    public const string Appointment = "appointment";

    public static IReadOnlyList<StatisticsRow> Build(StatisticsSources sources, StatisticsGrouping group)
    {
        var channel = group.Channel ? Appointment : null;
        var type = group.TransactionType ? Appointment : null;
        GroupKey Key(string? month, string? point, string? provider) => new(month, point, provider, channel, type);

        var bookings = sources.Bookings.ToDictionary(b => Key(b.Month, b.ServicePointId, b.ProviderId));
        var medians = sources.Medians.ToDictionary(m => Key(m.Month, m.ServicePointId, m.ProviderId), m => m.Minutes);
        var published = sources.Published.ToDictionary(p => Key(p.Month, p.ServicePointId, p.ProviderId), p => p.Minutes);
        var events = sources.Events.ToDictionary(e => new GroupKey(e.Month, e.ServicePointId, e.ProviderId, e.Channel,
            e.TransactionTypeId), e => e.Events);

        var keys = bookings.Keys.Concat(published.Keys).Concat(events.Keys).Distinct()
            .OrderBy(k => k.Month, StringComparer.Ordinal).ThenBy(k => k.ServicePointId, StringComparer.Ordinal)
            .ThenBy(k => k.ProviderId, StringComparer.Ordinal).ThenBy(k => k.Channel, StringComparer.Ordinal)
            .ThenBy(k => k.TransactionType, StringComparer.Ordinal);
        return keys.Select(k => Row(k, bookings.GetValueOrDefault(k) ?? new BookingCounts(), events.GetValueOrDefault(k),
            published.TryGetValue(k, out var p) ? p : null, medians.TryGetValue(k, out var m) ? m : null)).ToList();
    }

    private static StatisticsRow Row(GroupKey k, BookingCounts b, long walkIns, long? published, double? median)
    {
        return new StatisticsRow(
            k.ServicePointId, k.ProviderId, k.Channel, k.TransactionType, k.Month,
            ServiceEvents: walkIns + b.Completed, WalkInEvents: walkIns, BookingsMade: b.Made, Completed: b.Completed, NoShow: b.NoShow,
            CancelledByCustomer: b.Cancelled - b.CancelledByStaff, CancelledByStaff: b.CancelledByStaff, MadeByPortal: b.MadeByPortal,
            MadeByCitizen: b.MadeByCitizen, MadeByAdviser: b.MadeByAdviser, MadeByOtherStaff: b.MadeByOtherStaff,
            BookedMinutes: b.BookedMinutes, PublishedMinutes: published,
            Utilisation: published is > 0 ? Math.Round((double)b.BookedMinutes / published.Value, 4) : null,
            MedianLeadTimeMinutes: median is { } minutes ? Math.Round(minutes, 1) : null);
    }
}
