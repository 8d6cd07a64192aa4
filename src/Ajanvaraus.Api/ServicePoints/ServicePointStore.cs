using System.Data.Common;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.ServicePoints;

// Service points with their opening hours and providers, written together; closures and video rooms have their own stores.
internal sealed class ServicePointStore(Db db)
{
    // Keyset: `Id > @After` with the smallest key for the first page (never `@After IS NULL OR …`, whose one cached plan
    // on SQL Server cannot seek to the cursor and reads every earlier page again).
    internal static readonly DialectSql ListSql = new(
        SqlServer: """
            SELECT TOP (@Take) p.Id, p.NameFi, p.NameSv, p.NameEn, p.MunicipalityCode, p.StreetAddress, p.PostalCode, p.PostOffice,
                p.TimeZone, p.AccessibilityFi, p.AccessibilitySv, p.AccessibilityEn
            FROM dbo.ServicePoints p
            WHERE p.Id > @After
                AND (@Municipality IS NULL OR p.MunicipalityCode = @Municipality)
                AND (@Provider IS NULL OR EXISTS (
                    SELECT 1 FROM dbo.ServicePointProviders sp WHERE sp.ServicePointId = p.Id AND sp.ProviderId = @Provider))
                AND (@Service IS NULL OR EXISTS (
                    SELECT 1 FROM dbo.ServicePointProviders sp JOIN dbo.Services s ON s.ProviderId = sp.ProviderId
                    WHERE sp.ServicePointId = p.Id AND s.Id = @Service))
            ORDER BY p.Id
            """,
        Sqlite: """
            SELECT p.Id, p.NameFi, p.NameSv, p.NameEn, p.MunicipalityCode, p.StreetAddress, p.PostalCode, p.PostOffice,
                p.TimeZone, p.AccessibilityFi, p.AccessibilitySv, p.AccessibilityEn
            FROM ServicePoints p
            WHERE p.Id > @After
                AND (@Municipality IS NULL OR p.MunicipalityCode = @Municipality)
                AND (@Provider IS NULL OR EXISTS (
                    SELECT 1 FROM ServicePointProviders sp WHERE sp.ServicePointId = p.Id AND sp.ProviderId = @Provider))
                AND (@Service IS NULL OR EXISTS (
                    SELECT 1 FROM ServicePointProviders sp JOIN Services s ON s.ProviderId = sp.ProviderId
                    WHERE sp.ServicePointId = p.Id AND s.Id = @Service))
            ORDER BY p.Id
            LIMIT @Take
            """);

    internal const string FindSql = """
        SELECT Id, NameFi, NameSv, NameEn, MunicipalityCode, StreetAddress, PostalCode, PostOffice,
            TimeZone, AccessibilityFi, AccessibilitySv, AccessibilityEn
        FROM ServicePoints WHERE Id = @Id
        """;

    internal const string OpeningHoursSql = """
        SELECT Weekday, Opens, Closes FROM ServicePointOpeningHours WHERE ServicePointId = @Id ORDER BY Weekday, Opens
        """;

    internal const string ProviderIdsSql = """
        SELECT ProviderId FROM ServicePointProviders WHERE ServicePointId = @Id ORDER BY ProviderId
        """;

    public async Task<IReadOnlyList<ServicePointRow>> ListAsync(ServicePointFilter filter, string? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { After = after ?? "", Take = take, filter.Municipality, filter.Provider, filter.Service };
        var rows = await c.QueryAsync<ServicePointRow>(new CommandDefinition(db.Sql(ListSql), args, cancellationToken: ct));
        return rows.AsList();
    }

