using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Dapper;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Bookings;

// Holds: booked units that carry an expiry, written the same way as a booking's, so they win or lose the same race.
internal sealed class HoldStore(Db db, TimeProvider clock, IOptions<BookingOptions> options)
{
    internal const string InsertSql = """
        INSERT INTO Holds (Id, TokenHash, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, ExpiresAt, ClientId, CreatedAt,
            ClientAddress)
        VALUES (@Id, @TokenHash, @ServiceId, @ExpertId, @ServicePointId, @VideoRoomId, @Channel, @StartsAt, @EndsAt, @ExpiresAt, @ClientId, @CreatedAt,
            @ClientAddress)
        """;

    // A caller's live holds (RateLimits:*:LiveHolds): a portal's by its client id, an anonymous caller's by address.
    // Read before the hold's write, so on SQL Server two racing holds of one caller may both pass (the cap may be
    // exceeded by the caller's concurrency, never the booked-unit guarantee); on SQLite writes queue, so it is near exact.
    // The cap bounds the rows read.
    // Two texts, not one with OR, so each seeks its own index (IX_Holds_ClientId, IX_Holds_ClientAddress).
    internal const string LiveHoldsOfClientSql = """
        SELECT ExpiresAt FROM Holds WHERE ClientId = @ClientId AND ExpiresAt > @Now
        """;

    internal const string LiveHoldsOfAddressSql = """
        SELECT ExpiresAt FROM Holds WHERE ClientAddress = @ClientAddress AND ClientId IS NULL AND ExpiresAt > @Now
        """;

    // Live anonymous holds of one service at one point (no point: its remote times) starting within one day (HoldShare).
    // Through IX_Holds_ExpiresAt: only live holds are read, and the caps bound how many there are.
    internal const string AnonymousOfDaySql = """
        SELECT ExpiresAt FROM Holds
        WHERE ExpiresAt > @Now AND ServiceId = @ServiceId AND StartsAt >= @DayStart AND StartsAt < @DayEnd
          AND ClientId IS NULL AND ClientAddress IS NOT NULL
          AND (ServicePointId = @ServicePointId OR (ServicePointId IS NULL AND @ServicePointId IS NULL))
        """;

    internal const string FindSql = """
        SELECT Id, TokenHash, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt, ExpiresAt, ClientId, CreatedAt
        FROM Holds WHERE Id = @Id
        """;

    internal const string DeleteSql = """
        DELETE FROM Holds WHERE Id = @Id
        """;

    public async Task<HoldRow?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<HoldRow>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    public async Task<(int Live, DateTimeOffset? FirstExpiry)> LiveHoldsAsync(string? clientId, string clientAddress, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var sql = clientId is null ? LiveHoldsOfAddressSql : LiveHoldsOfClientSql;
        var expiries = (await c.QueryAsync<DateTimeOffset>(new CommandDefinition(sql, new { ClientId = clientId,
            ClientAddress = clientAddress, Now = clock.GetUtcNow() }, cancellationToken: ct))).AsList();
        return (expiries.Count, expiries.Count == 0 ? null : expiries.Min());
    }

    public async Task<(int Live, DateTimeOffset? FirstExpiry)> AnonymousHoldsOfDayAsync(Guid serviceId, string? servicePointId,
        DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new
        {
            ServiceId = serviceId, ServicePointId = servicePointId, DayStart = dayStart, DayEnd = dayEnd, Now = clock.GetUtcNow(),
        };
        var expiries = (await c.QueryAsync<DateTimeOffset>(new CommandDefinition(AnonymousOfDaySql, args, cancellationToken: ct))).AsList();
        return (expiries.Count, expiries.Count == 0 ? null : expiries.Min());
    }

    // The hold as written (with its room and its time in the zone it is shown in); Taken or NotBookable (with why) when
    // it could not be. The expert's windows are judged inside the write, as a booking's are.
    public async Task<(HoldRow? Hold, WriteOutcome Outcome, NotBookable? Reason)> CreateAsync(BookingTarget target, Guid expert,
        string tokenHash, string? clientId, string? clientAddress, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync<(HoldRow?, WriteOutcome, NotBookable?)>(async scope =>
            {
                var match = await SlotFinder.JudgeAsync(scope, target.Time!, expert, target.Rooms);
                if (match.Found is not { } bookable)
                {
                    scope.Discard();
                    return (null, WriteOutcome.NotBookable, match.Reason);
                }

                var slot = bookable.Slot;
                var hold = new HoldRow(scope.NewId(), tokenHash, bookable.Service.Id, slot.ExpertId, slot.ServicePointId, null,
                    ChannelFlags.Name(slot.Channel), slot.Start, slot.End, scope.Now.AddMinutes(options.Value.HoldMinutes), clientId,
                    scope.Now);
                var reservation = new Reservation(slot.ExpertId, slot.Start, slot.End, bookable.Rooms);
                var owner = UnitOwner.Hold(hold.Id, hold.ExpiresAt);
                var written = hold with { VideoRoomId = await UnitLedger.TakeAsync(scope, reservation, owner) };
                var args = new DynamicParameters(written);
                args.Add("ClientAddress", clientAddress);
                await scope.ExecuteAsync(InsertSql, args);
                return (written, WriteOutcome.Done, null);
            }, ct);
        }
        catch (Exception ex) when (UnitLedger.IsTaken(ex))
        {
            return (null, WriteOutcome.Taken, null);
        }
    }

    public Task ReleaseAsync(HoldRow hold, CancellationToken ct) =>
        db.WriteAsync(scope => DeleteAsync(scope, hold), ct);

    // The hold's row first, then its units by their clustered key (the order every writer keeps).
    public static async Task DeleteAsync(WriteScope scope, HoldRow hold)
    {
        await scope.ExecuteAsync(DeleteSql, new { hold.Id });
        await UnitLedger.FreeAsync(scope, UnitOwner.Hold(hold.Id, hold.ExpiresAt), hold.ExpertId, hold.VideoRoomId, hold.StartsAt,
            hold.EndsAt);
    }
}
