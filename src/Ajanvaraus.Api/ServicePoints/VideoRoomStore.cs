using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.ServicePoints;

// A point's remote-service rooms: remote_at_point bookings take one active room for their whole time.
internal sealed class VideoRoomStore(Db db)
{
    internal const string ListSql = """
        SELECT Id, ServicePointId, Name, IsActive FROM VideoRooms WHERE ServicePointId = @Id ORDER BY CreatedAt, Id
        """;

    internal const string ActiveSql = """
        SELECT Id, ServicePointId, Name, IsActive FROM VideoRooms WHERE ServicePointId = @Id AND IsActive = 1 ORDER BY CreatedAt, Id
        """;

    internal const string FindSql = """
        SELECT Id, ServicePointId, Name, IsActive FROM VideoRooms WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    internal const string InsertSql = """
        INSERT INTO VideoRooms (Id, ServicePointId, Name, IsActive, CreatedAt) VALUES (@Id, @ServicePointId, @Name, @IsActive, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE VideoRooms SET Name = @Name, IsActive = @IsActive WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    // As for services: the room's row first (a booking's foreign-key check on SQL Server then waits for this
    // transaction), then a locking count (READCOMMITTEDLOCK: a snapshot read would miss a booking committing now).
    internal const string LockSql = """
        UPDATE VideoRooms SET IsActive = IsActive WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    internal static readonly DialectSql FutureBookingsSql = new(
        SqlServer: """
            SELECT COUNT(*) FROM dbo.Bookings WITH (READCOMMITTEDLOCK)
            WHERE ServicePointId = @ServicePointId AND StartsAt > @Since AND VideoRoomId = @Id AND Status = 'confirmed' AND EndsAt > @Now
            """,
        Sqlite: """
            SELECT COUNT(*) FROM Bookings
            WHERE ServicePointId = @ServicePointId AND StartsAt > @Since AND VideoRoomId = @Id AND Status = 'confirmed' AND EndsAt > @Now
            """);

    internal const string DeleteSql = """
        DELETE FROM VideoRooms WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    // All the point's rooms, active or retired, in the order they were added.
    public async Task<IReadOnlyList<VideoRoomRow>> ListAsync(string servicePointId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<VideoRoomRow>(new CommandDefinition(ListSql, new { Id = servicePointId }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<VideoRoomRow?> FindAsync(string servicePointId, Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { Id = id, ServicePointId = servicePointId };
        return await c.QuerySingleOrDefaultAsync<VideoRoomRow>(new CommandDefinition(FindSql, args, cancellationToken: ct));
    }

    // False when the point does not exist.
    // Rooms are in the search catalogue (remote_at_point times need a free one).
    public async Task<bool> InsertAsync(VideoRoomRow row, CancellationToken ct)
    {
        try
        {
            return await CatalogueWriteAsync(InsertSql, row, ct);
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return false;
        }
    }

    // False when the point has no such room.
    public Task<bool> UpdateAsync(VideoRoomRow row, CancellationToken ct) => CatalogueWriteAsync(UpdateSql, row, ct);

    private Task<bool> CatalogueWriteAsync(string sql, VideoRoomRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            var args = new { row.Id, row.ServicePointId, row.Name, IsActive = row.IsActive ? 1 : 0, scope.Now };
            if (await scope.ExecuteAsync(sql, args) != 1)
            {
                return false;
            }

            scope.CatalogueChanged();
            return true;
        }, ct);

    // Booked (with their number) while confirmed bookings not yet over need the room; InUse while past bookings or holds
    // refer to it (retire it instead); otherwise Deleted.
    public Task<(DeleteOutcome Outcome, int FutureBookings)> DeleteAsync(string servicePointId, Guid id, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            var outcome = await DeleteOutcomes.GuardedAsync(scope, LockSql, scope.Sql(FutureBookingsSql), DeleteSql,
                new { Id = id, ServicePointId = servicePointId, scope.Now, Since = scope.Now.AddDays(-1) });
            if (outcome.Outcome == DeleteOutcome.Deleted)
            {
                scope.CatalogueChanged();
            }

            return outcome;
        }, ct);
}
