using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Statistics;

internal sealed record ServiceEventFit
{
    public long ProviderServes { get; init; }
    public long TypeFits { get; init; }
    public long ServiceFits { get; init; }
}

internal sealed class ServiceEventStore(Db db)
{
    internal const string FitSql = """
        SELECT
            (SELECT COUNT(*) FROM ServicePointProviders WHERE ServicePointId = @ServicePointId AND ProviderId = @ProviderId) AS ProviderServes,
            (SELECT COUNT(*) FROM TransactionTypes WHERE Id = @TransactionTypeId AND (ProviderId IS NULL OR ProviderId = @ProviderId))
                AS TypeFits,
            (SELECT COUNT(*) FROM Services WHERE Id = @ServiceId AND ProviderId = @ProviderId) AS ServiceFits
        """;

    internal const string InsertSql = """
        INSERT INTO ServiceEvents (Id, ServicePointId, ProviderId, ServiceId, TransactionTypeId, Channel, OccurredAt, Language,
            RecordedByKind, RecordedById, RecordedAt)
        VALUES (@Id, @ServicePointId, @ProviderId, @ServiceId, @TransactionTypeId, @Channel, @OccurredAt, @Language,
            @RecordedByKind, @RecordedById, @RecordedAt)
        """;

    internal const string DaySql = """
        SELECT Id, ServicePointId, ProviderId, ServiceId, TransactionTypeId, Channel, OccurredAt, Language, RecordedByKind, RecordedById,
            RecordedAt
        FROM ServiceEvents
        WHERE ServicePointId = @ServicePointId AND OccurredAt >= @From AND OccurredAt < @To
            AND (@ProviderId IS NULL OR ProviderId = @ProviderId)
        ORDER BY OccurredAt, Id
        """;

    internal const string FindSql = """
        SELECT Id, ServicePointId, ProviderId, ServiceId, TransactionTypeId, Channel, OccurredAt, Language, RecordedByKind, RecordedById,
            RecordedAt
        FROM ServiceEvents WHERE Id = @Id
        """;

    // The audit record first, then the event goes: both or neither. On SQL Server the DELETE's row lock makes a second,
    // racing correction find nothing to delete (0 rows), and its copy is rolled back with it.
    internal const string CorrectSql = """
        INSERT INTO ServiceEventCorrections (EventId, ServicePointId, ProviderId, ServiceId, TransactionTypeId, Channel, OccurredAt,
            Language, RecordedByKind, RecordedById, RecordedAt, CorrectedByKind, CorrectedById, CorrectedAt)
        SELECT Id, ServicePointId, ProviderId, ServiceId, TransactionTypeId, Channel, OccurredAt, Language, RecordedByKind, RecordedById,
            RecordedAt, @CorrectedByKind, @CorrectedById, @Now
        FROM ServiceEvents WHERE Id = @Id
        """;

    internal const string DeleteSql = """
        DELETE FROM ServiceEvents WHERE Id = @Id
        """;

    public async Task<ServiceEventFit> FitAsync(string pointId, string providerId, string typeId, Guid? serviceId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleAsync<ServiceEventFit>(new CommandDefinition(FitSql, new
        {
            ServicePointId = pointId, ProviderId = providerId, TransactionTypeId = typeId, ServiceId = serviceId,
        }, cancellationToken: ct));
    }

    public Task InsertAsync(ServiceEventRow row, CancellationToken ct) =>
        db.WriteAsync(scope => scope.ExecuteAsync(InsertSql, row), ct);

    public async Task<IReadOnlyList<ServiceEventRow>> DayAsync(string pointId, DateTimeOffset from, DateTimeOffset to, string? providerId,
        CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<ServiceEventRow>(new CommandDefinition(DaySql, new
        {
            ServicePointId = pointId, From = from, To = to, ProviderId = providerId,
        }, cancellationToken: ct))).AsList();
    }

    public async Task<ServiceEventRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ServiceEventRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    // False when the event was gone already (corrected meanwhile).
    public async Task<bool> CorrectAsync(Guid id, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await CorrectOnceAsync(id, actor, now, ct);
        }
        catch (Exception ex) when (Db.IsUniqueViolation(ex))
        {
            // SQL Server: a racing correction copied the event first.
            return false;
        }
    }

    private Task<bool> CorrectOnceAsync(Guid id, Actor actor, DateTimeOffset now, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            var copied = await scope.ExecuteAsync(CorrectSql, new
            {
                Id = id, CorrectedByKind = actor.Kind, CorrectedById = actor.MadeById, Now = now,
            });
            if (copied == 0)
            {
                return false;
            }

            await scope.ExecuteAsync(DeleteSql, new { Id = id });
            return true;
        }, ct);
}
