using System.Globalization;
using System.Text.RegularExpressions;
using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Calendars.Sources;

// VFREEBUSY's FREEBUSY periods, read from the text itself: Ical.Net 5.2.4 loads the component but leaves these property
// values empty. RFC 5545 3.8.2.6: UTC periods, start/end or start/duration, comma-separated; FBTYPE defaults to BUSY.
internal static partial class FreeBusyLines
{
    public static IEnumerable<TimeInterval> Busy(string text)
    {
        var unfolded = UnfoldRegex().Replace(text, "");
        var inside = false;
        foreach (var raw in unfolded.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Equals("BEGIN:VFREEBUSY", StringComparison.OrdinalIgnoreCase)
                || line.Equals("END:VFREEBUSY", StringComparison.OrdinalIgnoreCase))
            {
                inside = line.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (!inside || !line.StartsWith("FREEBUSY", StringComparison.OrdinalIgnoreCase) || line.IndexOf(':') is var colon && colon < 0)
            {
                continue;
            }

            var parameters = line[..colon];
            if (parameters.Contains("FBTYPE=FREE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var period in line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = period.Split('/');
                if (parts.Length != 2)
                {
                    throw new FormatException($"Not a FREEBUSY period: {period}");
                }

                var start = Utc(parts[0]);
                var end = parts[1].StartsWith('P') || parts[1].StartsWith("+P", StringComparison.Ordinal)
                    ? start + Duration(parts[1])
                    : Utc(parts[1]);
                yield return new TimeInterval(start, end);
            }
        }
    }

    private static DateTimeOffset Utc(string value) =>
        DateTimeOffset.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    // P1W, P1DT2H, PT30M (weeks are not in XML's duration form).
    private static TimeSpan Duration(string value)
    {
        var text = value.TrimStart('+');
        var weeks = WeeksRegex().Match(text);
        return weeks.Success ? TimeSpan.FromDays(7 * int.Parse(weeks.Groups[1].Value, CultureInfo.InvariantCulture))
            : System.Xml.XmlConvert.ToTimeSpan(text);
    }

    [GeneratedRegex(@"\r?\n[ \t]")]
    private static partial Regex UnfoldRegex();

    [GeneratedRegex(@"^P(\d+)W$")]
    private static partial Regex WeeksRegex();
}
