using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Services;

internal sealed class ServiceStore(Db db)
{
    // Catalogue of one provider and the public search share one statement: every filter is optional. Sorted by the name
    // in the asked language, then id; the cursor is the last (name, id), and ("", empty id) before the first page, so that
    // no `@After IS NULL OR …` keeps SQL Server from seeking. The CASE keeps one text for three languages and is not
    // sargable: a list reads one provider's or a point's services (hundreds at most), not a large table.
    // SQLite compares with NOCASE (ASCII case folding) so that "asumistuki" does not sort after "Työnhaku"; SQL Server
    // uses the columns' collation (Finnish_Swedish_100_CI_AS when the migrator created the database).
    internal static readonly DialectSql SearchSql = new(
        SqlServer: """
            SELECT TOP (@Take) s.Id, s.ProviderId, s.NameFi, s.NameSv, s.NameEn, s.DescriptionFi, s.DescriptionSv, s.DescriptionEn,
                s.DurationMinutes, s.AllowsInPerson, s.AllowsRemoteAtPoint, s.AllowsVideo, s.AllowsPhone,
                p.NameFi AS ProviderNameFi, p.NameSv AS ProviderNameSv, p.NameEn AS ProviderNameEn
            FROM dbo.Services s
            JOIN dbo.Providers p ON p.Id = s.ProviderId
            CROSS APPLY (SELECT CASE @Language WHEN 'sv' THEN s.NameSv WHEN 'en' THEN s.NameEn ELSE s.NameFi END AS Name) n
            WHERE s.IsActive = 1
                AND (n.Name > @AfterName OR (n.Name = @AfterName AND s.Id > @AfterId))
                AND (@ProviderId IS NULL OR s.ProviderId = @ProviderId)
                AND (@ServicePointId IS NULL OR EXISTS (
                    SELECT 1 FROM dbo.ServicePointProviders spp
                    WHERE spp.ProviderId = s.ProviderId AND spp.ServicePointId = @ServicePointId))
                AND (@MunicipalityCode IS NULL OR EXISTS (
                    SELECT 1 FROM dbo.ServicePointProviders spp
                    JOIN dbo.ServicePoints sp ON sp.Id = spp.ServicePointId
                    WHERE spp.ProviderId = s.ProviderId AND sp.MunicipalityCode = @MunicipalityCode))
                AND (@InPerson = 0 OR s.AllowsInPerson = 1)
                AND (@RemoteAtPoint = 0 OR s.AllowsRemoteAtPoint = 1)
                AND (@Video = 0 OR s.AllowsVideo = 1)
                AND (@Phone = 0 OR s.AllowsPhone = 1)
            ORDER BY n.Name, s.Id
            """,
        Sqlite: """
            SELECT s.Id, s.ProviderId, s.NameFi, s.NameSv, s.NameEn, s.DescriptionFi, s.DescriptionSv, s.DescriptionEn,
                s.DurationMinutes, s.AllowsInPerson, s.AllowsRemoteAtPoint, s.AllowsVideo, s.AllowsPhone,
                p.NameFi AS ProviderNameFi, p.NameSv AS ProviderNameSv, p.NameEn AS ProviderNameEn,
                CASE @Language WHEN 'sv' THEN s.NameSv WHEN 'en' THEN s.NameEn ELSE s.NameFi END COLLATE NOCASE AS SortName
            FROM Services s
            JOIN Providers p ON p.Id = s.ProviderId
            WHERE s.IsActive = 1
                AND (SortName > @AfterName OR (SortName = @AfterName AND s.Id > @AfterId))
                AND (@ProviderId IS NULL OR s.ProviderId = @ProviderId)
                AND (@ServicePointId IS NULL OR EXISTS (
                    SELECT 1 FROM ServicePointProviders spp
                    WHERE spp.ProviderId = s.ProviderId AND spp.ServicePointId = @ServicePointId))
                AND (@MunicipalityCode IS NULL OR EXISTS (
                    SELECT 1 FROM ServicePointProviders spp
                    JOIN ServicePoints sp ON sp.Id = spp.ServicePointId
                    WHERE spp.ProviderId = s.ProviderId AND sp.MunicipalityCode = @MunicipalityCode))
                AND (@InPerson = 0 OR s.AllowsInPerson = 1)
                AND (@RemoteAtPoint = 0 OR s.AllowsRemoteAtPoint = 1)
                AND (@Video = 0 OR s.AllowsVideo = 1)
                AND (@Phone = 0 OR s.AllowsPhone = 1)
            ORDER BY SortName, s.Id
            LIMIT @Take
            """);

