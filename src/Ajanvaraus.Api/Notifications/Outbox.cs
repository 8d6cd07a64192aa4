using System.Data.Common;
using System.Text.Json;
using Ajanvaraus.Api.Bookings;
using Ajanvaraus.Api.Data;
using Dapper;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Notifications;

internal static class MessageKinds
{
    public const string Confirmation = "confirmation";
    public const string Change = "change";
    public const string Cancellation = "cancellation";
    public const string Reminder = "reminder";
}

internal static class MessageStatus
{
    public const string Pending = "pending";
    public const string Failed = "failed";
    public const string Dead = "dead";
    public const string Sent = "sent";
    public const string Unaddressed = "unaddressed";

    public static readonly string[] All = [Pending, Failed, Dead, Sent, Unaddressed];
}

// Writes a booking change's messages inside the change's own transaction (so a committed change always has its
// messages, and a rolled-back one none) and records them on the write, whose dispatch kick follows the commit.
internal sealed class Outbox(Db db, IOptions<NotificationOptions> options, IDataProtectionProvider protection)
{
    public const string TokenPurpose = "Ajanvaraus.Notifications.ManageToken";

    // All of a change's messages in one statement (a JSON array of rows, as booked units are written): one execution
    // inside the booking's write instead of one per message. The texts are those Dapper's SQLite handlers would bind.
    internal static readonly DialectSql InsertSql = new(
        SqlServer: """
            INSERT INTO dbo.Notifications (Id, BookingId, Kind, Channel, Status, DueAt, NextAttemptAt, Attempts, LastError, Sequence,
                                           StartsAt, EndsAt, BookingChannel, ServicePointId, MeetingUrl, CreatedAt,
                                           PreviousStartsAt, PreviousEndsAt, PreviousChannel)
            SELECT r.Id, r.BookingId, r.Kind, r.Channel, r.Status, r.DueAt, r.DueAt, 0, r.LastError, r.Sequence,
                   r.StartsAt, r.EndsAt, r.BookingChannel, r.ServicePointId, r.MeetingUrl, r.CreatedAt,
                   r.PreviousStartsAt, r.PreviousEndsAt, r.PreviousChannel
            FROM OPENJSON(@Rows) WITH (
                Id UNIQUEIDENTIFIER, BookingId UNIQUEIDENTIFIER, Kind NVARCHAR(20), Channel NVARCHAR(12), Status NVARCHAR(12),
                DueAt DATETIMEOFFSET(3), LastError NVARCHAR(2000), Sequence INT, StartsAt DATETIMEOFFSET(0),
                EndsAt DATETIMEOFFSET(0), BookingChannel NVARCHAR(20), ServicePointId NVARCHAR(40), MeetingUrl NVARCHAR(500),
                CreatedAt DATETIMEOFFSET(3), PreviousStartsAt DATETIMEOFFSET(0), PreviousEndsAt DATETIMEOFFSET(0),
                PreviousChannel NVARCHAR(20)) r
            """,
        Sqlite: """
            INSERT INTO Notifications (Id, BookingId, Kind, Channel, Status, DueAt, NextAttemptAt, Attempts, LastError, Sequence,
                                       StartsAt, EndsAt, BookingChannel, ServicePointId, MeetingUrl, CreatedAt,
                                       PreviousStartsAt, PreviousEndsAt, PreviousChannel)
            SELECT json_extract(j.value, '$.Id'), json_extract(j.value, '$.BookingId'), json_extract(j.value, '$.Kind'),
                   json_extract(j.value, '$.Channel'), json_extract(j.value, '$.Status'), json_extract(j.value, '$.DueAt'),
                   json_extract(j.value, '$.DueAt'), 0, json_extract(j.value, '$.LastError'), json_extract(j.value, '$.Sequence'),
                   json_extract(j.value, '$.StartsAt'), json_extract(j.value, '$.EndsAt'), json_extract(j.value, '$.BookingChannel'),
                   json_extract(j.value, '$.ServicePointId'), json_extract(j.value, '$.MeetingUrl'), json_extract(j.value, '$.CreatedAt'),
                   json_extract(j.value, '$.PreviousStartsAt'), json_extract(j.value, '$.PreviousEndsAt'),
                   json_extract(j.value, '$.PreviousChannel')
            FROM json_each(@Rows) j
            """);

    internal const string InsertSecretSql = """
        INSERT INTO BookingSecrets (BookingId, ProtectedManageToken) VALUES (@BookingId, @ProtectedManageToken)
        """;

    // Reminders of the old time go when the booking moves or is cancelled. One being sent right now (claimed) is
    // deleted too: its dispatcher then finds nothing to mark, and the customer got a reminder seconds before the change.
    internal const string DropRemindersSql = """
        DELETE FROM Notifications WHERE BookingId = @BookingId AND Kind = 'reminder' AND Status IN ('pending', 'failed')
        """;

