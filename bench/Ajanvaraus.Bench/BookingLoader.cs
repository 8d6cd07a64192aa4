using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Bench;

internal sealed record LoadResult(int Windows, int Bookings, int Units, int ServiceEvents = 0);

// Books about 30 % of every materialised window straight into the database, as the service would have written it:
// a confirmed Bookings row and one BookedUnits row per 5-minute unit of the expert (and of the point's video room
// for remote_at_point). Walks each window in service-length steps and books a step with probability 30 %.
internal static class BookingLoader
{
    private const int UnitMinutes = 5;
    private const int CommitEvery = 20_000;
    private const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";

    private static readonly string[] BookingColumns =
    [
        "Id", "Reference", "ProviderId", "ServiceId", "ExpertId", "ServicePointId", "VideoRoomId", "Channel", "StartsAt", "EndsAt", "Status",
        "CustomerName", "CustomerEmail", "CustomerPhone", "CustomerLanguage", "Notes", "MeetingUrl", "ManageTokenHash", "Sequence",
        "MadeByKind", "MadeById", "CreatedAt", "UpdatedAt",
    ];

    private sealed record Window(string ExpertId, string? PointId, DateTime Start, DateTime End, Channels Channels);

    public static LoadResult Load(string database, Dataset dataset, DateTimeOffset now)
    {
        using var c = SqliteText.OpenForLoad(database);
        var windows = ReadWindows(c);
        var rng = new Random(Scale.Seed + 3);
        var stamp = SqliteText.Instant(now);
        var instants = new Dictionary<long, string>();
        string Instant(DateTime t) => instants.TryGetValue(t.Ticks, out var s) ? s : instants[t.Ticks] = SqliteText.Instant(t);

        using var bookings = new BulkInsert(c, "Bookings", BookingColumns);
        using var units = new BulkInsert(c, "BookedUnits", "ResourceId", "UnitStart", "BookingId", "HoldId", "ExpiresAt");
        var tx = c.BeginTransaction();
        bookings.Transaction = tx;
        units.Transaction = tx;

        var roomUnits = new HashSet<(Guid Room, long Unit)>();
        var pointsOf = Catalogue.Providers.ToDictionary(p => p.Id, p => dataset.Points.Where(x => x.Providers.Contains(p.Id)).ToList());
        var step = TimeSpan.FromMinutes(UnitMinutes);
        var count = 0;
        foreach (var window in windows)
        {
            var expert = dataset.ExpertsById[window.ExpertId];
            var fitting = expert.Services.Where(s => (s.Channels & window.Channels) != 0).ToList();
            if (fitting.Count == 0)
            {
                continue;
            }

            for (var t = window.Start; ;)
            {
                var service = fitting[rng.Next(fitting.Count)];
                var end = t.AddMinutes(service.Minutes);
                if (end > window.End)
                {
                    break;
                }

                if (rng.NextDouble() < Scale.BookedShare)
                {
                    var channel = PickChannel(rng, service.Channels & window.Channels);
                    var point = channel == Channels.InPerson ? dataset.PointsById[window.PointId!] : null;
                    Guid? room = null;
                    if (channel == Channels.RemoteAtPoint)
                    {
                        var candidates = pointsOf[expert.ProviderId];
                        point = candidates[rng.Next(candidates.Count)];
                        if (Enumerable.Range(0, service.Minutes / UnitMinutes).All(u => !roomUnits.Contains((point.VideoRoomId, t.Ticks / step.Ticks + u))))
                        {
                            room = point.VideoRoomId;
                            for (var u = 0; u < service.Minutes / UnitMinutes; u++)
                            {
                                roomUnits.Add((point.VideoRoomId, (t.Ticks / step.Ticks) + u));
                            }
                        }
                        else
                        {
                            // The room is taken then: this customer meets the expert by video from home instead.
                            (channel, point) = (Channels.Video, null);
                        }
                    }

                    var id = SqliteText.Id(SqliteText.NewId(rng));
                    var reference = Reference(count);
                    bookings.Row(id, reference, expert.ProviderId, SqliteText.Id(service.Id), window.ExpertId, point?.Id, room is { } r ? SqliteText.Id(r) : null,
                        ChannelName(channel), Instant(t), Instant(end), "confirmed",
                        $"Asiakas {count + 1}", $"asiakas{count + 1}@example.fi", $"+35840{rng.Next(1_000_000, 9_999_999)}", "fi", null,
                        channel == Channels.Video ? $"https://video.ajanvaraus.example/meet/{reference}" : null,
                        Convert.ToHexStringLower(rng.GetItems<byte>([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 32)), 0,
                        "citizen", null, stamp, stamp);
                    for (var u = t; u < end; u += step)
                    {
                        units.Row(window.ExpertId, Instant(u), id, null, null);
                        if (room is { } taken)
                        {
                            units.Row(SqliteText.Id(taken), Instant(u), id, null, null);
                        }
                    }

                    if (++count % CommitEvery == 0)
                    {
                        tx.Commit();
                        tx.Dispose();
                        tx = c.BeginTransaction();
                        bookings.Transaction = tx;
                        units.Transaction = tx;
                    }
                }

                t = end;
            }
        }

        tx.Commit();
        tx.Dispose();
        return new LoadResult(windows.Count, bookings.Rows, units.Rows);
    }

    private static List<Window> ReadWindows(SqliteConnection c)
    {
        using var read = c.CreateCommand();
        read.CommandText = """
            SELECT ExpertId, ServicePointId, StartsAt, EndsAt, AllowsInPerson, AllowsRemoteAtPoint, AllowsVideo, AllowsPhone
            FROM AvailabilityWindows ORDER BY ExpertId, StartsAt
            """;
        using var reader = read.ExecuteReader();
        var windows = new List<Window>();
        while (reader.Read())
        {
            var channels = (reader.GetInt64(4) == 1 ? Channels.InPerson : 0) | (reader.GetInt64(5) == 1 ? Channels.RemoteAtPoint : 0)
                | (reader.GetInt64(6) == 1 ? Channels.Video : 0) | (reader.GetInt64(7) == 1 ? Channels.Phone : 0);
            windows.Add(new Window(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                CeilingToUnit(SqliteText.ParseInstant(reader.GetString(2))), SqliteText.ParseInstant(reader.GetString(3)), channels));
        }

        return windows;
    }

    // Visits mostly in person; remote windows split between video, phone and the points' remote-service rooms.
    private static Channels PickChannel(Random rng, Channels allowed)
    {
        Channels[] preference = (allowed & Channels.InPerson) != 0
            ? rng.NextDouble() < 0.85 ? [Channels.InPerson, Channels.Phone] : [Channels.Phone, Channels.InPerson]
            : rng.NextDouble() switch
            {
                < 0.5 => [Channels.Video, Channels.RemoteAtPoint, Channels.Phone],
                < 0.75 => [Channels.RemoteAtPoint, Channels.Video, Channels.Phone],
                _ => [Channels.Phone, Channels.Video, Channels.RemoteAtPoint],
            };
        return preference.First(ch => (allowed & ch) != 0);
    }

    private static string ChannelName(Channels channel) => channel switch
    {
        Channels.InPerson => "in_person",
        Channels.RemoteAtPoint => "remote_at_point",
        Channels.Video => "video",
        _ => "phone",
    };

    // Distinct for every n below 25^8: n times a number prime to 25, modulo 25^8, written in the service's alphabet.
    private static string Reference(long n)
    {
        const long Codes = 152_587_890_625; // 25^8
        var code = ((n * 7_368_787) + 1_234_567) % Codes;
        Span<char> text = stackalloc char[9];
        for (var i = 8; i >= 0; i--)
        {
            if (i == 4)
            {
                text[i] = '-';
                continue;
            }

            text[i] = Alphabet[(int)(code % 25)];
            code /= 25;
        }

        return new string(text);
    }

    private static DateTime CeilingToUnit(DateTime t)
    {
        var unit = TimeSpan.FromMinutes(UnitMinutes).Ticks;
        return new DateTime((t.Ticks + unit - 1) / unit * unit, DateTimeKind.Utc);
    }
}
