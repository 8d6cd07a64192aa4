using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Bench;

// The "calendar feed, 2,000 bookings" row: an expert feed over the loaded bookings of the busiest expert, topped up to
// 2,000 with completed bookings of the last 30 days (what a feed shows besides the future), written as the service would.
internal static class CalendarFeedBench
{
    public const int Bookings = 2_000;

    public static (string Path, int Count) Prepare(string database, DateTimeOffset now)
    {
        using var c = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=30");
        c.Open();
        var from = SqliteText.Instant(now.AddDays(-30));
        string? expert = null;
        var count = 0;
        using (var busiest = c.CreateCommand())
        {
            busiest.CommandText = """
                SELECT ExpertId, COUNT(*) FROM Bookings WHERE StartsAt >= $from GROUP BY ExpertId ORDER BY COUNT(*) DESC LIMIT 1
                """;
            busiest.Parameters.AddWithValue("$from", from);
            using var r = busiest.ExecuteReader();
            if (r.Read())
            {
                (expert, count) = (r.GetString(0), r.GetInt32(1));
            }
        }

        using var tx = c.BeginTransaction();
        if (count < Bookings)
        {
            using var copy = c.CreateCommand();
            copy.Transaction = tx;
            // Copies of one of the expert's bookings, one every 15 minutes back from now.
            copy.CommandText = """
                INSERT INTO Bookings (Id, Reference, ProviderId, ServiceId, ExpertId, ServicePointId, VideoRoomId, Channel, StartsAt, EndsAt,
                    Status, CustomerName, CustomerEmail, CustomerPhone, CustomerLanguage, Notes, MeetingUrl, ManageTokenHash, Sequence,
                    MadeByKind, MadeById, CreatedAt, UpdatedAt)
                SELECT $id, $reference, ProviderId, ServiceId, ExpertId, ServicePointId, NULL, Channel, $start, $end, 'completed',
                    CustomerName, CustomerEmail, CustomerPhone, CustomerLanguage, NULL, MeetingUrl, ManageTokenHash, 0,
                    MadeByKind, MadeById, CreatedAt, UpdatedAt
                FROM Bookings WHERE ExpertId = $expert LIMIT 1
                """;
            var rng = new Random(Scale.Seed + 40);
            for (var i = 0; i < Bookings - count; i++)
            {
                var start = now.AddMinutes(-15 * (i + 1));
                copy.Parameters.Clear();
                copy.Parameters.AddWithValue("$id", SqliteText.Id(SqliteText.NewId(rng)));
                copy.Parameters.AddWithValue("$reference", string.Create(CultureInfo.InvariantCulture, $"FEED-{i:D5}"));
                copy.Parameters.AddWithValue("$start", SqliteText.Instant(start));
                copy.Parameters.AddWithValue("$end", SqliteText.Instant(start.AddMinutes(15)));
                copy.Parameters.AddWithValue("$expert", expert);
                copy.ExecuteNonQuery();
            }
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using (var feed = c.CreateCommand())
        {
            feed.Transaction = tx;
            feed.CommandText = """
                INSERT INTO CalendarFeeds (Id, TokenHash, Kind, ExpertId, Language, CreatedAt)
                VALUES ($id, $hash, 'expert', $expert, 'fi', $now)
                """;
            feed.Parameters.AddWithValue("$id", SqliteText.Id(Guid.CreateVersion7()));
            feed.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
            feed.Parameters.AddWithValue("$expert", expert);
            feed.Parameters.AddWithValue("$now", SqliteText.Instant(now));
            feed.ExecuteNonQuery();
        }

        tx.Commit();
        return ($"/api/v1/feeds/{token}.ics", Math.Max(count, Bookings));
    }
}