    private readonly IDataProtector protector = protection.CreateProtector(TokenPurpose);

    // Before the transaction: the first Protect may create the key ring, which is a write of its own (on SQLite it would
    // wait for the writer queue that the booking's transaction holds). Nothing to seal when no message is written.
    public string? Seal(string manageToken) => options.Value.Enabled ? protector.Protect(manageToken) : null;

    public string Unseal(string sealedToken) => protector.Unprotect(sealedToken);

    // The messages of one change: `kind` is what happened (confirmation, change, cancellation); `booking` is the row as
    // the change left it, `previous` as it found it (a move's message says what changed). `sealedToken` comes with a new
    // booking only.
    public async Task WriteForAsync(
        WriteScope scope, BookingRow booking, string kind, string? sealedToken = null, BookingRow? previous = null)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        if (sealedToken is not null)
        {
            await scope.ExecuteAsync(InsertSecretSql, new { BookingId = booking.Id, ProtectedManageToken = sealedToken });
        }

        if (kind != MessageKinds.Confirmation)
        {
            await scope.ExecuteAsync(DropRemindersSql, new { BookingId = booking.Id });
        }

        var now = scope.Now;

        var rows = JsonSerializer.Serialize(Rows(booking, kind, now, previous).Select(r => new
        {
            Id = r.Id.ToString("D"), BookingId = r.BookingId.ToString("D"), r.Kind, r.Channel, r.Status, DueAt = Text(r.DueAt), r.LastError,
            r.Sequence, StartsAt = Text(r.StartsAt), EndsAt = Text(r.EndsAt), r.BookingChannel, r.ServicePointId, r.MeetingUrl,
            CreatedAt = Text(r.CreatedAt), PreviousStartsAt = r.Previous is { } p ? Text(p.StartsAt) : null,
            PreviousEndsAt = r.Previous is { } q ? Text(q.EndsAt) : null, PreviousChannel = r.Previous?.Channel,
        }));
        await scope.ExecuteAsync(scope.Sql(InsertSql), new { Rows = rows });
        scope.MessagesWritten(booking.Id);
    }

    private static string Text(DateTimeOffset instant) => DapperTypeHandlers.ToSqliteText(instant);

    internal IEnumerable<OutboxRow> Rows(BookingRow booking, string kind, DateTimeOffset now, BookingRow? previous = null)
    {
        var before = kind == MessageKinds.Change && previous is not null
            ? new PreviousTime(previous.StartsAt, previous.EndsAt, previous.Channel)
            : null;
        var channels = Channels(booking).ToList();
        if (channels.Count == 0)
        {
            yield return Row(booking, kind, "none", now, now) with
            {
                Status = MessageStatus.Unaddressed,
                LastError = NotificationErrors.Unaddressed,
            };
            yield break;
        }

        foreach (var channel in channels)
        {
            yield return Row(booking, kind, channel, now, now) with { Previous = before, LastError = NoSender(channel) };
        }

        if (kind == MessageKinds.Cancellation)
        {
            yield break;
        }

        // A reminder whose moment has passed is not written: a booking made 90 minutes ahead gets no "2 hours" reminder.
        foreach (var minutes in options.Value.ReminderMinutes.Distinct().Order())
        {
            var due = booking.StartsAt.AddMinutes(-minutes);
            if (due <= now)
            {
                continue;
            }

            foreach (var channel in channels)
            {
                yield return Row(booking, MessageKinds.Reminder, channel, due, now) with { LastError = NoSender(channel) };
            }
        }
    }

    // A message for a channel with no sender says so from the start: it waits, visibly, until one is configured.
    private string? NoSender(string channel) =>
        options.Value.Sends(channel) ? null : NotificationErrors.NoSender(channel);

    private static IEnumerable<string> Channels(BookingRow booking)
    {
        if (!string.IsNullOrWhiteSpace(booking.CustomerEmail))
        {
            yield return "email";
        }

        if (!string.IsNullOrWhiteSpace(booking.CustomerPhone))
        {
            yield return "sms";
        }
    }

    private OutboxRow Row(BookingRow booking, string kind, string channel, DateTimeOffset due, DateTimeOffset now) => new(
        db.NewId(), booking.Id, kind, channel, MessageStatus.Pending, due, null, booking.Sequence, booking.StartsAt, booking.EndsAt,
        booking.Channel, booking.ServicePointId, booking.MeetingUrl, now);
}

internal sealed record OutboxRow(
    Guid Id, Guid BookingId, string Kind, string Channel, string Status, DateTimeOffset DueAt, string? LastError, int Sequence,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string BookingChannel, string? ServicePointId, string? MeetingUrl,
    DateTimeOffset CreatedAt)
{
    public PreviousTime? Previous { get; init; }
}

// A changed booking's time and channel before the change.
internal sealed record PreviousTime(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Channel);
