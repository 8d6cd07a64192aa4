using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Calendars;

// The names and place a calendar entry shows, in all three languages.
internal sealed record CalendarDetailsRow(
    string ServiceNameFi, string ServiceNameSv, string ServiceNameEn,
    string ProviderNameFi, string ProviderNameSv, string ProviderNameEn,
    string? PointNameFi, string? PointNameSv, string? PointNameEn,
    string? StreetAddress, string? PostalCode, string? PostOffice, string? TimeZone);

internal sealed class CalendarStore(Db db)
{
    internal const string DetailsSql = """
        SELECT s.NameFi AS ServiceNameFi, s.NameSv AS ServiceNameSv, s.NameEn AS ServiceNameEn,
               p.NameFi AS ProviderNameFi, p.NameSv AS ProviderNameSv, p.NameEn AS ProviderNameEn,
               sp.NameFi AS PointNameFi, sp.NameSv AS PointNameSv, sp.NameEn AS PointNameEn,
               sp.StreetAddress, sp.PostalCode, sp.PostOffice, sp.TimeZone
        FROM Bookings b
        JOIN Services s ON s.Id = b.ServiceId
        JOIN Providers p ON p.Id = b.ProviderId
        LEFT JOIN ServicePoints sp ON sp.Id = b.ServicePointId
        WHERE b.Id = @BookingId
        """;

    public async Task<CalendarDetailsRow> DetailsAsync(Guid bookingId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleAsync<CalendarDetailsRow>(new CommandDefinition(DetailsSql, new { BookingId = bookingId }, cancellationToken: ct));
    }
}
