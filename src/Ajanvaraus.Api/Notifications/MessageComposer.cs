using System.Net;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Calendars;
using Ajanvaraus.Api.Hosting;
using T = Ajanvaraus.Api.Notifications.NotificationTexts;

namespace Ajanvaraus.Api.Notifications;

internal sealed record EmailContent(string Subject, string Text, string Html, string? Ics, string? IcsMethod);

// Pure: a claimed message (and the manage link, when there is one) to the words the customer reads. `organizer` is the
// booking's ORGANIZER (Calendars:Organizer for its provider), the same as in its .ics and feeds: calendar programs refuse
// an update from "another organizer".
internal static class MessageComposer
{
    public static EmailContent Email(ClaimedMessage m, string? manageUrl, string organizer)
    {
        var language = m.CustomerLanguage;
        var service = ServiceName(m);
        var facts = new List<(string Label, string Value)> { (T.What.In(language), $"{service} ({ProviderName(m)})") };
        facts.AddRange(MessageFacts.TimeAndChannel(m, Zone(m)));
        if (Where(m) is { } where)
        {
            facts.Add((T.Where.In(language), where));
        }

        facts.Add((T.Reference.In(language), m.Reference));
        var bring = Instructions(m);
        if (bring is not null && m.Kind != MessageKinds.Cancellation)
        {
            facts.Add((T.Bring.In(language), bring));
        }

        var manage = m.Kind == MessageKinds.Cancellation ? null : manageUrl;
        var greeting = string.Format(T.Greeting.In(language), m.CustomerName);
        var intro = MessageFacts.Intro(m);
        var text = string.Join("\n", new[] { greeting, "", intro, "" }
            .Concat(facts.Select(f => $"{f.Label}: {f.Value}"))
            .Concat(manage is null ? [] : ["", $"{T.Manage.In(language)}: {manage}"])
            .Concat(["", T.Signature.In(language)]));
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language}"><body>
            <p>{Enc(greeting)}</p>
            <p>{Enc(intro)}</p>
            <table>{string.Concat(facts.Select(Row))}</table>
            {(manage is null ? "" : $"<p><a href=\"{Enc(manage)}\">{Enc(T.Manage.In(language))}</a></p>")}
            <p>{Enc(T.Signature.In(language))}</p>
            </body></html>
            """;

        var subject = string.Format(T.Subjects[m.Kind].In(language), service);
        static string Row((string Label, string Value) f) =>
            $"<tr><th align=\"left\">{Enc(f.Label)}</th><td>{Enc(f.Value).Replace("\n", "<br>")}</td></tr>";
        if (m.Kind == MessageKinds.Reminder)
        {
            return new EmailContent(subject, text, html, null, null);
        }

        var method = m.Kind == MessageKinds.Cancellation ? "CANCEL" : "REQUEST";
        var ics = Invitation.Write(IcsOf(m, manage, organizer), method, m.CustomerName, m.CustomerEmail!);
        return new EmailContent(subject, text, html, ics, method);
    }

    // An SMS: the reference, the time, the place and the manage link; for a reminder at most 160 GSM characters,
    // dropping words (the kind, then the place, shortened first) before the link.
    public static string Sms(ClaimedMessage m, string? manageUrl)
    {
        var language = m.CustomerLanguage;
        var (start, _) = LocalTimes(m);
        var core = $"{m.Reference} {T.ShortWeekday(start, language)} {start.Day}.{start.Month}. {T.Clock(start)}";
        var link = m.Kind == MessageKinds.Cancellation ? null : manageUrl;
        var label = T.SmsLabels[m.Kind].In(language);
        var places = PlaceCandidates(m).Append(null);
        var candidates =
            from withLink in new[] { true, false }
            from place in places
            from withLabel in new[] { true, false }
            let words = new[] { withLabel ? label + ":" : null, core, place, withLink ? link : null }
            select Gsm7.ToGsm(string.Join(" ", words.OfType<string>()));
        // Other messages may take two parts (306 characters) and so keep what they are about and the point's name.
        var limit = m.Kind == MessageKinds.Reminder ? Gsm7.SingleMessage : Gsm7.TwoParts;
        var fitting = candidates.FirstOrDefault(s => Gsm7.Length(s) <= limit);
        return fitting ?? Gsm7.ToGsm(core)[..Math.Min(core.Length, Gsm7.SingleMessage)];
    }

    private static IEnumerable<string?> PlaceCandidates(ClaimedMessage m) => ChannelFlags.Parse(m.BookingChannel) switch
    {
        Channel.Video => [T.Video.In(m.CustomerLanguage)],
        Channel.Phone => [T.Phone.In(m.CustomerLanguage)],
        _ => new[] { PointName(m), m.StreetAddress, m.PostOffice }.Where(p => !string.IsNullOrWhiteSpace(p)),
    };

    private static IcsBooking IcsOf(ClaimedMessage m, string? manage, string organizer)
    {
        var language = m.CustomerLanguage;
        var channel = ChannelFlags.Parse(m.BookingChannel);
        var phoneNote = channel == Channel.Phone && m.CustomerPhone is { } phone ? string.Format(T.WePhone.In(language), phone) : null;
        var details = new IcsDetails(
            ServiceName(m), ProviderName(m), m.Reference, channel, PointName(m), Address(m), m.MeetingUrl, phoneNote, manage,
            Instructions: m.Kind == MessageKinds.Cancellation ? null : Instructions(m));
        return new IcsBooking(
            m.BookingId, m.Reference, m.Sequence, m.StartsAt, m.EndsAt, Zone(m), IcsTexts.Summary(details, language),
            IcsTexts.Description(details, language), IcsTexts.Location(details), m.MeetingUrl, m.Kind == MessageKinds.Cancellation,
            m.CreatedAt, language, organizer, ProviderName(m));
    }

    private static string? Where(ClaimedMessage m) => ChannelFlags.Parse(m.BookingChannel) switch
    {
        Channel.Video => m.MeetingUrl is { } url ? string.Format(T.VideoLink.In(m.CustomerLanguage), url) : null,
        Channel.Phone => m.CustomerPhone is { } phone ? string.Format(T.WePhone.In(m.CustomerLanguage), phone) : null,
        var visit => string.Join(", ", new[] { PointName(m), Address(m) }.Where(p => !string.IsNullOrWhiteSpace(p)))
            is { Length: > 0 } place
            ? visit == Channel.RemoteAtPoint ? MessageFacts.RemoteAtPoint(m, place) : place
            : null,
    };

    private static (DateTimeOffset Start, DateTimeOffset End) LocalTimes(ClaimedMessage m) =>
        (LocalTime.InZone(m.StartsAt, Zone(m)), LocalTime.InZone(m.EndsAt, Zone(m)));

    private static string Zone(ClaimedMessage m) => m.TimeZone ?? LocalTime.Helsinki;

    private static string ServiceName(ClaimedMessage m) =>
        new LocalizedText(m.ServiceNameFi, m.ServiceNameSv, m.ServiceNameEn).In(m.CustomerLanguage);

    private static string ProviderName(ClaimedMessage m) =>
        new LocalizedText(m.ProviderNameFi, m.ProviderNameSv, m.ProviderNameEn).In(m.CustomerLanguage);

    private static string? PointName(ClaimedMessage m) =>
        m.PointNameFi is null
            ? null
            : new LocalizedText(m.PointNameFi, m.PointNameSv ?? m.PointNameFi, m.PointNameEn ?? m.PointNameFi).In(m.CustomerLanguage);

    private static string? Address(ClaimedMessage m) =>
        m.StreetAddress is null ? null : $"{m.StreetAddress}, {m.PostalCode} {m.PostOffice}";

    // The citizens' text, never the advisers' service card (staff guidance is not "what to bring").
    private static string? Instructions(ClaimedMessage m) =>
        new LocalizedLongText(m.InstructionsFi, m.InstructionsSv, m.InstructionsEn).In(m.CustomerLanguage);

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
