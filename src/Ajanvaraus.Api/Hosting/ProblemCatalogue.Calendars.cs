using Ajanvaraus.Api.Calendars.Sources;

namespace Ajanvaraus.Api.Hosting;

// Texts of calendar feeds and calendar sources (a source's lastError too: it is shown in the caller's language).
internal static partial class ProblemTexts
{
    private static readonly ProblemText[] Calendars =
    [
        new(CalendarProblems.HttpOnly,
            "Anna iCalendar (ICS) -tiedoston http- tai https-osoite.", "Ange en http- eller https-adress till en iCalendar-fil (ICS)."),
        new(SourceErrors.NotAbsoluteMessage, "Osoite ei ole täydellinen URL-osoite.", "Adressen är inte en fullständig URL."),
        new(SourceErrors.SchemeMessage, "Vain http- ja https-osoitteita haetaan.", "Endast http- och https-adresser hämtas."),
        new(SourceErrors.NotAllowedMessage,
            "Osoite ei ole sallittu: se johtaa paikalliseen, yksityiseen, varattuun tai palvelun omaan osoitteeseen.",
            "Adressen är inte tillåten: den leder till en lokal, privat, reserverad eller tjänstens egen adress."),
        new(SourceErrors.UnreachableMessage, "Kalenteripalvelimeen ei saatu yhteyttä.", "Kalenderservern kunde inte nås."),
        new(SourceErrors.TimeoutMessage, "Kalenteripalvelin ei vastannut ajoissa.", "Kalenderservern svarade inte i tid."),
        new(SourceErrors.StatusMessage, "Kalenteripalvelin vastasi HTTP-tilakoodilla {0}.", "Kalenderservern svarade med HTTP {0}."),
        new(SourceErrors.RedirectsMessage, "Osoite ohjaa eteenpäin yli {0} kertaa.", "Adressen omdirigerar fler än {0} gånger."),
        new(SourceErrors.TooLargeMessage, "Kalenteri on suurempi kuin {0} tavua.", "Kalendern är större än {0} byte."),
        new(SourceErrors.NotICalendarMessage, "Osoitteesta ei saatu iCalendar-kalenteria.", "Adressen gav ingen iCalendar-kalender."),
        new(SourceErrors.UnreadableMessage, "Kalenteria ei voitu lukea.", "Kalendern kunde inte läsas."),
        new(SourceErrors.EventsUnreadableMessage,
            "Yhtäkään kalenterin {0} tapahtumasta ei voitu lukea.", "Ingen av kalenderns {0} händelser kunde läsas."),
        new(SourceErrors.SubDailyMessage,
            "Kalenterin tapahtuma toistuu useammin kuin päivittäin (SECONDLY, MINUTELY tai HOURLY).",
            "En händelse i kalendern upprepas oftare än dagligen (SECONDLY, MINUTELY eller HOURLY)."),
        new(SourceErrors.EventOccurrencesMessage, "Kalenterin tapahtuma toistuu yli {0} kertaa.",
            "En händelse i kalendern upprepas fler än {0} gånger."),
        new(SourceErrors.FeedOccurrencesMessage, "Kalenterin tapahtumia on aikajänteellä yli {0}.",
            "Kalenderns händelser inträffar fler än {0} gånger inom tidshorisonten."),
        new(SourceErrors.IntervalsMessage, "Kalenterista tulee aikajänteelle yli {0} varattua aikaa.",
            "Kalendern ger fler än {0} upptagna tider inom tidshorisonten."),
        new(SourceErrors.ParseTimeMessage, "Kalenterin lukeminen kesti yli {0} sekuntia.",
            "Att läsa kalendern tog längre än {0} sekunder."),
    ];
}
