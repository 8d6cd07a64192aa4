using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Notifications;

// The words of messages in fi, sv and en. {0} is the service's name unless said otherwise.
internal static class NotificationTexts
{
    public static readonly Dictionary<string, LocalizedText> Subjects = new()
    {
        [MessageKinds.Confirmation] = new("Varausvahvistus: {0}", "Bokningsbekräftelse: {0}", "Booking confirmed: {0}"),
        [MessageKinds.Change] = new("Varaustasi on muutettu: {0}", "Din bokning har ändrats: {0}", "Your booking has changed: {0}"),
        [MessageKinds.Cancellation] = new("Varaus on peruttu: {0}", "Bokningen är avbokad: {0}", "Booking cancelled: {0}"),
        [MessageKinds.Reminder] = new("Muistutus: {0}", "Påminnelse: {0}", "Reminder: {0}"),
    };

    public static readonly Dictionary<string, LocalizedText> Intros = new()
    {
        [MessageKinds.Confirmation] = new("Varauksesi on vahvistettu.", "Din bokning är bekräftad.", "Your booking is confirmed."),
        [MessageKinds.Change] = new(
            "Varauksesi on siirretty uuteen aikaan.",
            "Din bokning har flyttats till en ny tid.",
            "Your booking has been moved to a new time."),
        [MessageKinds.Cancellation] = new("Varauksesi on peruttu.", "Din bokning har avbokats.", "Your booking has been cancelled."),
        [MessageKinds.Reminder] = new(
            "Muistutus tulevasta ajastasi.", "Påminnelse om din kommande tid.", "A reminder of your coming appointment."),
    };

    public static readonly Dictionary<string, LocalizedText> SmsLabels = new()
    {
        [MessageKinds.Confirmation] = new("Varattu", "Bokad", "Booked"),
        [MessageKinds.Change] = new("Muutettu", "Ändrad", "Changed"),
        [MessageKinds.Cancellation] = new("Peruttu", "Avbokad", "Cancelled"),
        [MessageKinds.Reminder] = new("Muistutus", "Påminnelse", "Reminder"),
    };

    // A change that kept the time (only the channel or the place changed) is not "moved to a new time".
    public static readonly LocalizedText ChangedChannelIntro = new(
        "Varauksesi asiointitapaa on muutettu.",
        "Servicesättet för din bokning har ändrats.",
        "The way your appointment takes place has changed.");
    public static readonly LocalizedText How = new("Asiointitapa", "Servicesätt", "Appointment type");
    public static readonly LocalizedText PreviousTime = new("Aiempi aika", "Tidigare tid", "Previous time");
    public static readonly LocalizedText NewTime = new("Uusi aika", "Ny tid", "New time");
    // remote_at_point: the customer comes to the point and meets the expert on its video equipment. {0}: the point (and room).
    public static readonly LocalizedText RemoteAtPoint = new(
        "Tapaat asiantuntijan videoyhteydellä palvelupisteen etäpalvelulaitteilla: {0}",
        "Du träffar experten via video på servicepunktens distansserviceutrustning: {0}",
        "You meet the expert by video on the service point's remote-service equipment: {0}");
    public static readonly LocalizedText Room = new("huone {0}", "rum {0}", "room {0}");
    public static readonly LocalizedText Greeting = new("Hei {0},", "Hej {0},", "Hello {0},");
    public static readonly LocalizedText What = new("Mitä", "Vad", "What");
    public static readonly LocalizedText When = new("Milloin", "När", "When");
    public static readonly LocalizedText Where = new("Missä", "Var", "Where");
    public static readonly LocalizedText Reference = new("Varaustunnus", "Bokningskod", "Booking reference");
    public static readonly LocalizedText Bring = new("Ota mukaan", "Ta med", "What to bring");
    public static readonly LocalizedText Manage = new("Muuta tai peru varaus", "Ändra eller avboka", "Change or cancel");
    public static readonly LocalizedText VideoLink = new(
        "Videotapaamisen linkki: {0}", "Länk till videomötet: {0}", "Video meeting link: {0}");
    public static readonly LocalizedText WePhone = new(
        "Soitamme sinulle numeroon {0}", "Vi ringer dig på {0}", "We will phone you at {0}");
    public static readonly LocalizedText Video = new("video", "video", "video");
    public static readonly LocalizedText Phone = new("puhelu", "samtal", "phone call");
    public static readonly LocalizedText At = new("klo", "kl.", "at");
    public static readonly LocalizedText Signature = new("Ajanvaraus", "Tidsbokning", "Appointment booking");

    private static readonly Dictionary<string, string[]> Weekdays = new()
    {
        ["fi"] = ["sunnuntai", "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai"],
        ["sv"] = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
        ["en"] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    };

    private static readonly Dictionary<string, string[]> ShortWeekdays = new()
    {
        ["fi"] = ["su", "ma", "ti", "ke", "to", "pe", "la"],
        ["sv"] = ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
        ["en"] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    };

    // Written out by hand: the weekday must not depend on the server's ICU data or culture settings.
    public static string Weekday(DateTimeOffset local, string language) => Weekdays[Known(language)][(int)local.DayOfWeek];

    public static string ShortWeekday(DateTimeOffset local, string language) => ShortWeekdays[Known(language)][(int)local.DayOfWeek];

    // "tiistai 24.11.2026 klo 9.00–9.45", "tisdag 24.11.2026 kl. 9.00–9.45", "Tuesday 24.11.2026 at 9.00–9.45".
    public static string Time(DateTimeOffset start, DateTimeOffset end, string language) =>
        $"{Weekday(start, language)} {start.Day}.{start.Month}.{start.Year} {At.In(language)} {Clock(start)}–{Clock(end)}";

    public static string Clock(DateTimeOffset local) => $"{local.Hour}.{local.Minute:00}";

    private static string Known(string language) => Weekdays.ContainsKey(language) ? language : "fi";
}
