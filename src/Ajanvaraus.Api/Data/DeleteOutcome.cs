namespace Ajanvaraus.Api.Data;

internal enum DeleteOutcome
{
    Deleted,
    NotFound,
    InUse,

    // Confirmed bookings not yet over need the row: refused, nothing changed.
    Booked,
}

internal static class DeleteOutcomes
{
    // The delete of a row that bookings may need (an expert, a video room): its row locked first (lockSql answers 1 when
    // it exists), Booked with their number while confirmed bookings not yet over need it, InUse while past bookings or
    // holds refer to it (a foreign key: retire it instead), otherwise Deleted.
    public static async Task<(DeleteOutcome Outcome, int FutureBookings)> GuardedAsync(
        WriteScope scope, string lockSql, string futureBookingsSql, string deleteSql, object key)
    {
        if (await scope.ExecuteAsync(lockSql, key) != 1)
        {
            return (DeleteOutcome.NotFound, 0);
        }

        var booked = await scope.ScalarAsync<int>(futureBookingsSql, key);
        if (booked > 0)
        {
            return (DeleteOutcome.Booked, booked);
        }

        try
        {
            await scope.ExecuteCaughtAsync(deleteSql, key);
            return (DeleteOutcome.Deleted, 0);
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return (DeleteOutcome.InUse, 0);
        }
    }
}
