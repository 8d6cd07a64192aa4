using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Advisers;

// The day at a point: every agency's bookings there, through IX_Bookings_ServicePoint (ServicePointId, StartsAt).
internal sealed class AgendaStore(Db db)
{
    internal const string DaySql = """
        SELECT b.Id, b.Reference, b.Status, b.StartsAt, b.EndsAt, b.Channel, b.ProviderId,
               p.NameFi AS ProviderNameFi, p.NameSv AS ProviderNameSv, p.NameEn AS ProviderNameEn,
               b.ServiceId, s.NameFi AS ServiceNameFi, s.NameSv AS ServiceNameSv, s.NameEn AS ServiceNameEn, s.CardFi, s.CardSv, s.CardEn,
               b.ExpertId, e.DisplayName AS ExpertName, b.VideoRoomId, r.Name AS VideoRoomName,
               b.CustomerName, b.CustomerEmail, b.CustomerPhone, b.CustomerLanguage, b.Notes, b.CheckedInAt, b.MadeByKind, b.MadeById
        FROM Bookings b
        JOIN Providers p ON p.Id = b.ProviderId
        JOIN Services s ON s.Id = b.ServiceId
        JOIN Experts e ON e.Id = b.ExpertId
        LEFT JOIN VideoRooms r ON r.Id = b.VideoRoomId
        WHERE b.ServicePointId = @ServicePointId AND b.StartsAt >= @From AND b.StartsAt < @To
          AND (@ProviderId IS NULL OR b.ProviderId = @ProviderId)
          AND ((@Status IS NULL AND b.Status <> 'cancelled') OR b.Status = @Status)
        ORDER BY b.StartsAt, b.Id
        """;

    public async Task<IReadOnlyList<AgendaRow>> DayAsync(
        string servicePointId, DateTimeOffset from, DateTimeOffset to, string? providerId, string? status, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServicePointId = servicePointId, From = from, To = to, ProviderId = providerId, Status = status };
        return (await c.QueryAsync<AgendaRow>(new CommandDefinition(DaySql, args, cancellationToken: ct))).AsList();
    }
}
