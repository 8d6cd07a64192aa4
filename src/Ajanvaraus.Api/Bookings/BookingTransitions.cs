using Ajanvaraus.Api.Advisers;
using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Bookings;

// The walk along a booking's statuses: confirmed → checked_in → completed, confirmed → no_show, confirmed → cancelled;
// a video or phone appointment, which nobody checks in, is completed by its agency (or an operator) once it has begun.
// A booking whose customer data the retention purge removed changes no more.
internal static class BookingTransitions
{
    public sealed record Refusal(string Title, string Detail);

    public static Refusal? Check(BookingRow row, BookingStatus to, Actor actor, DateTimeOffset now, AdviserOptions options)
    {
        var status = row.StatusValue;
        var remote = row.ChannelValue is Channel.Video or Channel.Phone;
        return to switch
        {
            _ when status is BookingStatus.Cancelled or BookingStatus.Completed or BookingStatus.NoShow => NotFrom(row),
            _ when row.Anonymized => Anonymized,
            BookingStatus.CheckedIn when status != BookingStatus.Confirmed => NotFrom(row),
            BookingStatus.CheckedIn when remote => new(Title: "Not at the point",
                Detail: "Video and phone appointments are not checked in at the point."),
            BookingStatus.CheckedIn when now < row.StartsAt.AddMinutes(-options.CheckInEarlyMinutes) =>
                new(Title: "Too early to check in",
                    Detail: $"A customer can be checked in from {options.CheckInEarlyMinutes} minutes before the start."),
            BookingStatus.CheckedIn when now > row.EndsAt => new(Title: "Too late to check in",
                Detail: "The appointment has already ended."),
            BookingStatus.NoShow when status != BookingStatus.Confirmed => NotFrom(row),
            BookingStatus.NoShow when now < row.StartsAt.AddMinutes(options.NoShowGraceMinutes) =>
                new(Title: "Too early for a no-show",
                    Detail: $"A customer is a no-show only {options.NoShowGraceMinutes} minutes after the start."),
            BookingStatus.Completed when status == BookingStatus.CheckedIn => null,
            BookingStatus.Completed when !remote || actor.Kind is not (Actor.AgencyAdmin or Actor.Operator) =>
                new(Title: "Not checked in",
                    Detail: "A visit is completed after its check-in; video and phone appointments by their agency."),
            BookingStatus.Completed when now < row.StartsAt => new(Title: "Not begun yet",
                Detail: "An appointment is completed once it has begun."),
            _ => null,
        };
    }

    // A cancel or move (by anyone) of a booking whose end has passed: it is history, kept for statistics and audit. An
    // operator once moved a purged booking back into the future, where the citizen's old link opened it again. Every
    // anonymized booking has ended (the purge takes no other), so this holds for those too. Staff record what happened
    // with no-show or complete instead.
    public static Refusal? Change(BookingRow row, DateTimeOffset now) => row.Anonymized ? Anonymized
        : row.EndsAt <= now ? new(Title: "Appointment is over",
            Detail: "The appointment has already ended: it can no longer be moved or cancelled.")
        : null;

    private static readonly Refusal Anonymized = new(Title: "Customer data removed",
        Detail: "This booking's customer data has been removed under the retention rules: it can no longer be changed.");

    private static Refusal NotFrom(BookingRow row) =>
        new(Title: BookingProblems.StatusTitle(row),
            Detail: $"The booking's status is {BookingRow.StatusName(row.StatusValue)}: this change is not possible from it.");
}
