using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Calendars;

// What a calendar entry tells the customer, already in their language (names resolved by the caller).
internal sealed record IcsDetails(
    string ServiceName,
    string ProviderName,
    string Reference,
    Channel Channel,
    string? PointName,
    string? PointAddress,
    string? MeetingUrl,
    string? PhoneNote,
    string? ManageUrl,
    string? CustomerPhone = null,
    string? Instructions = null);

internal static class IcsTexts
{
    private static readonly LocalizedText SummaryFormat = new("Ajanvaraus: {0} ({1})", "Tidsbokning: {0} ({1})", "Appointment: {0} ({1})");
    // A provider name with its own parentheses ("Kela (Social Insurance Institution)") is not wrapped in more.
    private static readonly LocalizedText SummaryDashFormat = new(
        "Ajanvaraus: {0} – {1}", "Tidsbokning: {0} – {1}", "Appointment: {0} – {1}");
    private static readonly LocalizedText ByPhone = new("Puhelimitse", "Per telefon", "By phone");
    private static readonly LocalizedText ExpertCalls = new(
        "Puhelimitse: asiantuntija soittaa numeroon {0}", "Per telefon: experten ringer upp {0}", "By phone: the expert will call {0}");
    private static readonly LocalizedText ReferenceLabel = new("Varaustunnus", "Bokningskod", "Booking reference");
    private static readonly LocalizedText ChannelLabel = new("Asiointitapa", "Servicesätt", "Appointment type");
    private static readonly LocalizedText PlaceLabel = new("Paikka", "Plats", "Place");
    private static readonly LocalizedText MeetingLabel = new("Videotapaamisen linkki", "Länk till videomötet", "Video meeting link");
    private static readonly LocalizedText InstructionsLabel = new("Ota mukaan", "Ta med", "What to bring");
    private static readonly LocalizedText ManageLabel = new("Muuta tai peru varaus", "Ändra eller avboka", "Change or cancel");

    private static readonly Dictionary<Channel, LocalizedText> ChannelNames = new()
    {
        [Channel.InPerson] = new("Käyntiasiointi", "Besök", "In person"),
        [Channel.RemoteAtPoint] = new("Etäasiointi palvelupisteessä", "Distansservice vid serviceställe",
            "Remote service at the service point"),
        [Channel.Video] = new("Videotapaaminen", "Videomöte", "Video meeting"),
        [Channel.Phone] = new("Puhelinaika", "Telefontid", "Phone appointment"),
    };

    public static string ChannelName(Channel channel, string language) => ChannelNames[channel].In(language);

    public static string Summary(IcsDetails details, string language) =>
        string.Format(
            (details.ProviderName.Contains('(') ? SummaryDashFormat : SummaryFormat).In(language),
            details.ServiceName,
            details.ProviderName);

    // Where a phone appointment "is": on the customer's phone, at the number the expert will call.
    public static string PhoneLocation(string? customerPhone, string language) =>
        string.IsNullOrWhiteSpace(customerPhone) ? ByPhone.In(language) : string.Format(ExpertCalls.In(language), customerPhone);

    // One fact per line: calendar apps show DESCRIPTION as plain text, and a reference or a link on a
    // line of its own is what a customer reads out over the phone or taps.
    public static string Description(IcsDetails details, string language)
    {
        var lines = new List<string>
        {
            $"{ReferenceLabel.In(language)}: {details.Reference}",
            $"{ChannelLabel.In(language)}: {ChannelName(details.Channel, language)}",
        };
        if (Visits(details.Channel) && Place(details) is { } place)
        {
            lines.Add($"{PlaceLabel.In(language)}: {place}");
        }
        if (details.MeetingUrl is { } url)
        {
            lines.Add($"{MeetingLabel.In(language)}: {url}");
        }
        if (details.PhoneNote is { } note)
        {
            lines.Add(note);
        }
        if (!string.IsNullOrWhiteSpace(details.Instructions))
        {
            lines.Add($"{InstructionsLabel.In(language)}: {details.Instructions}");
        }
        if (details.ManageUrl is { } manage)
        {
            lines.Add($"{ManageLabel.In(language)}: {manage}");
        }
        return string.Join('\n', lines);
    }

    // LOCATION is where the customer goes: the point for visits, the meeting link for video (clients
    // make it clickable), "by phone" with the number to be called for a phone call.
    public static string? Location(IcsDetails details, string language = "fi") => details.Channel switch
    {
        Channel.Video => details.MeetingUrl,
        Channel.Phone => PhoneLocation(details.CustomerPhone, language),
        _ => Place(details),
    };

    // A video or phone booking may still carry the expert's point; naming it would send the customer there.
    private static bool Visits(Channel channel) => channel is Channel.InPerson or Channel.RemoteAtPoint;

    private static string? Place(IcsDetails details)
    {
        var parts = new[] { details.PointName, details.PointAddress }.Where(p => !string.IsNullOrWhiteSpace(p));
        var place = string.Join(", ", parts);
        return place.Length == 0 ? null : place;
    }
}
