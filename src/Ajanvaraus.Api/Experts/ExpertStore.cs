using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Experts;

internal sealed class ExpertStore(Db db)
{
    // Keyset: `Id > @After` with the smallest key for the first page (never `@After IS NULL OR …`, whose one cached plan
    // on SQL Server cannot seek to the cursor and reads every earlier page again).
    internal static readonly DialectSql ListSql = new(
        SqlServer: """
            SELECT TOP (@Take) Id, ProviderId, DisplayName
            FROM dbo.Experts
            WHERE ProviderId = @ProviderId AND Id > @After
            ORDER BY Id
            """,
        Sqlite: """
            SELECT Id, ProviderId, DisplayName
            FROM Experts
            WHERE ProviderId = @ProviderId AND Id > @After
            ORDER BY Id
            LIMIT @Take
            """);

    // A page is a contiguous id range of one provider's experts, so its details are read by that range.
    internal const string PageDetailsSql = """
        SELECT l.ExpertId, l.Language
        FROM ExpertLanguages l
        JOIN Experts e ON e.Id = l.ExpertId
        WHERE e.ProviderId = @ProviderId AND l.ExpertId >= @First AND l.ExpertId <= @Last;
        SELECT es.ExpertId, es.ServiceId
        FROM ExpertServices es
        JOIN Experts e ON e.Id = es.ExpertId
        WHERE e.ProviderId = @ProviderId AND es.ExpertId >= @First AND es.ExpertId <= @Last;
        """;

    internal const string FindSql = """
        SELECT Id, ProviderId, DisplayName FROM Experts WHERE Id = @Id;
        SELECT ExpertId, Language FROM ExpertLanguages WHERE ExpertId = @Id;
        SELECT ExpertId, ServiceId FROM ExpertServices WHERE ExpertId = @Id;
        """;

    internal const string InsertSql = """
        INSERT INTO Experts (Id, ProviderId, DisplayName, IsActive, CreatedAt, UpdatedAt)
        VALUES (@Id, @ProviderId, @DisplayName, 1, @Now, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE Experts SET DisplayName = @DisplayName, UpdatedAt = @Now WHERE Id = @Id AND ProviderId = @ProviderId
        """;

    internal const string ClearDetailsSql = """
        DELETE FROM ExpertLanguages WHERE ExpertId = @Id;
        DELETE FROM ExpertServices WHERE ExpertId = @Id;
        """;

    internal const string InsertLanguageSql = """
        INSERT INTO ExpertLanguages (ExpertId, Language) VALUES (@ExpertId, @Language)
        """;

    // Links only an active service of the expert's own provider: a foreign or unknown id inserts nothing.
    internal const string LinkServiceSql = """
        INSERT INTO ExpertServices (ExpertId, ServiceId)
        SELECT @ExpertId, Id FROM Services WHERE Id = @ServiceId AND ProviderId = @ProviderId AND IsActive = 1
        """;

    // As for services: the expert's row first (a booking's foreign-key check on SQL Server then waits for this
    // transaction), then a locking count (READCOMMITTEDLOCK: a snapshot read would miss a booking committing now).
    internal const string LockSql = """
        UPDATE Experts SET UpdatedAt = @Now WHERE Id = @Id AND ProviderId = @ProviderId
        """;

    internal static readonly DialectSql FutureBookingsSql = new(
        SqlServer: """
            SELECT COUNT(*) FROM dbo.Bookings WITH (READCOMMITTEDLOCK)
            WHERE ExpertId = @Id AND StartsAt > @Since AND Status = 'confirmed' AND EndsAt > @Now
            """,
        Sqlite: """
            SELECT COUNT(*) FROM Bookings WHERE ExpertId = @Id AND StartsAt > @Since AND Status = 'confirmed' AND EndsAt > @Now
            """);

    internal const string DeleteSql = """
        DELETE FROM Experts WHERE Id = @Id AND ProviderId = @ProviderId
        """;

