using System.Text.Json;
using Ajanvaraus.Api.Data;
using Dapper;

namespace Ajanvaraus.Api.Bookings;

// Booked units exist to stop a second booking of the same time; once a booking has ended nobody can book its time,
// so its units go a day later (the booking keeps its own StartsAt and EndsAt). Without this the table grows by ~22 M
// rows a year nationally and every index build reads them all. Past units never matter to search: the index offers
// nothing before now + minimum notice, so no change-log rows are written for them.
internal static class PastUnitsPurge
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    internal const int ResourcesPerBatch = 50;

    internal const int BatchSize = 2000;

    internal const string ResourcesSql = "SELECT Id FROM Experts UNION ALL SELECT Id FROM VideoRooms";

    // A clustered range seek per resource (ResourceId, UnitStart < @Cutoff): no scan of the whole table. SQL Server:
    // the key locks lie in time no writer books any more, so they never block or deadlock with a booking; TOP keeps a
    // batch far from the 5,000 locks of escalation.
    internal static readonly DialectSql DeleteSql = new(
        SqlServer: """
            DELETE TOP (@Take) u
            FROM dbo.BookedUnits u
            WHERE u.ResourceId IN (SELECT CAST(j.value AS UNIQUEIDENTIFIER) FROM OPENJSON(@ResourceIds) j)
              AND u.UnitStart < @Cutoff AND u.BookingId IS NOT NULL
              AND EXISTS (SELECT 1 FROM dbo.Bookings b WHERE b.Id = u.BookingId AND b.EndsAt < @Cutoff)
            """,
        Sqlite: """
            DELETE FROM BookedUnits
            WHERE (ResourceId, UnitStart) IN (
                SELECT u.ResourceId, u.UnitStart
                FROM BookedUnits u
                WHERE u.ResourceId IN (SELECT j.value FROM json_each(@ResourceIds) j)
                  AND u.UnitStart < @Cutoff AND u.BookingId IS NOT NULL
                  AND EXISTS (SELECT 1 FROM Bookings b WHERE b.Id = u.BookingId AND b.EndsAt < @Cutoff)
                LIMIT @Take)
            """);

    // Deletes the units of bookings that ended before now - KeptFor, a few resources at a time, one short write each.
    public static async Task<int> PurgeAsync(Db db, DateTimeOffset now, CancellationToken ct)
    {
        List<Guid> resources;
        await using (var c = await db.OpenAsync(ct))
        {
            resources = (await c.QueryAsync<Guid>(new CommandDefinition(ResourcesSql, cancellationToken: ct))).AsList();
        }

        var total = 0;
        foreach (var chunk in resources.Chunk(ResourcesPerBatch))
        {
            var args = new
            {
                ResourceIds = JsonSerializer.Serialize(chunk.Select(r => r.ToString("D"))), Cutoff = now - KeptFor, Take = BatchSize,
            };
            int batch;
            do
            {
                batch = await db.WriteAsync(scope => scope.ExecuteAsync(scope.Sql(DeleteSql), args), ct);
                total += batch;
            }
            while (batch == BatchSize);
        }

        return total;
    }
}
