using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Notifications;

// The outbox as the dispatcher and the operators see it. What is due, and who is sending it, lives in these rows only.
internal sealed partial class NotificationStore(Db db)
{
    // A claim takes due rows of one channel whose earlier claim (if any) has expired, oldest first; IX_Notifications_Due
    // (0011) holds exactly these rows in this order, so the claim reads its batch and stops.
    // SQLite: the statement runs under the database's write lock, so two claimants never take one row.
    // SQL Server: UPDLOCK + READPAST skip the rows another claimant is taking right now instead of waiting for them
    // (and instead of reading a snapshot under READ_COMMITTED_SNAPSHOT, which would let both take the same row). The
    // status filter is the filtered index's own, literally, so that the optimizer may use the index.
    internal static readonly DialectSql ClaimDueSql = new(
        SqlServer: """
            WITH due AS (
                SELECT TOP (@Batch) Id, ClaimToken, ClaimedUntil
                FROM dbo.Notifications WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE Status IN (N'pending', N'failed') AND Channel = @Channel AND NextAttemptAt <= @Now
                  AND (ClaimedUntil IS NULL OR ClaimedUntil <= @Now)
                ORDER BY NextAttemptAt, Id)
            UPDATE due SET ClaimToken = @Token, ClaimedUntil = @Until
            """,
        Sqlite: """
            UPDATE Notifications SET ClaimToken = @Token, ClaimedUntil = @Until
            WHERE Id IN (
                SELECT Id FROM Notifications
                WHERE Status IN ('pending', 'failed') AND Channel = @Channel AND NextAttemptAt <= @Now
                  AND (ClaimedUntil IS NULL OR ClaimedUntil <= @Now)
                ORDER BY NextAttemptAt, Id
                LIMIT @Batch)
            """);

    // One booking's due messages (right after its change commits), found through IX_Notifications_BookingId.
    internal static readonly DialectSql ClaimBookingSql = new(
        SqlServer: """
            UPDATE dbo.Notifications WITH (UPDLOCK, READPAST, ROWLOCK) SET ClaimToken = @Token, ClaimedUntil = @Until
            WHERE BookingId = @BookingId AND Status IN (N'pending', N'failed') AND NextAttemptAt <= @Now
              AND (ClaimedUntil IS NULL OR ClaimedUntil <= @Now)
              AND ((Channel = N'email' AND @Email = 1) OR (Channel = N'sms' AND @Sms = 1))
            """,
        Sqlite: """
            UPDATE Notifications SET ClaimToken = @Token, ClaimedUntil = @Until
            WHERE BookingId = @BookingId AND Status IN ('pending', 'failed') AND NextAttemptAt <= @Now
              AND (ClaimedUntil IS NULL OR ClaimedUntil <= @Now)
              AND ((Channel = 'email' AND @Email = 1) OR (Channel = 'sms' AND @Sms = 1))
            """);

    // Everything a message says, joined once: the place is the one the message is about (n.ServicePointId).
    internal const string ClaimedSql = """
        SELECT n.Id, n.BookingId, n.Kind, n.Channel, n.Attempts, n.Sequence, n.StartsAt, n.EndsAt, n.BookingChannel,
               n.ServicePointId, n.MeetingUrl, n.CreatedAt,
               b.Reference, b.ProviderId, b.CustomerName, b.CustomerEmail, b.CustomerPhone, b.CustomerLanguage,
               s.NameFi AS ServiceNameFi, s.NameSv AS ServiceNameSv, s.NameEn AS ServiceNameEn,
               s.InstructionsFi, s.InstructionsSv, s.InstructionsEn,
               p.NameFi AS ProviderNameFi, p.NameSv AS ProviderNameSv, p.NameEn AS ProviderNameEn,
               sp.NameFi AS PointNameFi, sp.NameSv AS PointNameSv, sp.NameEn AS PointNameEn,
               sp.StreetAddress, sp.PostalCode, sp.PostOffice, sp.TimeZone, bs.ProtectedManageToken,
               n.PreviousStartsAt, n.PreviousEndsAt, n.PreviousChannel, r.Name AS VideoRoomName
        FROM Notifications n
        JOIN Bookings b ON b.Id = n.BookingId
        JOIN Services s ON s.Id = b.ServiceId
        JOIN Providers p ON p.Id = b.ProviderId
        LEFT JOIN ServicePoints sp ON sp.Id = n.ServicePointId
        LEFT JOIN BookingSecrets bs ON bs.BookingId = n.BookingId
        LEFT JOIN VideoRooms r ON r.Id = b.VideoRoomId
        WHERE n.ClaimToken = @Token
        ORDER BY n.NextAttemptAt, n.Id
        """;

    // Only the claimant still holding the claim marks the row; after a takeover the first claimant changes nothing.
    internal const string MarkSentSql = """
        UPDATE Notifications
        SET Status = 'sent', SentAt = @Now, Attempts = Attempts + 1, LastError = NULL, ClaimToken = NULL, ClaimedUntil = NULL
        WHERE Id = @Id AND ClaimToken = @Token
        """;

