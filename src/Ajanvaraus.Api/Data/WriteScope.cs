using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Ajanvaraus.Api.Data;

// The kinds of change-log rows: units or windows of one resource, or the catalogue (read by Search's index).
internal static class ChangeKind
{
    public const string Units = "units";
    public const string Windows = "windows";
    public const string Catalogue = "catalogue";
}

// One write transaction (Db.WriteAsync) and what it changed. Stores run their statements on it and say what changed
// — a resource's units or an expert's windows over an interval, the catalogue, a booking's messages — instead of
// leaving it to be rediscovered later. Before the commit the scope appends the change-log rows in one statement (the
// transaction's last, so on SQL Server the open writer holds MIN_ACTIVE_ROWVERSION() down only briefly); after the
// commit this instance's followers run (the index catching up, the dispatch kick).
internal sealed class WriteScope
{
    // Every row of a write in one statement (a JSON array, as booked units are written).
    internal static readonly DialectSql AppendChangesSql = new(
        SqlServer: """
            INSERT INTO dbo.AvailabilityChanges (Kind, ResourceId, FromAt, ToAt, ChangedAt)
            SELECT r.Kind, r.ResourceId, r.FromAt, r.ToAt, @ChangedAt
            FROM OPENJSON(@Rows) WITH (Kind VARCHAR(10), ResourceId UNIQUEIDENTIFIER, FromAt DATETIMEOFFSET(0), ToAt DATETIMEOFFSET(0)) r
            """,
        Sqlite: """
            INSERT INTO AvailabilityChanges (Kind, ResourceId, FromAt, ToAt, ChangedAt)
            SELECT json_extract(j.value, '$.Kind'), json_extract(j.value, '$.ResourceId'), json_extract(j.value, '$.FromAt'),
                   json_extract(j.value, '$.ToAt'), @ChangedAt
            FROM json_each(@Rows) j
            """);

    private readonly Db db;
    private readonly List<Change> changes = [];
    private readonly List<Guid> messages = [];

    internal WriteScope(Db db, DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken ct)
    {
        this.db = db;
        Connection = connection;
        Transaction = transaction;
        Now = now;
        Token = ct;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    // "Now" for everything the write records: one instant per transaction.
    public DateTimeOffset Now { get; }

    public CancellationToken Token { get; }

    public Dialect Dialect => db.Dialect;

    public string Sql(DialectSql sql) => db.Sql(sql);

    public Guid NewId() => db.NewId();

    public Task<int> ExecuteAsync(string sql, object? args = null) =>
        Connection.ExecuteAsync(new CommandDefinition(sql, args, Transaction, cancellationToken: Token));

    // A statement whose failure (a unique or foreign key violation) the work catches and goes on from. Both engines then
    // roll back only the statement — on SQL Server only with XACT_ABORT OFF, which is stated for this batch because a
    // server's or login's `user options` may set it ON (the transaction would be doomed: error 3930, a 500).
    public Task<int> ExecuteCaughtAsync(string sql, object? args = null) => ExecuteAsync(CaughtSql(db.Dialect, sql), args);

    internal static string CaughtSql(Dialect dialect, string sql) => dialect == Dialect.SqlServer ? "SET XACT_ABORT OFF;\n" + sql : sql;

    public Task<T?> ScalarAsync<T>(string sql, object? args = null) =>
        Connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, Transaction, cancellationToken: Token));

    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null) =>
        (await Connection.QueryAsync<T>(new CommandDefinition(sql, args, Transaction, cancellationToken: Token))).AsList();

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? args = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, args, Transaction, cancellationToken: Token));

    // A resource's (an expert's or a video room's) booked units changed in [from, to).
    public void UnitsChanged(Guid resource, DateTimeOffset from, DateTimeOffset to) =>
        Add(new Change(ChangeKind.Units, resource, from, to));

    // These experts' windows changed (a rule, an absence, a closure, opening hours, busy times, the horizon).
    public void WindowsChanged(IEnumerable<Guid> experts)
    {
        foreach (var expert in experts)
        {
            Add(new Change(ChangeKind.Windows, expert, null, null));
        }
    }

    // Providers, points (rooms, hours, closures), services or experts changed: every instance reloads its catalogue.
    public void CatalogueChanged() => Add(new Change(ChangeKind.Catalogue, null, null, null));

    // The booking has new messages in the outbox: they are dispatched once the write has committed.
    public void MessagesWritten(Guid bookingId) => messages.Add(bookingId);

    // Roll the transaction back instead of committing it (an outcome that must leave nothing behind, such as a partly
    // written expert whose services turned out unknown). Nothing recorded on the scope takes effect then.
    public void Discard() => Discarded = true;

    internal bool Discarded { get; private set; }

    internal CommittedWrite Committed => new(changes.Count > 0, messages);

    internal async Task AppendChangesAsync()
    {
        if (changes.Count == 0)
        {
            return;
        }

        var rows = JsonSerializer.Serialize(changes.Select(x => new
        {
            x.Kind, ResourceId = x.Resource?.ToString("D"), FromAt = Text(x.From), ToAt = Text(x.To),
        }));
        await ExecuteAsync(Sql(AppendChangesSql), new { Rows = rows, ChangedAt = Now });
    }

    private void Add(Change change)
    {
        if (!changes.Contains(change))
        {
            changes.Add(change);
        }
    }

    private string? Text(DateTimeOffset? instant) => instant is not { } value ? null
        : db.Dialect == Dialect.Sqlite ? DapperTypeHandlers.ToSqliteText(value)
        : value.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Change(string Kind, Guid? Resource, DateTimeOffset? From, DateTimeOffset? To);
}

// What a committed write leaves for this instance to do.
internal sealed record CommittedWrite(bool ChangedAvailability, IReadOnlyList<Guid> BookingsWithMessages);

// Work that follows every committed write on this instance (the index applying it, the dispatch kick). It runs after
// the commit and before the write's caller goes on; a failure is logged, never the write's: the write is done.
internal interface ICommitFollower
{
    Task FollowAsync(CommittedWrite write, CancellationToken ct);
}
