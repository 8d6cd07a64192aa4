namespace Ajanvaraus.Api.Bookings;

// How a booking, a move or a hold ended, for the handler to map to HTTP: done (with the booking or hold), the request
// invalid (errors by field), refused to staff (403), the time taken (409), the key reused with another body (422), or
// the key's first request still running (409), the booking changed meanwhile or no longer confirmed, the caller over
// their live holds (429).
internal enum FlowResult
{
    Done,
    Invalid,
    Forbidden,
    Taken,
    KeyReused,
    InProgress,
    NotConfirmed,
    ChangedMeanwhile,
    OverCap,
    WrongHoldToken,
    OtherClient,
}

internal sealed record FlowOutcome(FlowResult Result, BookingView? View = null, string? ManageToken = null,
    Dictionary<string, string[]>? Errors = null, string? Detail = null, BookingRow? Row = null)
{
    public static FlowOutcome Invalid(Dictionary<string, string[]> errors) => new(FlowResult.Invalid, Errors: errors);
}