    internal const string FindSql = ServiceColumnsSql + """

        WHERE s.Id = @Id
        """;

    // Every bookable service, for the availability index's catalogue.
    internal const string ActiveSql = ServiceColumnsSql + """

        WHERE s.IsActive = 1
        """;

    private const string ServiceColumnsSql = """
        SELECT s.Id, s.ProviderId, s.NameFi, s.NameSv, s.NameEn, s.DescriptionFi, s.DescriptionSv, s.DescriptionEn, s.DurationMinutes,
            s.AllowsInPerson, s.AllowsRemoteAtPoint, s.AllowsVideo, s.AllowsPhone, s.MinimumNoticeMinutes, s.BookingHorizonDays,
            s.CancellationCutoffMinutes, s.CardFi, s.CardSv, s.CardEn,
            s.InstructionsFi, s.InstructionsSv, s.InstructionsEn, s.IsActive,
            p.NameFi AS ProviderNameFi, p.NameSv AS ProviderNameSv, p.NameEn AS ProviderNameEn
        FROM Services s
        JOIN Providers p ON p.Id = s.ProviderId
        """;

    internal const string InsertSql = """
        INSERT INTO Services (Id, ProviderId, NameFi, NameSv, NameEn, DescriptionFi, DescriptionSv, DescriptionEn, DurationMinutes,
            AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone, MinimumNoticeMinutes, BookingHorizonDays,
            CancellationCutoffMinutes, CardFi, CardSv, CardEn, InstructionsFi, InstructionsSv, InstructionsEn, IsActive, CreatedAt,
            UpdatedAt)
        VALUES (@Id, @ProviderId, @NameFi, @NameSv, @NameEn, @DescriptionFi, @DescriptionSv, @DescriptionEn, @DurationMinutes,
            @AllowsInPerson, @AllowsRemoteAtPoint, @AllowsVideo, @AllowsPhone, @MinimumNoticeMinutes, @BookingHorizonDays,
            @CancellationCutoffMinutes, @CardFi, @CardSv, @CardEn, @InstructionsFi, @InstructionsSv, @InstructionsEn, 1, @Now, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE Services
        SET NameFi = @NameFi, NameSv = @NameSv, NameEn = @NameEn,
            DescriptionFi = @DescriptionFi, DescriptionSv = @DescriptionSv, DescriptionEn = @DescriptionEn,
            DurationMinutes = @DurationMinutes, AllowsInPerson = @AllowsInPerson, AllowsRemoteAtPoint = @AllowsRemoteAtPoint,
            AllowsVideo = @AllowsVideo, AllowsPhone = @AllowsPhone, MinimumNoticeMinutes = @MinimumNoticeMinutes,
            BookingHorizonDays = @BookingHorizonDays, CancellationCutoffMinutes = @CancellationCutoffMinutes,
            CardFi = @CardFi, CardSv = @CardSv, CardEn = @CardEn,
            InstructionsFi = @InstructionsFi, InstructionsSv = @InstructionsSv, InstructionsEn = @InstructionsEn, UpdatedAt = @Now
        WHERE Id = @Id AND ProviderId = @ProviderId AND IsActive = 1
        """;

    // Locks the service row first: a booking's foreign-key check on SQL Server waits for this transaction, so no booking
    // of the service can appear between the count and the delete (on SQLite the writer queue orders them).
    internal const string LockSql = """
        UPDATE Services SET UpdatedAt = @Now WHERE Id = @Id AND ProviderId = @ProviderId AND IsActive = 1
        """;

