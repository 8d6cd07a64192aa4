namespace Ajanvaraus.Api.Hosting;

// Texts of calendar feeds and calendar sources.
internal static partial class ProblemTexts
{
    private static readonly ProblemText[] Calendars =
    [
        new(Api.Calendars.Sources.CalendarProblems.HttpOnly,
            "Anna iCalendar (ICS) -tiedoston http- tai https-osoite.", "Ange en http- eller https-adress till en iCalendar-fil (ICS)."),
    ];
}
