using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Calendars;
using Ajanvaraus.Api.Hosting;
using T = Ajanvaraus.Api.Notifications.NotificationTexts;

namespace Ajanvaraus.Api.Notifications;

// Pure: what a message says about the booking's time and channel, and what a change changed (old → new).
internal static class MessageFacts
{
    public static string Intro(ClaimedMessage m) =>
        m.Kind == MessageKinds.Change && !TimeChanged(m) && ChannelChanged(m)
            ? T.ChangedChannelIntro.In(m.CustomerLanguage)
            : T.Intros[m.Kind].In(m.CustomerLanguage);

    // "When" is the new time; a change that moved it also says which time it was ("Previous time"), and a change of
    // channel says from which to which.
    public static IEnumerable<(string Label, string Value)> TimeAndChannel(ClaimedMessage m, string zone)
    {
        var language = m.CustomerLanguage;
        var channel = ChannelFlags.Parse(m.BookingChannel);
        var moved = m.Kind == MessageKinds.Change && TimeChanged(m);
        yield return ((moved ? T.NewTime : T.When).In(language), Time(m.StartsAt, m.EndsAt, zone, language));
        if (moved)
        {
            yield return (T.PreviousTime.In(language), Time(m.PreviousStartsAt!.Value, m.PreviousEndsAt!.Value, zone, language));
        }

        var how = IcsTexts.ChannelName(channel, language);
        yield return (T.How.In(language), ChannelChanged(m)
            ? $"{IcsTexts.ChannelName(ChannelFlags.Parse(m.PreviousChannel!), language)} → {how}"
            : how);
    }

    // Where a remote_at_point customer goes, and that the meeting is on the point's video equipment there.
    public static string RemoteAtPoint(ClaimedMessage m, string place) =>
        string.Format(
            T.RemoteAtPoint.In(m.CustomerLanguage),
            m.VideoRoomName is { Length: > 0 } room ? $"{place} ({string.Format(T.Room.In(m.CustomerLanguage), room)})" : place);

    private static bool TimeChanged(ClaimedMessage m) =>
        m.PreviousStartsAt is { } start && (start != m.StartsAt || m.PreviousEndsAt != m.EndsAt);

    private static bool ChannelChanged(ClaimedMessage m) =>
        m.Kind == MessageKinds.Change && m.PreviousChannel is { } previous && previous != m.BookingChannel;

    private static string Time(DateTimeOffset start, DateTimeOffset end, string zone, string language) =>
        T.Time(LocalTime.InZone(start, zone), LocalTime.InZone(end, zone), language);
}
