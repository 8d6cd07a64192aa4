namespace Ajanvaraus.Bench;

// Walk-in service events for a year around today, straight into the database as the service writes them: every
// weekday each point records about ten walk-ins (08-16 local) for the agencies present, on the three walk-in channels,
// under a few common transaction types. Seeded, like the bookings.
internal static class ServiceEventLoader
{
    public const int PastDays = 275;
    public const int FutureDays = 90;

    private static readonly string[] Types = ["neuvonta", "asiakirjat", "etuushakemus"];
    private static readonly string[] Channels = ["self_service", "remote_at_point", "counter"];

    public static int Load(string database, Dataset dataset, DateTimeOffset now)
    {
        using var c = SqliteText.OpenForLoad(database);
        var stamp = SqliteText.Instant(now);
        using (var types = new BulkInsert(c, "TransactionTypes", "Id", "ProviderId", "NameFi", "NameSv", "NameEn", "CreatedAt", "UpdatedAt"))
        {
            foreach (var type in Types)
            {
                types.Row(type, null, type, type, type, stamp, stamp);
            }
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        var rng = new Random(Scale.Seed + 30);
        using var events = new BulkInsert(c, "ServiceEvents", "Id", "ServicePointId", "ProviderId", "ServiceId", "TransactionTypeId", "Channel",
            "OccurredAt", "Language", "RecordedByKind", "RecordedById", "RecordedAt");
        using var tx = c.BeginTransaction();
        events.Transaction = tx;
        for (var day = dataset.Today.AddDays(-PastDays); day < dataset.Today.AddDays(FutureDays); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var point in dataset.Points)
            {
                for (var n = rng.Next(21); n > 0; n--)
                {
                    var local = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(rng.Next(8 * 60));
                    var at = SqliteText.Instant(TimeZoneInfo.ConvertTimeToUtc(local, zone));
                    events.Row(SqliteText.Id(SqliteText.NewId(rng)), point.Id, point.Providers[rng.Next(point.Providers.Count)], null,
                        Types[rng.Next(Types.Length)], Channels[rng.Next(Channels.Length)], at, "fi", "adviser", $"{point.Id}/neuvoja", at);
                }
            }
        }

        tx.Commit();
        return events.Rows;
    }
}
