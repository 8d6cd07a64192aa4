using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.ServicePoints;

internal sealed partial class ServicePointStore
{
    internal const string VideoRoomsSql = """
        SELECT Id, ServicePointId, Name, IsActive FROM VideoRooms WHERE ServicePointId = @Id ORDER BY CreatedAt, Id
        """;

    internal const string ActiveVideoRoomsSql = """
        SELECT Id, ServicePointId, Name, IsActive FROM VideoRooms WHERE ServicePointId = @Id AND IsActive = 1 ORDER BY CreatedAt, Id
        """;

    internal const string ActiveVideoRoomIdsSql = """
        SELECT Id FROM VideoRooms WHERE ServicePointId = @Id AND IsActive = 1 ORDER BY CreatedAt, Id
        """;

    internal const string FindVideoRoomSql = """
        SELECT Id, ServicePointId, Name, IsActive FROM VideoRooms WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    internal const string InsertVideoRoomSql = """
        INSERT INTO VideoRooms (Id, ServicePointId, Name, IsActive, CreatedAt) VALUES (@Id, @ServicePointId, @Name, @IsActive, @Now)
        """;

    internal const string UpdateVideoRoomSql = """
        UPDATE VideoRooms SET Name = @Name, IsActive = @IsActive WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    internal const string DeleteVideoRoomSql = """
        DELETE FROM VideoRooms WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    /// <summary>All the point's rooms, active or retired, in the order they were added.</summary>
    public async Task<IReadOnlyList<VideoRoomRow>> VideoRoomsAsync(string servicePointId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<VideoRoomRow>(new CommandDefinition(VideoRoomsSql, new { Id = servicePointId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The rooms that may take new remote_at_point bookings.</summary>
    public async Task<IReadOnlyList<Guid>> ActiveVideoRoomIdsAsync(string servicePointId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var ids = await c.QueryAsync<Guid>(new CommandDefinition(ActiveVideoRoomIdsSql, new { Id = servicePointId }, cancellationToken: ct));
        return ids.AsList();
    }

    public async Task<VideoRoomRow?> FindVideoRoomAsync(string servicePointId, Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { Id = id, ServicePointId = servicePointId };
        return await c.QuerySingleOrDefaultAsync<VideoRoomRow>(new CommandDefinition(FindVideoRoomSql, args, cancellationToken: ct));
    }

    /// <summary>False when the point does not exist.</summary>
    public async Task<bool> InsertVideoRoomAsync(VideoRoomRow row, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            var args = new { row.Id, row.ServicePointId, row.Name, IsActive = row.IsActive ? 1 : 0, Now = clock.GetUtcNow() };
            await c.ExecuteAsync(new CommandDefinition(InsertVideoRoomSql, args, cancellationToken: ct));
            return true;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return false;
        }
    }

    /// <summary>False when the point has no such room.</summary>
    public async Task<bool> UpdateVideoRoomAsync(VideoRoomRow row, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { row.Id, row.ServicePointId, row.Name, IsActive = row.IsActive ? 1 : 0 };
        return await c.ExecuteAsync(new CommandDefinition(UpdateVideoRoomSql, args, cancellationToken: ct)) == 1;
    }

    /// <summary>Deleted, NotFound, or InUse when bookings or holds refer to the room (retire it instead).</summary>
    public async Task<DeleteOutcome> DeleteVideoRoomAsync(string servicePointId, Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            var deleted = await c.ExecuteAsync(new CommandDefinition(DeleteVideoRoomSql, new { Id = id, ServicePointId = servicePointId }, cancellationToken: ct));
            return deleted == 1 ? DeleteOutcome.Deleted : DeleteOutcome.NotFound;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return DeleteOutcome.InUse;
        }
    }
}