    // The point itself (with its time zone), without its parts.
    public async Task<ServicePointRow?> FindAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ServicePointRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    // The point with its hours, providers, active video rooms and the closures not yet over at `now` (point's local date).
    public async Task<ServicePointDetails?> DetailsAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { Id = id };
        var row = await c.QuerySingleOrDefaultAsync<ServicePointRow>(new CommandDefinition(FindSql, args, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var hours = await c.QueryAsync<OpeningHoursRow>(new CommandDefinition(OpeningHoursSql, args, cancellationToken: ct));
        var providers = await c.QueryAsync<string>(new CommandDefinition(ProviderIdsSql, args, cancellationToken: ct));
        var rooms = await c.QueryAsync<VideoRoomRow>(new CommandDefinition(VideoRoomStore.ActiveSql, args, cancellationToken: ct));
        var closures = await c.QueryAsync<ClosureRow>(new CommandDefinition(
            ClosureStore.ListSql, new { ServicePointId = id, From = (DateOnly?)row.LocalDate(now), To = (DateOnly?)null },
                cancellationToken: ct));
        return new ServicePointDetails(row, hours.AsList(), closures.AsList(), providers.AsList(), rooms.AsList());
    }

    internal const string InsertSql = """
        INSERT INTO ServicePoints (Id, NameFi, NameSv, NameEn, MunicipalityCode, StreetAddress, PostalCode, PostOffice,
            TimeZone, AccessibilityFi, AccessibilitySv, AccessibilityEn, CreatedAt, UpdatedAt)
        VALUES (@Id, @NameFi, @NameSv, @NameEn, @MunicipalityCode, @StreetAddress, @PostalCode, @PostOffice,
            @TimeZone, @AccessibilityFi, @AccessibilitySv, @AccessibilityEn, @Now, @Now)
        """;

    internal const string UpdateSql = """
        UPDATE ServicePoints SET NameFi = @NameFi, NameSv = @NameSv, NameEn = @NameEn, MunicipalityCode = @MunicipalityCode,
            StreetAddress = @StreetAddress, PostalCode = @PostalCode, PostOffice = @PostOffice, TimeZone = @TimeZone,
            AccessibilityFi = @AccessibilityFi, AccessibilitySv = @AccessibilitySv, AccessibilityEn = @AccessibilityEn, UpdatedAt = @Now
        WHERE Id = @Id
        """;

    internal const string DeleteOpeningHoursSql = """
        DELETE FROM ServicePointOpeningHours WHERE ServicePointId = @Id
        """;

    internal const string InsertOpeningHoursSql = """
        INSERT INTO ServicePointOpeningHours (ServicePointId, Weekday, Opens, Closes) VALUES (@ServicePointId, @Weekday, @Opens, @Closes)
        """;

    internal const string DeleteProvidersSql = """
        DELETE FROM ServicePointProviders WHERE ServicePointId = @Id
        """;

    internal const string InsertProviderSql = """
        INSERT INTO ServicePointProviders (ServicePointId, ProviderId) VALUES (@ServicePointId, @ProviderId)
        """;

    // Video rooms do not cascade with their point (bookings refer to them): they go first, in the same transaction.
    internal const string DeleteVideoRoomsOfPointSql = """
        DELETE FROM VideoRooms WHERE ServicePointId = @Id
        """;

    internal const string DeleteSql = """
        DELETE FROM ServicePoints WHERE Id = @Id
        """;

    // The point with its hours and providers, in one transaction.
    public Task<PointWrite> InsertAsync(ServicePointRow row, IReadOnlyList<OpeningHoursRow> hours, IReadOnlyList<string> providers,
        CancellationToken ct) =>
        WriteAsync(InsertSql, row, hours, providers, ct);

    public Task<PointWrite> UpdateAsync(ServicePointRow row, IReadOnlyList<OpeningHoursRow> hours, IReadOnlyList<string> providers,
        CancellationToken ct) =>
        WriteAsync(UpdateSql, row, hours, providers, ct);

    // Deleted, NotFound, or InUse when bookings, holds or availability rules refer to the point or its rooms.
    public async Task<DeleteOutcome> DeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(async scope =>
            {
                await scope.ExecuteAsync(DeleteVideoRoomsOfPointSql, new { Id = id });
                if (await scope.ExecuteAsync(DeleteSql, new { Id = id }) != 1)
                {
                    return DeleteOutcome.NotFound;
                }

                scope.CatalogueChanged();
                return DeleteOutcome.Deleted;
            }, ct);
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            return DeleteOutcome.InUse;
        }
    }

    // Points, their hours and rooms are in the search catalogue (hours also cut windows: the caller rebuilds them).
    private async Task<PointWrite> WriteAsync(string pointSql, ServicePointRow row, IReadOnlyList<OpeningHoursRow> hours,
        IReadOnlyList<string> providers, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(async scope =>
            {
                var args = new DynamicParameters(row);
                args.Add("Now", scope.Now);
                if (await scope.ExecuteAsync(pointSql, args) == 0)
                {
                    return PointWrite.NotFound;
                }

                await ReplacePartsAsync(scope, row.Id, hours, providers);
                scope.CatalogueChanged();
                return PointWrite.Written;
            }, ct);
        }
        catch (Exception ex) when (Db.IsUniqueViolation(ex))
        {
            return PointWrite.Exists;
        }
        catch (Exception ex) when (Db.IsForeignKeyViolation(ex))
        {
            // A provider was deleted after the handler checked it.
            return PointWrite.UnknownProvider;
        }
    }

    private static async Task ReplacePartsAsync(WriteScope scope, string id, IReadOnlyList<OpeningHoursRow> hours,
        IReadOnlyList<string> providers)
    {
        await scope.ExecuteAsync(DeleteOpeningHoursSql, new { Id = id });
        await scope.ExecuteAsync(DeleteProvidersSql, new { Id = id });
        var hourArgs = hours.Select(h => new { ServicePointId = id, h.Weekday, h.Opens, h.Closes }).ToList();
        if (hourArgs.Count > 0)
        {
            await scope.ExecuteAsync(InsertOpeningHoursSql, hourArgs);
        }

        var providerArgs = providers.Select(p => new { ServicePointId = id, ProviderId = p }).ToList();
        if (providerArgs.Count > 0)
        {
            await scope.ExecuteAsync(InsertProviderSql, providerArgs);
        }
    }
}

internal enum PointWrite
{
    Written,
    NotFound,
    Exists,
    UnknownProvider,
}
