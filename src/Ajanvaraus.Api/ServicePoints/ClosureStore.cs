using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.ServicePoints;

// A point's closures (whole local days it is shut); the handler rebuilds the point's windows after each change.
internal sealed class ClosureStore(Db db)
{
    // A closure is in range when it overlaps [From, To]; either bound may be absent.
    internal const string ListSql = """
        SELECT Id, ServicePointId, FirstDay, LastDay, Reason
        FROM ServicePointClosures
        WHERE ServicePointId = @ServicePointId
            AND (@From IS NULL OR LastDay >= @From)
            AND (@To IS NULL OR FirstDay <= @To)
        ORDER BY FirstDay, LastDay
        """;

    internal const string FindSql = """
        SELECT Id, ServicePointId, FirstDay, LastDay, Reason
        FROM ServicePointClosures WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    internal const string InsertSql = """
        INSERT INTO ServicePointClosures (Id, ServicePointId, FirstDay, LastDay, Reason)
        VALUES (@Id, @ServicePointId, @FirstDay, @LastDay, @Reason)
        """;

    internal const string DeleteSql = """
        DELETE FROM ServicePointClosures WHERE Id = @Id AND ServicePointId = @ServicePointId
        """;

    // The point's closures that overlap the local days [fromDay, toDay] (null: unbounded), by first day.
    public async Task<IReadOnlyList<ClosureRow>> ListAsync(string servicePointId, DateOnly? fromDay, DateOnly? toDay, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { ServicePointId = servicePointId, From = fromDay, To = toDay };
        var rows = await c.QueryAsync<ClosureRow>(new CommandDefinition(ListSql, args, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<ClosureRow?> FindAsync(string servicePointId, Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { Id = id, ServicePointId = servicePointId };
        return await c.QuerySingleOrDefaultAsync<ClosureRow>(new CommandDefinition(FindSql, args, cancellationToken: ct));
    }

    // False when the point does not exist.
    // Closures are in the search catalogue (and cut windows: the caller rebuilds the point's).
    public async Task<bool> InsertAsync(ClosureRow row, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(async scope =>
            {
                await scope.ExecuteAsync(InsertSql, row);
                scope.CatalogueChanged();
                return true;
            }, ct);
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return false;
        }
    }

    // The closure removed (its days are what reopen), or null when the point has no such closure.
    public Task<ClosureRow?> DeleteAsync(string servicePointId, Guid id, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            var args = new { Id = id, ServicePointId = servicePointId };
            if (await scope.SingleOrDefaultAsync<ClosureRow>(FindSql, args) is not { } row)
            {
                return null;
            }

            await scope.ExecuteAsync(DeleteSql, args);
            scope.CatalogueChanged();
            return row;
        }, ct);
}
