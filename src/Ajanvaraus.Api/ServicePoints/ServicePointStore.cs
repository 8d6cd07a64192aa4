using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.ServicePoints;

/// <summary>Service points with their opening hours and providers: the reads (writes, closures and video rooms: the other parts).</summary>
internal sealed partial class ServicePointStore(Db db, TimeProvider clock)
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

    internal const string ProviderExistsSql = """
        SELECT COUNT(*) FROM Providers WHERE Id = @Id
        """;

    public async Task<IReadOnlyList<ServicePointRow>> ListAsync(ServicePointFilter filter, string? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { After = after ?? "", Take = take, filter.Municipality, filter.Provider, filter.Service };
        var rows = await c.QueryAsync<ServicePointRow>(new CommandDefinition(db.Sql(ListSql), args, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The point itself (with its time zone), without its parts.</summary>
    public async Task<ServicePointRow?> FindAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ServicePointRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>Weekly opening hours in the point's local time, by weekday and opening time.</summary>
    public async Task<IReadOnlyList<OpeningHoursRow>> OpeningHoursAsync(string id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var rows = await c.QueryAsync<OpeningHoursRow>(new CommandDefinition(OpeningHoursSql, new { Id = id }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The point with its hours, providers, active video rooms and the closures not yet over at `now` (point's local date).</summary>
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
        var rooms = await c.QueryAsync<VideoRoomRow>(new CommandDefinition(ActiveVideoRoomsSql, args, cancellationToken: ct));
        var closures = await c.QueryAsync<ClosureRow>(new CommandDefinition(
            ClosuresSql, new { ServicePointId = id, From = (DateOnly?)row.LocalDate(now), To = (DateOnly?)null }, cancellationToken: ct));
        return new ServicePointDetails(row, hours.AsList(), closures.AsList(), providers.AsList(), rooms.AsList());
    }

    /// <summary>The given provider ids that no provider has.</summary>
    public async Task<IReadOnlyList<string>> MissingProvidersAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (await c.ExecuteScalarAsync<int>(new CommandDefinition(ProviderExistsSql, new { Id = id }, cancellationToken: ct)) == 0)
            {
                missing.Add(id);
            }
        }

        return missing;
    }
}
