using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

/// <summary>Holds: booked units that carry an expiry, written the same way as a booking's, so they win or lose the same race.</summary>
internal sealed class HoldStore(Db db, TimeProvider clock)
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

    /// <summary>The hold as written (with its room), or null when its time is taken.</summary>
    public async Task<HoldRow?> CreateAsync(HoldRow hold, Reservation reservation, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        try
        {
            var room = await UnitLedger.TakeAsync(db, c, tx, reservation, null, hold.Id, hold.ExpiresAt, clock.GetUtcNow(), ct);
            hold = hold with { VideoRoomId = room };
            await c.ExecuteAsync(new CommandDefinition(InsertSql, hold, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return hold;
        }
        catch (Exception ex) when (UnitLedger.IsTaken(ex))
        {
            await tx.RollbackAsync(ct);
            return null;
        }
    }

    public async Task ReleaseAsync(Guid holdId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await db.BeginWriteAsync(c, ct);
        await UnitLedger.FreeHoldAsync(c, tx, holdId, ct);
        await c.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = holdId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }
}
