using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Services;

internal sealed class ServiceStore(Db db, TimeProvider clock)
{
    // Catalogue of one provider and the public search share one statement: every filter is optional.
    // Keyset: `Id > @After` with the smallest key for the first page (never `@After IS NULL OR …`, whose one cached plan
    // on SQL Server cannot seek to the cursor and reads every earlier page again).
    internal static readonly DialectSql SearchSql = new(
        SqlServer: """
            SELECT TOP (@Take) s.Id, s.ProviderId, s.NameFi, s.NameSv, s.NameEn, s.DescriptionFi, s.DescriptionSv, s.DescriptionEn,
                s.DurationMinutes, s.AllowsInPerson, s.AllowsRemoteAtPoint, s.AllowsVideo, s.AllowsPhone
            FROM dbo.Services s
            WHERE s.IsActive = 1
                AND s.Id > @After
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
            ORDER BY s.Id
            """,
        Sqlite: """
            SELECT s.Id, s.ProviderId, s.NameFi, s.NameSv, s.NameEn, s.DescriptionFi, s.DescriptionSv, s.DescriptionEn,
                s.DurationMinutes, s.AllowsInPerson, s.AllowsRemoteAtPoint, s.AllowsVideo, s.AllowsPhone
            FROM Services s
            WHERE s.IsActive = 1
                AND s.Id > @After
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
            ORDER BY s.Id
            LIMIT @Take
            """);

    internal const string FindSql = """
        SELECT Id, ProviderId, NameFi, NameSv, NameEn, DescriptionFi, DescriptionSv, DescriptionEn, DurationMinutes,
            AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone, MinimumNoticeMinutes, BookingHorizonDays,
            CancellationCutoffMinutes, CardFi, CardSv, CardEn, IsActive
        FROM Services
        WHERE Id = @Id
        """;

    internal const string InsertSql = """
        INSERT INTO Services (Id, ProviderId, NameFi, NameSv, NameEn, DescriptionFi, DescriptionSv, DescriptionEn, DurationMinutes,
            AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone, MinimumNoticeMinutes, BookingHorizonDays,
            CancellationCutoffMinutes, CardFi, CardSv, CardEn, IsActive, CreatedAt, UpdatedAt)
        VALUES (@Id, @ProviderId, @NameFi, @NameSv, @NameEn, @DescriptionFi, @DescriptionSv, @DescriptionEn, @DurationMinutes,
            @AllowsInPerson, @AllowsRemoteAtPoint, @AllowsVideo, @AllowsPhone, @MinimumNoticeMinutes, @BookingHorizonDays,
            @CancellationCutoffMinutes, @CardFi, @CardSv, @CardEn, 1, @Now, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE Services
        SET NameFi = @NameFi, NameSv = @NameSv, NameEn = @NameEn,
            DescriptionFi = @DescriptionFi, DescriptionSv = @DescriptionSv, DescriptionEn = @DescriptionEn,
            DurationMinutes = @DurationMinutes, AllowsInPerson = @AllowsInPerson, AllowsRemoteAtPoint = @AllowsRemoteAtPoint,
            AllowsVideo = @AllowsVideo, AllowsPhone = @AllowsPhone, MinimumNoticeMinutes = @MinimumNoticeMinutes,
            BookingHorizonDays = @BookingHorizonDays, CancellationCutoffMinutes = @CancellationCutoffMinutes,
            CardFi = @CardFi, CardSv = @CardSv, CardEn = @CardEn, UpdatedAt = @Now
        WHERE Id = @Id AND ProviderId = @ProviderId AND IsActive = 1
        """;

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

    /// <summary>Active services matching the filter, ordered by id, after the cursor.</summary>
    public async Task<IReadOnlyList<ServiceSummaryRow>> SearchAsync(ServiceFilter filter, Guid? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var parameters = new
        {
            After = after ?? Guid.Empty,
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

    /// <summary>The service, active or not (bookings made before a deactivation still need its rules).</summary>
    public async Task<ServiceRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ServiceRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    public async Task InsertAsync(ServiceRow row, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(InsertSql, Parameters(row), cancellationToken: ct));
    }

    /// <summary>False when the provider has no such active service.</summary>
    public async Task<bool> UpdateAsync(ServiceRow row, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(UpdateSql, Parameters(row), cancellationToken: ct)) == 1;
    }

    /// <summary>Deletes the service, or deactivates it when bookings or holds still refer to it.</summary>
    public async Task<ServiceRemoval> RemoveAsync(string providerId, Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var key = new { Id = id, ProviderId = providerId, Now = clock.GetUtcNow() };
        try
        {
            var deleted = await c.ExecuteAsync(new CommandDefinition(DeleteSql, key, cancellationToken: ct));
            return deleted == 1 ? ServiceRemoval.Deleted : ServiceRemoval.NotFound;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            // The failed delete changed nothing; keep the row for its bookings and take it out of use.
        }

        await using var tx = await c.BeginTransactionAsync(ct);
        var deactivated = await c.ExecuteAsync(new CommandDefinition(DeactivateSql, key, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(UnlinkExpertsSql, key, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return deactivated == 1 ? ServiceRemoval.Deactivated : ServiceRemoval.NotFound;
    }

    private DynamicParameters Parameters(ServiceRow row)
    {
        var parameters = new DynamicParameters(row);
        parameters.Add("Now", clock.GetUtcNow());
        return parameters;
    }
}
