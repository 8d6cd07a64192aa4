namespace Ajanvaraus.Api.Providers;

// The one answer for deleting a catalogue entry (service, expert, video room) that confirmed bookings not yet over still
// need: they could neither be kept nor moved, so the delete is refused and says how many to move or cancel first.
internal static class CatalogueProblems
{
    public const string FutureBookingsDescription =
        "409 while confirmed bookings not yet over need it: the problem's `futureBookings` says how many to move or cancel first.";

    // `what` stays in the signature for the callers' readability; the texts do not name it, so they translate whole.
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult StillBooked(string what, int futureBookings) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Future bookings need it",
            detail: $"{futureBookings} confirmed future booking(s) need it: move or cancel them first.",
            extensions: new Dictionary<string, object?> { ["futureBookings"] = futureBookings });
}
