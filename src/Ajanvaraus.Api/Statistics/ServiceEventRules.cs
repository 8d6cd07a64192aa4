using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Bookings;

namespace Ajanvaraus.Api.Statistics;

// Who may remove a recorded walk-in: only whoever recorded it, on the day they recorded it (the point's local day).
// Later mistakes stay in the counts, as invoiced figures must.
internal static class ServiceEventRules
{
    public sealed record Refusal(int Status, string Title, string Detail);

    public static Refusal? CheckCorrection(ServiceEventRow row, Actor actor, DateTimeOffset now, string zone) =>
        row switch
        {
            _ when row.RecordedByKind != actor.Kind || row.RecordedById != actor.MadeById => new(StatusCodes.Status403Forbidden,
                "Not yours to correct", "Only the adviser who recorded a service event can correct it."),
            _ when LocalTime.DateIn(row.RecordedAt, zone) != LocalTime.DateIn(now, zone) => new(StatusCodes.Status409Conflict,
                "Correction period over", "A service event can be corrected only on the day it was recorded."),
            _ => null,
        };

    // The walk-in happened, so it is not later than now (a minute of clock difference allowed).
    public static bool IsInFuture(DateTimeOffset at, DateTimeOffset now) => at > now.AddMinutes(1);
}