    internal const string MarkFailedSql = """
        UPDATE Notifications
        SET Status = @Status, Attempts = Attempts + 1, NextAttemptAt = @Next, LastError = @Error, ClaimToken = NULL, ClaimedUntil = NULL
        WHERE Id = @Id AND ClaimToken = @Token
        """;

    internal const string RetrySql = """
        UPDATE Notifications SET Status = 'pending', NextAttemptAt = @Now, ClaimToken = NULL, ClaimedUntil = NULL
        WHERE Id = @Id AND Status IN ('failed', 'dead')
        """;

    internal const string Columns = """
        Id, BookingId, Kind, Channel, Status, DueAt, NextAttemptAt, ClaimedUntil, SentAt, Attempts, LastError, Sequence, CreatedAt
        """;

    internal const string FindSql = $"""
        SELECT {Columns} FROM Notifications WHERE Id = @Id
        """;

    // Keyset on Id with the empty id before the first page (no `@After IS NULL OR …`, which keeps SQL Server from seeking).
    // SQL Server: one cached plan for `@Status IS NULL OR …` must suit every filter and walks the whole outbox; RECOMPILE
    // plans each call with its values (an operator's list, rare: the compile costs less than the scan).
    internal static readonly DialectSql ListSql = new(
        SqlServer: $"""
            SELECT TOP (@Take) {Columns} FROM dbo.Notifications
            WHERE (@Status IS NULL OR Status = @Status) AND (@BookingId IS NULL OR BookingId = @BookingId)
              AND Id > @After
            ORDER BY Id
            OPTION (RECOMPILE)
            """,
        Sqlite: $"""
            SELECT {Columns} FROM Notifications
            WHERE (@Status IS NULL OR Status = @Status) AND (@BookingId IS NULL OR BookingId = @BookingId)
              AND Id > @After
            ORDER BY Id
            LIMIT @Take
            """);

    // The oldest due messages of one channel, at most `batch`.
    public Task<IReadOnlyList<ClaimedMessage>> ClaimDueAsync(
        Guid token, string channel, int batch, TimeSpan lease, DateTimeOffset now, CancellationToken ct) =>
        ClaimAsync(ClaimDueSql, token, new { Token = token, Until = now.Add(lease), Now = now, Batch = batch, Channel = channel }, ct);

    // One booking's due messages on the channels this instance sends.
    public Task<IReadOnlyList<ClaimedMessage>> ClaimBookingAsync(
        Guid token, Guid bookingId, bool email, bool sms, TimeSpan lease, DateTimeOffset now, CancellationToken ct) =>
        ClaimAsync(ClaimBookingSql, token, new
        {
            Token = token, Until = now.Add(lease), Now = now, BookingId = bookingId, Email = email ? 1 : 0, Sms = sms ? 1 : 0,
        }, ct);

    private async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(DialectSql sql, Guid token, object args, CancellationToken ct) =>
        await db.WriteAsync(async scope =>
        {
            if (await scope.ExecuteAsync(scope.Sql(sql), args) == 0)
            {
                return (IReadOnlyList<ClaimedMessage>)[];
            }

            return await scope.QueryAsync<ClaimedMessage>(ClaimedSql, new { Token = token });
        }, ct);

    // One row's update in its own write transaction; false when the row was not in the state the statement asks for.
    private Task<bool> UpdateOneAsync(string sql, object args, CancellationToken ct) =>
        db.WriteAsync(async scope => await scope.ExecuteAsync(sql, args) == 1, ct);

    public Task<bool> MarkSentAsync(Guid id, Guid token, DateTimeOffset now, CancellationToken ct) =>
        UpdateOneAsync(MarkSentSql, new { Id = id, Token = token, Now = now }, ct);

    public Task<bool> MarkFailedAsync(Guid id, Guid token, string status, DateTimeOffset next, string error, CancellationToken ct) =>
        UpdateOneAsync(
            MarkFailedSql, new { Id = id, Token = token, Status = status, Next = next, Error = error[..Math.Min(error.Length, 2000)] }, ct);

    // A retried message goes out at once (the write's dispatch kick), not at the next recurring run.
    public Task<bool> RetryAsync(NotificationRow row, CancellationToken ct) =>
        db.WriteAsync(async scope =>
        {
            if (await scope.ExecuteAsync(RetrySql, new { row.Id, scope.Now }) != 1)
            {
                return false;
            }

            scope.MessagesWritten(row.BookingId);
            return true;
        }, ct);

    public async Task<NotificationRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<NotificationRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<NotificationRow>> ListAsync(
        string? status, Guid? bookingId, Guid? after, int take, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<NotificationRow>(new CommandDefinition(
            db.Sql(ListSql), new { Status = status, BookingId = bookingId, After = after ?? Guid.Empty, Take = take },
                cancellationToken: ct))).ToList();
    }
}