    public async Task<IReadOnlyList<ExpertRow>> ListAsync(string providerId, Guid? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var heads = (await c.QueryAsync<ExpertHeadRow>(new CommandDefinition(db.Sql(ListSql), new { ProviderId = providerId,
            After = after ?? Guid.Empty, Take = take }, cancellationToken: ct))).AsList();
        if (heads.Count == 0)
        {
            return [];
        }

        var range = new { ProviderId = providerId, First = heads[0].Id, Last = heads[^1].Id };
        await using var details = await c.QueryMultipleAsync(new CommandDefinition(PageDetailsSql, range, cancellationToken: ct));
        var languages = (await details.ReadAsync<ExpertLanguageRow>()).ToLookup(l => l.ExpertId, l => l.Language);
        var services = (await details.ReadAsync<ExpertServiceRow>()).ToLookup(s => s.ExpertId, s => s.ServiceId);
        return heads.Select(h => Compose(h, languages[h.Id], services[h.Id])).ToList();
    }

    // The expert with their languages and services, or null.
    public async Task<ExpertRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var result = await c.QueryMultipleAsync(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
        var head = await result.ReadSingleOrDefaultAsync<ExpertHeadRow>();
        var languages = await result.ReadAsync<ExpertLanguageRow>();
        var services = await result.ReadAsync<ExpertServiceRow>();
        return head is null ? null : Compose(head, languages.Select(l => l.Language), services.Select(s => s.ServiceId));
    }

    // Saved, or UnknownServices (nothing written) when a service id is not an active service of the provider.
    public Task<ExpertSave> InsertAsync(ExpertRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            await scope.ExecuteAsync(InsertSql, new { row.Id, row.ProviderId, row.DisplayName, scope.Now });
            return await WriteDetailsAsync(scope, row);
        }, ct);

    // Replaces name, languages and services in one transaction; NotFound when the provider has no such expert.
    public Task<ExpertSave> UpdateAsync(ExpertRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            if (await scope.ExecuteAsync(UpdateSql, new { row.Id, row.ProviderId, row.DisplayName, scope.Now }) != 1)
            {
                return ExpertSave.NotFound;
            }

            await scope.ExecuteAsync(ClearDetailsSql, new { row.Id });
            return await WriteDetailsAsync(scope, row);
        }, ct);

    // Booked (with their number) while confirmed bookings not yet over need the expert; InUse while past bookings or
    // holds refer to them; otherwise Deleted with their rules, absences and windows.
    public Task<(DeleteOutcome Outcome, int FutureBookings)> DeleteAsync(string providerId, Guid id, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            var outcome = await DeleteOutcomes.GuardedAsync(scope, LockSql, scope.Sql(FutureBookingsSql), DeleteSql,
                new { Id = id, ProviderId = providerId, scope.Now, Since = scope.Now.AddDays(-1) });
            if (outcome.Outcome == DeleteOutcome.Deleted)
            {
                // Their windows went with them (ON DELETE CASCADE), and they leave the catalogue.
                scope.WindowsChanged([id]);
                scope.CatalogueChanged();
            }

            return outcome;
        }, ct);

    // Rolled back unless every service id was linked. Languages and services are in the search catalogue.
    private static async Task<ExpertSave> WriteDetailsAsync(WriteScope scope, ExpertRow row)
    {
        await scope.ExecuteAsync(InsertLanguageSql, row.Languages.Select(language => new { ExpertId = row.Id, Language = language }));
        var links = row.ServiceIds.Select(serviceId => new { ExpertId = row.Id, ServiceId = serviceId, row.ProviderId });
        if (await scope.ExecuteAsync(LinkServiceSql, links) != row.ServiceIds.Count)
        {
            scope.Discard();
            return ExpertSave.UnknownServices;
        }

        scope.CatalogueChanged();
        return ExpertSave.Saved;
    }

    private static ExpertRow Compose(ExpertHeadRow head, IEnumerable<string> languages, IEnumerable<Guid> services) =>
        new(head.Id, head.ProviderId, head.DisplayName, languages.Order(StringComparer.Ordinal).ToList(), services.Order().ToList());
}