    // Confirmed bookings not yet over. A booking lasts at most 8 h, so one not over started within the last day: the
    // provider's (ProviderId, StartsAt) index bounds the read. READCOMMITTEDLOCK: under READ_COMMITTED_SNAPSHOT a snapshot
    // read would miss a booking committing at this moment; the locking read waits for it.
    internal static readonly DialectSql FutureBookingsSql = new(
        SqlServer: """
            SELECT COUNT(*) FROM dbo.Bookings WITH (READCOMMITTEDLOCK)
            WHERE ProviderId = @ProviderId AND StartsAt > @Since AND ServiceId = @Id AND Status = 'confirmed' AND EndsAt > @Now
            """,
        Sqlite: """
            SELECT COUNT(*) FROM Bookings
            WHERE ProviderId = @ProviderId AND StartsAt > @Since AND ServiceId = @Id AND Status = 'confirmed' AND EndsAt > @Now
            """);

    internal const string DeleteSql = """
        DELETE FROM Services WHERE Id = @Id AND ProviderId = @ProviderId AND IsActive = 1
        """;

    internal const string DeactivateSql = """
        UPDATE Services SET IsActive = 0, UpdatedAt = @Now WHERE Id = @Id AND ProviderId = @ProviderId AND IsActive = 1
        """;

    // A deactivated service is no longer delivered by anyone: availability search must not offer it.
    internal const string UnlinkExpertsSql = """
        DELETE FROM ExpertServices WHERE ServiceId = @Id
        """;

    // Active services matching the filter, by name in the language, after the cursor's (name, id).
    public async Task<IReadOnlyList<ServiceSummaryRow>> SearchAsync(
        ServiceFilter filter, string language, (string Name, Guid Id)? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var parameters = new
        {
            Language = language,
            AfterName = after?.Name ?? "",
            AfterId = after?.Id ?? Guid.Empty,
            Take = take,
            filter.ProviderId,
            filter.ServicePointId,
            filter.MunicipalityCode,
            InPerson = filter.Channel == Channel.InPerson,
            RemoteAtPoint = filter.Channel == Channel.RemoteAtPoint,
            Video = filter.Channel == Channel.Video,
            Phone = filter.Channel == Channel.Phone,
        };
        var rows = await c.QueryAsync<ServiceSummaryRow>(new CommandDefinition(db.Sql(SearchSql), parameters, cancellationToken: ct));
        return rows.AsList();
    }

    // The service, active or not (bookings made before a deactivation still need its rules).
    public async Task<ServiceRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    public Task InsertAsync(ServiceRow row, CancellationToken ct) => CatalogueWriteAsync(InsertSql, row, ct);

    // False when the provider has no such active service.
    public Task<bool> UpdateAsync(ServiceRow row, CancellationToken ct) => CatalogueWriteAsync(UpdateSql, row, ct);

    // Services are in the search catalogue (duration, channels, notice): every instance reloads it.
    private Task<bool> CatalogueWriteAsync(string sql, ServiceRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            var parameters = new DynamicParameters(row);
            parameters.Add("Now", scope.Now);
            if (await scope.ExecuteAsync(sql, parameters) != 1)
            {
                return false;
            }

            scope.CatalogueChanged();
            return true;
        }, ct);

    // Booked (with their number) while confirmed bookings not yet over need the service; otherwise deleted, or
    // deactivated when past bookings or holds still refer to it. One transaction: nothing changes on Booked.
    public Task<(ServiceRemoval Outcome, int FutureBookings)> RemoveAsync(string providerId, Guid id, CancellationToken ct) =>
        db.WriteAsync<(ServiceRemoval, int)>(async scope =>
        {
            var key = new { Id = id, ProviderId = providerId, scope.Now, Since = scope.Now.AddDays(-1) };
            if (await scope.ExecuteAsync(LockSql, key) != 1)
            {
                return (ServiceRemoval.NotFound, 0);
            }

            var booked = await scope.ScalarAsync<int>(scope.Sql(FutureBookingsSql), key);
            if (booked > 0)
            {
                return (ServiceRemoval.Booked, booked);
            }

            scope.CatalogueChanged();
            try
            {
                await scope.ExecuteCaughtAsync(DeleteSql, key);
                return (ServiceRemoval.Deleted, 0);
            }
            catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
            {
                // Past bookings or holds keep the row; take it out of use.
                await scope.ExecuteAsync(DeactivateSql, key);
                await scope.ExecuteAsync(UnlinkExpertsSql, key);
                return (ServiceRemoval.Deactivated, 0);
            }
        }, ct);
}
