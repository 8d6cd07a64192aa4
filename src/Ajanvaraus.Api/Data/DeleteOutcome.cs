namespace Ajanvaraus.Api.Data;

internal enum DeleteOutcome
{
    Deleted,
    NotFound,
    InUse,

    // Confirmed bookings not yet over need the row: refused, nothing changed.
    Booked,
}
