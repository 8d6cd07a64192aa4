using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Calendars.Feeds;

// What staff read in a feed entry: the customer's facts (IcsTexts) plus who serves, where, and (only in the agency's own
// feeds, or where the operator allows it) whom.
internal sealed record FeedDetails(IcsDetails Booking, string ExpertName, string? VideoRoom, string? CustomerName, string? CustomerPhone);

internal static class FeedTexts
{
    private static readonly LocalizedText ServiceLabel = new("Palvelu", "Tjänst", "Service");
    private static readonly LocalizedText ExpertLabel = new("Asiantuntija", "Expert", "Expert");
    private static readonly LocalizedText RoomLabel = new("Etäpalveluhuone", "Distansservicerum", "Video room");
    private static readonly LocalizedText CustomerLabel = new("Asiakas", "Kund", "Customer");
    private static readonly LocalizedText PhoneLabel = new("Puhelin", "Telefon", "Phone");

    public static string Description(FeedDetails details, string language)
    {
        var b = details.Booking;
        var lines = new List<string>
        {
            IcsTexts.Description(b, language),
            $"{ServiceLabel.In(language)}: {b.ServiceName} ({b.ProviderName})",
            $"{ExpertLabel.In(language)}: {details.ExpertName}",
        };
        if (details.VideoRoom is { } room)
        {
            lines.Add($"{RoomLabel.In(language)}: {room}");
        }
        if (details.CustomerName is { } name)
        {
            lines.Add($"{CustomerLabel.In(language)}: {name}");
        }
        if (details.CustomerPhone is { } phone)
        {
            lines.Add($"{PhoneLabel.In(language)}: {phone}");
        }

        return string.Join('\n', lines);
    }
}
