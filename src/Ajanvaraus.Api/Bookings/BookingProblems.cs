using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Bookings;

// The 409s of holds, bookings and changes, worded once.
internal static class BookingProblems
{
    public static ProblemHttpResult Taken(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The time is taken", detail: detail);

    public static ProblemHttpResult Changed(BookingRow row) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "The booking was changed meanwhile",
        detail: $"Someone changed the booking at the same time; it is now {BookingRow.StatusName(row.StatusValue)}. Look at it again.");

    // The booking's actual state, so the loser of a race with a cancel is not told "the time is taken".
    public static ProblemHttpResult NotConfirmed(BookingRow row) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: StatusTitle(row),
        detail: $"The booking's status is {BookingRow.StatusName(row.StatusValue)}: this change is not possible from it.");

    public static string StatusTitle(BookingRow row) => row.StatusValue switch
        {
            BookingStatus.Confirmed => "The booking is confirmed",
            BookingStatus.CheckedIn => "The customer is checked in",
            BookingStatus.Cancelled => "The booking is cancelled",
            BookingStatus.Completed => "The booking is completed",
            _ => "The booking was a no-show",
        };
}
