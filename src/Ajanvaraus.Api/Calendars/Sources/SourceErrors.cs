using System.Globalization;

namespace Ajanvaraus.Api.Calendars.Sources;

// A source's lastError: what its admin can act on, in English as the key (translated per request in ProblemTexts).
// Never a socket error, an exception's text or the fetched content: a refused port, a filtered one and a server that
// speaks another protocol all read "could not be reached", so lastError cannot map the service's network.
internal static class SourceErrors
{
    public const string NotAbsoluteMessage = "The address is not an absolute URL.";
    public const string SchemeMessage = "Only http and https addresses are fetched.";
    public const string NotAllowedMessage =
        "The address is not allowed: it leads to a loopback, private, reserved or the service's own address.";
    public const string UnreachableMessage = "The calendar server could not be reached.";
    public const string TimeoutMessage = "The calendar server did not answer in time.";
    public const string StatusMessage = "The calendar server answered with HTTP {0}.";
    public const string RedirectsMessage = "The address redirects more than {0} times.";
    public const string TooLargeMessage = "The calendar is larger than {0} bytes.";
    public const string NotICalendarMessage = "The address is not an iCalendar feed.";
    public const string UnreadableMessage = "The calendar could not be read.";
    public const string EventsUnreadableMessage = "None of the calendar's {0} events could be read.";
    public const string SubDailyMessage = "An event of the calendar repeats more often than daily (SECONDLY, MINUTELY or HOURLY).";
    public const string EventOccurrencesMessage = "An event of the calendar repeats more than {0} times.";
    public const string FeedOccurrencesMessage = "The calendar's events occur more than {0} times in the horizon.";
    public const string IntervalsMessage = "The calendar expands to more than {0} busy intervals in the horizon.";
    public const string ParseTimeMessage = "Reading the calendar took longer than {0} seconds.";

    public static string With(string message, int value) => string.Format(CultureInfo.InvariantCulture, message, value);
}
