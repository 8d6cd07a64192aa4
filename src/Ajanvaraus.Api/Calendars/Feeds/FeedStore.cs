using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Calendars.Feeds;

// Feeds and the bookings they show. A feed is found by its token's hash only; the token itself is never stored.
internal sealed class FeedStore(Db db)
{
    internal const string InsertSql = """
        INSERT INTO CalendarFeeds (Id, TokenHash, Kind, ExpertId, ProviderId, ServicePointId, Name, Language, CreatedAt)
        VALUES (@Id, @TokenHash, @Kind, @ExpertId, @ProviderId, @ServicePointId, @Name, @Language, @CreatedAt)
        """;

    // One text per owner column, so each seeks its own filtered index (SQL Server caches one plan per text).
    internal static readonly DialectSql ListOfExpertSql = List("ExpertId = @ExpertId");
    internal static readonly DialectSql ListOfProviderSql = List("Kind = 'provider' AND ProviderId = @ProviderId");
    internal static readonly DialectSql ListOfPointSql = List("ServicePointId = @ServicePointId");

    internal const string DeleteSql = """
        DELETE FROM CalendarFeeds
        WHERE Id = @Id AND Kind = @Kind
          AND ((Kind = 'expert' AND ExpertId = @ExpertId) OR (Kind = 'provider' AND ProviderId = @ProviderId)
            OR (Kind = 'service_point' AND ServicePointId = @ServicePointId))
        """;

    internal const string FindByTokenSql = """
        SELECT Id, TokenHash, Kind, ExpertId, ProviderId, ServicePointId, Name, Language, CreatedAt
        FROM CalendarFeeds WHERE TokenHash = @TokenHash
        """;

    // From 30 days back to the horizon; cancelled ones only when cancelled recently (their STATUS:CANCELLED tells
    // subscribed calendars to drop the entry). SQL Server: plain shared reads under READ COMMITTED, seeks on
    // IX_Bookings_Expert / _Provider / _ServicePoint (owner, StartsAt).
    internal static readonly string BookingsOfExpertSql = BookingsOf("b.ExpertId = @ExpertId");
    internal static readonly string BookingsOfProviderSql = BookingsOf("b.ProviderId = @OwnerId");
    internal static readonly string BookingsOfPointSql = BookingsOf("b.ServicePointId = @OwnerId");

    private static DialectSql List(string owner) => new(
        SqlServer: $"""
            SELECT TOP (@Take) Id, TokenHash, Kind, ExpertId, ProviderId, ServicePointId, Name, Language, CreatedAt
            FROM dbo.CalendarFeeds WHERE {owner} AND Id > @After ORDER BY Id
            """,
        Sqlite: $"""
            SELECT Id, TokenHash, Kind, ExpertId, ProviderId, ServicePointId, Name, Language, CreatedAt
            FROM CalendarFeeds WHERE {owner} AND Id > @After ORDER BY Id LIMIT @Take
            """);

    private static string BookingsOf(string owner) => $"""
        SELECT b.Id, b.Reference, b.ProviderId, b.Channel, b.StartsAt, b.EndsAt, b.Status, b.CustomerName, b.CustomerPhone,
               b.MeetingUrl, b.Sequence, b.UpdatedAt,
               s.NameFi AS ServiceNameFi, s.NameSv AS ServiceNameSv, s.NameEn AS ServiceNameEn,
               pr.NameFi AS ProviderNameFi, pr.NameSv AS ProviderNameSv, pr.NameEn AS ProviderNameEn,
               p.NameFi AS PointNameFi, p.NameSv AS PointNameSv, p.NameEn AS PointNameEn,
               p.StreetAddress, p.PostalCode, p.PostOffice, p.TimeZone, v.Name AS VideoRoomName, e.DisplayName AS ExpertName
        FROM Bookings b
        JOIN Services s ON s.Id = b.ServiceId
        JOIN Providers pr ON pr.Id = b.ProviderId
        JOIN Experts e ON e.Id = b.ExpertId
        LEFT JOIN ServicePoints p ON p.Id = b.ServicePointId
        LEFT JOIN VideoRooms v ON v.Id = b.VideoRoomId
        WHERE {owner} AND b.StartsAt >= @From AND b.StartsAt < @To
          AND (b.Status <> 'cancelled' OR b.UpdatedAt >= @CancelledSince)
        ORDER BY b.StartsAt, b.Id
        """;

    public Task InsertAsync(FeedRow row, CancellationToken ct) => db.WriteAsync(scope => scope.ExecuteAsync(InsertSql, row), ct);

    public async Task<IReadOnlyList<FeedRow>> ListAsync(FeedOwner owner, Guid? after, int take, CancellationToken ct)
    {
        var sql = owner.Kind switch
        {
            FeedKinds.Expert => ListOfExpertSql,
            FeedKinds.Provider => ListOfProviderSql,
            _ => ListOfPointSql,
        };
        await using var c = await db.OpenAsync(ct);
        var args = new { owner.ExpertId, owner.ProviderId, owner.ServicePointId, After = after ?? Guid.Empty, Take = take };
        return (await c.QueryAsync<FeedRow>(new CommandDefinition(db.Sql(sql), args, cancellationToken: ct))).AsList();
    }

    // False when the owner has no such feed.
    public async Task<bool> DeleteAsync(FeedOwner owner, Guid feedId, CancellationToken ct) =>
        await db.WriteAsync(scope => scope.ExecuteAsync(DeleteSql, new { Id = feedId, owner.Kind, owner.ExpertId, owner.ProviderId,
            owner.ServicePointId }), ct) == 1;

    public async Task<FeedRow?> FindByTokenAsync(string token, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<FeedRow>(new CommandDefinition(FindByTokenSql,
            new { TokenHash = ManageToken.Hash(token) }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<FeedBookingRow>> BookingsAsync(FeedRow feed, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset cancelledSince, CancellationToken ct)
    {
        // Typed parameters (an object-typed one would bypass the Guid handler SQLite needs).
        var (sql, ownerId) = feed.Kind switch
        {
            FeedKinds.Expert => (BookingsOfExpertSql, null),
            FeedKinds.Provider => (BookingsOfProviderSql, feed.ProviderId),
            _ => (BookingsOfPointSql, feed.ServicePointId),
        };
        await using var c = await db.OpenAsync(ct);
        var args = new { feed.ExpertId, OwnerId = ownerId, From = from, To = to, CancelledSince = cancelledSince };
        return (await c.QueryAsync<FeedBookingRow>(new CommandDefinition(sql, args, cancellationToken: ct))).AsList();
    }
}

// Whose bookings a feed holds: one expert (and their provider), one provider, or one service point.
internal sealed record FeedOwner(string Kind, Guid? ExpertId, string? ProviderId, string? ServicePointId)
{
    public static FeedOwner Expert(Guid expertId) => new(FeedKinds.Expert, expertId, null, null);

    public static FeedOwner Provider(string providerId) => new(FeedKinds.Provider, null, providerId, null);

    public static FeedOwner Point(string servicePointId) => new(FeedKinds.ServicePoint, null, null, servicePointId);
}
