namespace Ajanvaraus.Api.Bookings;

// A citizen reaches a booking only with its manage token: the X-Manage-Token header, or ?token= in e-mail links.
// A wrong or missing token looks exactly like an unknown booking (404), giving no hint that it exists.
internal static class ManageAccess
{
    public const string Header = "X-Manage-Token";

    public static string? TokenOf(HttpRequest request) =>
        request.Headers[Header].FirstOrDefault() is { Length: > 0 } header ? header : request.Query["token"].FirstOrDefault();

    public static async Task<BookingRow?> FindAsync(Guid id, HttpRequest request, BookingStore store, CancellationToken ct)
    {
        var token = TokenOf(request);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var row = await store.FindAsync(id, ct);
        return row is not null && ManageToken.Matches(token, row.ManageTokenHash) ? row : null;
    }
}
