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
        INSERT INTO Holds (Id, TokenHash, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, ExpiresAt, ClientId, CreatedAt,
            ClientAddress)
        VALUES (@Id, @TokenHash, @ServiceId, @ExpertId, @ServicePointId, @VideoRoomId, @Channel, @StartsAt, @EndsAt, @ExpiresAt, @ClientId, @CreatedAt,
            @ClientAddress)
        """;

    // A caller's live holds (RateLimits:*:LiveHolds): a portal's by its client id, an anonymous caller's by address.
    // Read before the hold's write, so on SQL Server two racing holds of one caller may both pass (the cap may be
    // exceeded by the caller's concurrency, never the booked-unit guarantee); on SQLite writes queue, so it is near exact.
    // The cap bounds the rows read.
    // Two texts, not one with OR, so each seeks its own index (IX_Holds_ClientId, IX_Holds_ClientAddress).
    internal const string LiveHoldsOfClientSql = """
        SELECT ExpiresAt FROM Holds WHERE ClientId = @ClientId AND ExpiresAt > @Now
        """;

    internal const string LiveHoldsOfAddressSql = """
        SELECT ExpiresAt FROM Holds WHERE ClientAddress = @ClientAddress AND ClientId IS NULL AND ExpiresAt > @Now
        """;

    // Live anonymous holds of one service at one point (no point: its remote times) starting within one day (HoldShare).
    // Through IX_Holds_ExpiresAt: only live holds are read, and the caps bound how many there are.
    internal const string AnonymousOfDaySql = """
        SELECT ExpiresAt FROM Holds
        WHERE ExpiresAt > @Now AND ServiceId = @ServiceId AND StartsAt >= @DayStart AND StartsAt < @DayEnd
          AND ClientId IS NULL AND ClientAddress IS NOT NULL
          AND (ServicePointId = @ServicePointId OR (ServicePointId IS NULL AND @ServicePointId IS NULL))
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

    public async Task<(int Live, DateTimeOffset? FirstExpiry)> LiveHoldsAsync(string? clientId, string clientAddress, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var sql = clientId is null ? LiveHoldsOfAddressSql : LiveHoldsOfClientSql;
        var expiries = (await c.QueryAsync<DateTimeOffset>(new CommandDefinition(sql, new { ClientId = clientId,
            ClientAddress = clientAddress, Now = clock.GetUtcNow() }, cancellationToken: ct))).AsList();
        return (expiries.Count, expiries.Count == 0 ? null : expiries.Min());
    }

    public async Task<(int Live, DateTimeOffset? FirstExpiry)> AnonymousHoldsOfDayAsync(Guid serviceId, string? servicePointId,
        DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new
        {
            ServiceId = serviceId, ServicePointId = servicePointId, DayStart = dayStart, DayEnd = dayEnd, Now = clock.GetUtcNow(),
        };
        var expiries = (await c.QueryAsync<DateTimeOffset>(new CommandDefinition(AnonymousOfDaySql, args, cancellationToken: ct))).AsList();
        return (expiries.Count, expiries.Count == 0 ? null : expiries.Min());
    }

    // The hold as written (with its room), or null when its time is taken.
    public async Task<HoldRow?> CreateAsync(BookableSlot bookable, string tokenHash, string? clientId, string? clientAddress,
        CancellationToken ct)
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
                var args = new DynamicParameters(written);
                args.Add("ClientAddress", clientAddress);
                await c.ExecuteAsync(new CommandDefinition(InsertSql, args, tx, cancellationToken: ct));
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
