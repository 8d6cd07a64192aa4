using System.Data.Common;
using System.Text.Json;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

// One line of a booking's history: what happened, who did it, why, and the booking before and after.
internal sealed record HistoryEntry(Guid BookingId, string Action, Actor Actor, string? Reason, object? From, object? To);

internal sealed record HistoryRow
{
    public DateTimeOffset OccurredAt { get; init; }
    public string Action { get; init; } = "";
    public string ActorKind { get; init; } = "";
    public string? ActorId { get; init; }
    public string? ActorScope { get; init; }
    public string? OnBehalfOf { get; init; }
    public string? Reason { get; init; }
    public string? Change { get; init; }
}

// Every change of a booking writes its line in the change's own transaction; staff acts are marked as on the
// customer's behalf.
internal sealed class BookingHistory(Db db)
{
    internal const string InsertSql = """
        INSERT INTO BookingHistory (Id, BookingId, OccurredAt, Action, ActorKind, ActorId, ActorScope, OnBehalfOf, Reason, Change)
        VALUES (@Id, @BookingId, @OccurredAt, @Action, @ActorKind, @ActorId, @ActorScope, @OnBehalfOf, @Reason, @Change)
        """;

    // Ids are made in time order, so they break ties of one instant in the order of writing.
    internal const string ListSql = """
        SELECT OccurredAt, Action, ActorKind, ActorId, ActorScope, OnBehalfOf, Reason, Change
        FROM BookingHistory WHERE BookingId = @BookingId ORDER BY OccurredAt, Id
        """;

    public static Task WriteAsync(WriteScope scope, HistoryEntry entry) =>
        scope.ExecuteAsync(InsertSql, new
        {
            Id = scope.NewId(),
            entry.BookingId,
            OccurredAt = scope.Now,
            entry.Action,
            ActorKind = entry.Actor.Kind,
            ActorId = entry.Actor.Id,
            ActorScope = entry.Actor.Scope,
            OnBehalfOf = entry.Actor.IsStaff ? "customer" : null,
            entry.Reason,
            Change = JsonSerializer.Serialize(new { from = entry.From, to = entry.To }, JsonSerializerOptions.Web),
        });

    public async Task<IReadOnlyList<HistoryRow>> ListAsync(Guid bookingId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<HistoryRow>(new CommandDefinition(ListSql, new { BookingId = bookingId },
            cancellationToken: ct))).AsList();
    }
}
