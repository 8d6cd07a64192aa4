using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.ServicePoints;

internal sealed partial class ServicePointStore
{
    // A closure is in range when it overlaps [From, To]; either bound may be absent.
    internal const string ClosuresSql = """
        SELECT Id, ServicePointId, FirstDay, LastDay, Reason
        FROM ServicePointClosures
        WHERE ServicePointId = @ServicePointId
            AND (@From IS NULL OR LastDay >= @From)
            AND (@To IS NULL OR FirstDay <= @To)
        ORDER BY FirstDay, LastDay
        """;

    internal const string FindClosureSql = """
        SELECT Id, ServicePointId, FirstDay, LastDay, Reason
        FROM ServicePointClosures WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    internal const string InsertClosureSql = """
        INSERT INTO ServicePointClosures (Id, ServicePointId, FirstDay, LastDay, Reason)
        VALUES (@Id, @ServicePointId, @FirstDay, @LastDay, @Reason)
        """;

    internal const string DeleteClosureSql = """
        DELETE FROM ServicePointClosures WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    /// <summary>The point's closures that overlap the local days [fromDay, toDay] (null: unbounded), by first day.</summary>
    public async Task<IReadOnlyList<ClosureRow>> ClosuresAsync(string servicePointId, DateOnly? fromDay, DateOnly? toDay, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServicePointId = servicePointId, From = fromDay, To = toDay };
        var rows = await c.QueryAsync<ClosureRow>(new CommandDefinition(ClosuresSql, args, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<ClosureRow?> FindClosureAsync(string servicePointId, Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { Id = id, ServicePointId = servicePointId };
        return await c.QuerySingleOrDefaultAsync<ClosureRow>(new CommandDefinition(FindClosureSql, args, cancellationToken: ct));
    }

    /// <summary>False when the point does not exist.</summary>
    public async Task<bool> InsertClosureAsync(ClosureRow row, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        try
        {
            await c.ExecuteAsync(new CommandDefinition(InsertClosureSql, row, cancellationToken: ct));
            return true;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return false;
        }
    }

    /// <summary>The closure removed (its days are what reopen), or null when the point has no such closure.</summary>
    public async Task<ClosureRow?> DeleteClosureAsync(string servicePointId, Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var args = new { Id = id, ServicePointId = servicePointId };
        var row = await c.QuerySingleOrDefaultAsync<ClosureRow>(new CommandDefinition(FindClosureSql, args, tx, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        await c.ExecuteAsync(new CommandDefinition(DeleteClosureSql, args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return row;
    }
}
