namespace Ajanvaraus.Api.Tests.Calendars;

// Feeds as the agencies' calendar systems write them. Dates around BookingWorld's "now" (Monday 2026-11-23).
internal static class CalendarFixtures
{
    // Outlook: Windows zone name, a weekly Tuesday 10:00-11:00 meeting from 2026-11-24, 2026-12-01 excluded (EXDATE),
    // 2026-12-08 moved to Wednesday 2026-12-09 09:00-10:00 (RECURRENCE-ID); a free (transparent) event on Friday.
    public const string Outlook = """
        BEGIN:VCALENDAR
        PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
        VERSION:2.0
        METHOD:PUBLISH
        BEGIN:VTIMEZONE
        TZID:FLE Standard Time
        BEGIN:STANDARD
        DTSTART:16011028T040000
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
        TZOFFSETFROM:+0300
        TZOFFSETTO:+0200
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:16010325T030000
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0300
        END:DAYLIGHT
        END:VTIMEZONE
        BEGIN:VEVENT
        UID:weekly-1@outlook
        DTSTAMP:20261101T000000Z
        SUMMARY:Tiimipalaveri
        DTSTART;TZID=FLE Standard Time:20261124T100000
        DTEND;TZID=FLE Standard Time:20261124T110000
        RRULE:FREQ=WEEKLY;BYDAY=TU
        EXDATE;TZID=FLE Standard Time:20261201T100000
        X-MICROSOFT-CDO-BUSYSTATUS:BUSY
        END:VEVENT
        BEGIN:VEVENT
        UID:weekly-1@outlook
        RECURRENCE-ID;TZID=FLE Standard Time:20261208T100000
        DTSTAMP:20261101T000000Z
        SUMMARY:Tiimipalaveri (siirretty)
        DTSTART;TZID=FLE Standard Time:20261209T090000
        DTEND;TZID=FLE Standard Time:20261209T100000
        END:VEVENT
        BEGIN:VEVENT
        UID:free-1@outlook
        DTSTAMP:20261101T000000Z
        SUMMARY:Lounas
        DTSTART;TZID=FLE Standard Time:20261127T090000
        DTEND;TZID=FLE Standard Time:20261127T120000
        TRANSP:TRANSPARENT
        X-MICROSOFT-CDO-BUSYSTATUS:FREE
        END:VEVENT
        END:VCALENDAR
        """;

    // Google: UTC times, an all-day event (Thursday 2026-11-26), a cancelled one (Monday 2026-11-30), a floating one
    // (Friday 2026-11-27 11:00-12:00 wall clock, i.e. in the expert's point's zone).
    public const string Google = """
        BEGIN:VCALENDAR
        PRODID:-//Google Inc//Google Calendar 70.9054//EN
        VERSION:2.0
        CALSCALE:GREGORIAN
        BEGIN:VEVENT
        UID:a1@google.com
        DTSTAMP:20261101T000000Z
        DTSTART:20261125T080000Z
        DTEND:20261125T090000Z
        SUMMARY:Asiakastapaaminen
        END:VEVENT
        BEGIN:VEVENT
        UID:a2@google.com
        DTSTAMP:20261101T000000Z
        DTSTART;VALUE=DATE:20261126
        DTEND;VALUE=DATE:20261127
        SUMMARY:Koulutuspäivä
        END:VEVENT
        BEGIN:VEVENT
        UID:a3@google.com
        DTSTAMP:20261101T000000Z
        DTSTART:20261130T070000Z
        DTEND:20261130T100000Z
        STATUS:CANCELLED
        SUMMARY:Peruttu
        END:VEVENT
        BEGIN:VEVENT
        UID:a4@google.com
        DTSTAMP:20261101T000000Z
        DTSTART:20261127T110000
        DTEND:20261127T120000
        SUMMARY:Kelluva
        END:VEVENT
        END:VCALENDAR
        """;

    // A free/busy export: busy Tuesday 2026-11-24 09:00-10:00 Helsinki; a FREE period does not block.
    public const string FreeBusy = """
        BEGIN:VCALENDAR
        PRODID:-//Example//CalDAV//EN
        VERSION:2.0
        BEGIN:VFREEBUSY
        UID:fb-1@example
        DTSTAMP:20261101T000000Z
        DTSTART:20261123T000000Z
        DTEND:20261231T000000Z
        FREEBUSY;FBTYPE=BUSY:20261124T070000Z/20261124T080000Z
        FREEBUSY;FBTYPE=FREE:20261124T090000Z/PT1H
        END:VFREEBUSY
        END:VCALENDAR
        """;

    public const string Broken = """
        BEGIN:VCALENDAR
        VERSION:2.0
        BEGIN:VEVENT
        UID:broken@example
        DTSTART:not-a-date
        DTEND:20261124T090000Z
        END:VEVENT
        """;

    // One busy hour on a given UTC start, for tests that change a feed.
    public static string OneEvent(string utcStart, string utcEnd) => $"""
        BEGIN:VCALENDAR
        PRODID:-//Example//EN
        VERSION:2.0
        BEGIN:VEVENT
        UID:one@example
        DTSTAMP:20261101T000000Z
        DTSTART:{utcStart}
        DTEND:{utcEnd}
        END:VEVENT
        END:VCALENDAR
        """;
}
