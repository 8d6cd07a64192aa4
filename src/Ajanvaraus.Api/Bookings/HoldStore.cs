using System.Data.Common;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

// Holds: booked units that carry an expiry, written the same way as a booking's, so they win or lose the same race.
internal sealed class HoldStore(Db db, TimeProvider clock, IOptions<BookingOptions> options)
{
    internal const string InsertSql = """
        INSERT INTO Holds (Id, TokenHash, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, ExpiresAt, ClientId, CreatedAt)
        VALUES (@Id, @TokenHash, @ServiceId, @ExpertId, @ServicePointId, @VideoRoomId, @Channel, @StartsAt, @EndsAt, @ExpiresAt, @ClientId, @CreatedAt)
        """;

    internal const string FindSql = """
        SELECT Id, TokenHash, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, ExpiresAt, ClientId, CreatedAt
        FROM Holds WHERE Id = @Id
        """;

    internal const string DeleteSql = """
        DELETE FROM Holds WHERE Id = @Id
        """;

    public async Task<HoldRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<HoldRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    // The hold as written (with its room), or null when its time is taken.
    public async Task<HoldRow?> CreateAsync(BookableSlot bookable, string tokenHash, string? clientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var slot = bookable.Slot;
        var hold = new HoldRow(
            db.NewId(), tokenHash, bookable.Service.Id, slot.ExpertId, slot.ServicePointId, null, ChannelFlags.Name(slot.Channel),
            slot.Start, slot.End, now.AddMinutes(options.Value.HoldMinutes), clientId, now);
        var reservation = new Reservation(slot.ExpertId, slot.Start, slot.End, bookable.Rooms);
        try
        {
            return await db.WriteAsync(async (c, tx) =>
            {
                var written = hold with { VideoRoomId = await UnitLedger.TakeAsync(db, c, tx, reservation, UnitOwner.Hold(hold.Id,
                    hold.ExpiresAt), now, ct) };
                await c.ExecuteAsync(new CommandDefinition(InsertSql, written, tx, cancellationToken: ct));
                return written;
            }, ct);
        }
        catch (Exception ex) when (UnitLedger.IsTaken(ex))
        {
            return null;
        }
    }

    public Task ReleaseAsync(HoldRow hold, CancellationToken ct) =>
        db.WriteAsync(async (c, tx) =>
        {
            await DeleteAsync(c, tx, hold, clock.GetUtcNow(), ct);
            return true;
        }, ct);

    // The hold's row first, then its units by their clustered key (the order every writer keeps).
    public static async Task DeleteAsync(DbConnection c, DbTransaction tx, HoldRow hold, DateTimeOffset now, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(DeleteSql, new { hold.Id }, tx, cancellationToken: ct));
        await UnitLedger.FreeAsync(c, tx, UnitOwner.Hold(hold.Id, hold.ExpiresAt), hold.ExpertId, hold.VideoRoomId, hold.StartsAt,
            hold.EndsAt, now, ct);
    }
}
