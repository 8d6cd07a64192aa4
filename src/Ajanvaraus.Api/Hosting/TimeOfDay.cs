using System.Globalization;

namespace Ajanvaraus.Api.Hosting;

// A local time of day as the API spells it: `HH:mm` on a 5-minute step (time is booked in 5-minute units).
internal static class TimeOfDay
{
    public const string Pattern = "^(?:[01][0-9]|2[0-3]):[0-5][05]$";
    public const string Message = "Use a local time 'HH:mm' on a 5-minute step (e.g. '08:00', '16:15').";

    public static TimeOnly Parse(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
