using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Ajanvaraus.Bench;

// Writes a national catalogue straight into the migrated SQLite file: providers, service points in real
// municipalities with their opening hours and video rooms, services, experts and their weekly rules. Seeded:
// the same scale gives the same world (and the same providers and services at every scale).
internal static class DatasetGenerator
{
    private static readonly string[] Weekdays = ["MO", "TU", "WE", "TH", "FR"];
    private static readonly string[] Streets = ["Kauppakatu", "Keskuskatu", "Kirkkokatu", "Asemakatu", "Koulukatu", "Torikatu", "Rantatie", "Virastotalo"];

    public static Dataset Generate(string database, Scale scale, string municipalitiesCsv, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).DateTime);
        var stamp = SqliteText.Instant(now);
        using var c = SqliteText.OpenForLoad(database);
        using var tx = c.BeginTransaction();

        var services = WriteCatalogue(c, tx, new Random(Scale.Seed), stamp);
        var points = WritePoints(c, tx, new Random(Scale.Seed + 1), scale.ServicePoints, ReadMunicipalities(municipalitiesCsv), stamp);
        var (experts, rules) = WriteExperts(c, tx, new Random(Scale.Seed + 2), scale.Experts, services, points, today, stamp);
        tx.Commit();
        return new Dataset(services, points, experts, rules, today);
    }

    private static List<ServiceInfo> WriteCatalogue(SqliteConnection c, SqliteTransaction tx, Random rng, string stamp)
    {
        using var providers = new BulkInsert(c, "Providers", "Id", "NameFi", "NameSv", "NameEn", "CreatedAt", "UpdatedAt") { Transaction = tx };
        using var insert = new BulkInsert(c, "Services",
            "Id", "ProviderId", "NameFi", "NameSv", "NameEn", "DurationMinutes", "AllowsInPerson", "AllowsRemoteAtPoint", "AllowsVideo", "AllowsPhone",
            "MinimumNoticeMinutes", "BookingHorizonDays", "CancellationCutoffMinutes", "IsActive", "CreatedAt", "UpdatedAt") { Transaction = tx };
        var services = new List<ServiceInfo>();
        foreach (var provider in Catalogue.Providers)
        {
            providers.Row(provider.Id, provider.NameFi, provider.NameSv, provider.NameEn, stamp, stamp);
            foreach (var s in provider.Services)
            {
                var id = SqliteText.NewId(rng);
                insert.Row(SqliteText.Id(id), provider.Id, s.NameFi, s.NameSv, s.NameEn, s.Minutes,
                    Flag(s.Channels, Channels.InPerson), Flag(s.Channels, Channels.RemoteAtPoint), Flag(s.Channels, Channels.Video), Flag(s.Channels, Channels.Phone),
                    s.NoticeMinutes, 90, s.CutoffMinutes, 1, stamp, stamp);
                services.Add(new ServiceInfo(id, provider.Id, s.NameFi, s.Minutes, s.Channels));
            }
        }

        return services;
    }

    // One point per municipality, a second in about one municipality in eight; each agency present by its own odds.
    private static List<PointInfo> WritePoints(SqliteConnection c, SqliteTransaction tx, Random rng, int count, List<(string Code, string Fi, string Sv)> municipalities, string stamp)
    {
        using var insert = new BulkInsert(c, "ServicePoints",
            "Id", "NameFi", "NameSv", "NameEn", "MunicipalityCode", "StreetAddress", "PostalCode", "PostOffice", "TimeZone", "CreatedAt", "UpdatedAt") { Transaction = tx };
        using var hours = new BulkInsert(c, "ServicePointOpeningHours", "ServicePointId", "Weekday", "Opens", "Closes") { Transaction = tx };
        using var present = new BulkInsert(c, "ServicePointProviders", "ServicePointId", "ProviderId") { Transaction = tx };
        using var rooms = new BulkInsert(c, "VideoRooms", "Id", "ServicePointId", "Name", "IsActive", "CreatedAt") { Transaction = tx };

        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(municipalities));
        var distinct = Math.Min(municipalities.Count, (int)Math.Ceiling(count * 7 / 8.0));
        var points = new List<PointInfo>();
        var used = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var (code, fi, sv) = municipalities[i % distinct];
            var second = i >= distinct;
            var id = second ? $"{Slug(fi)}-2" : Slug(fi);
            while (!used.Add(id))
            {
                id = $"{id}-{code}";
            }

            var postal = $"{rng.Next(1, 99):00}{rng.Next(0, 10)}00";
            insert.Row(id, second ? $"{fi}n yhteispalvelupiste 2" : $"{fi}n asiointipiste", $"Servicepunkten i {sv}", $"{fi} service point",
                code, $"{Streets[rng.Next(Streets.Length)]} {rng.Next(1, 40)}", postal, fi.ToUpperInvariant(), "Europe/Helsinki", stamp, stamp);
            for (var weekday = 1; weekday <= 5; weekday++)
            {
                hours.Row(id, weekday, "08:00", "16:00");
            }

            var providers = Catalogue.Providers.Where(p => p.Id == "kela" || rng.NextDouble() < p.Presence).Select(p => p.Id).ToList();
            foreach (var provider in providers)
            {
                present.Row(id, provider);
            }

            var room = SqliteText.NewId(rng);
            rooms.Row(SqliteText.Id(room), id, "Etäpalveluhuone 1", 1, stamp);
            points.Add(new PointInfo(id, code, room, providers));
        }

        return points;
    }

    private static (List<ExpertInfo> Experts, int Rules) WriteExperts(
        SqliteConnection c, SqliteTransaction tx, Random rng, int count, List<ServiceInfo> services, List<PointInfo> points, DateOnly today, string stamp)
    {
        using var insert = new BulkInsert(c, "Experts", "Id", "ProviderId", "DisplayName", "IsActive", "CreatedAt", "UpdatedAt") { Transaction = tx };
        using var languages = new BulkInsert(c, "ExpertLanguages", "ExpertId", "Language") { Transaction = tx };
        using var delivers = new BulkInsert(c, "ExpertServices", "ExpertId", "ServiceId") { Transaction = tx };
        using var rules = new BulkInsert(c, "AvailabilityRules",
            "Id", "ExpertId", "ServicePointId", "AllowsInPerson", "AllowsRemoteAtPoint", "AllowsVideo", "AllowsPhone",
            "StartTime", "EndTime", "RecurrenceRule", "ValidFrom", "ValidUntil", "CreatedAt", "UpdatedAt") { Transaction = tx };

        var validFrom = SqliteText.Date(today.AddDays(-28));
        var pointsOf = Catalogue.Providers.ToDictionary(p => p.Id, p => points.Where(x => x.Providers.Contains(p.Id)).ToList());
        var experts = new List<ExpertInfo>();
        for (var i = 0; i < count; i++)
        {
            var provider = Pick(rng, Catalogue.Providers.Where(p => pointsOf[p.Id].Count > 0).ToList());
            var own = services.Where(s => s.ProviderId == provider.Id).ToList();
            rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(own));
            var delivered = own.Take(rng.Next(1, Math.Min(3, own.Count) + 1)).ToList();
            var id = SqliteText.NewId(rng);
            var expertId = SqliteText.Id(id);
            insert.Row(expertId, provider.Id, $"{provider.NameFi.Split(' ')[0]}-asiantuntija {i + 1}", 1, stamp, stamp);
            languages.Row(expertId, "fi");
            if (rng.NextDouble() < 0.2)
            {
                languages.Row(expertId, "sv");
            }

            if (rng.NextDouble() < 0.4)
            {
                languages.Row(expertId, "en");
            }

            foreach (var service in delivered)
            {
                delivers.Row(expertId, SqliteText.Id(service.Id));
            }

            // Most experts work at their home point on some weekdays and remotely (video, phone, the points'
            // remote-service rooms) on the others; the rest are at the point every weekday.
            var home = pointsOf[provider.Id][rng.Next(pointsOf[provider.Id].Count)];
            var days = Weekdays.ToArray();
            rng.Shuffle(days);
            var remote = delivered.Any(s => (s.Channels & (Channels.Video | Channels.RemoteAtPoint)) != 0) && rng.NextDouble() < 0.6;
            var pointDays = remote ? 3 : rng.NextDouble() < 0.3 ? 4 : 5;
            var start = new TimeOnly(8, 0).AddMinutes(30 * rng.Next(0, 4));
            var end = start.AddHours(rng.Next(4, 7));
            rules.Row(SqliteText.Id(SqliteText.NewId(rng)), expertId, home.Id, 1, 0, 0, SqliteText.Flag(rng.NextDouble() < 0.3),
                SqliteText.Time(start), SqliteText.Time(end), ByDay(days[..pointDays]), validFrom, null, stamp, stamp);
            if (remote)
            {
                rules.Row(SqliteText.Id(SqliteText.NewId(rng)), expertId, null, 0, SqliteText.Flag(rng.NextDouble() < 0.7), 1, 1,
                    SqliteText.Time(start), SqliteText.Time(end), ByDay(days[pointDays..]), validFrom, null, stamp, stamp);
            }

            experts.Add(new ExpertInfo(id, provider.Id, delivered));
        }

        return (experts, rules.Rows);
    }

    private static string ByDay(IEnumerable<string> days) =>
        $"FREQ=WEEKLY;BYDAY={string.Join(',', Weekdays.Where(days.Contains))}";

    private static ProviderDef Pick(Random rng, List<ProviderDef> providers)
    {
        var x = rng.NextDouble() * providers.Sum(p => p.ExpertShare);
        foreach (var provider in providers)
        {
            x -= provider.ExpertShare;
            if (x < 0)
            {
                return provider;
            }
        }

        return providers[^1];
    }

    private static int Flag(Channels channels, Channels one) => (channels & one) != 0 ? 1 : 0;

    private static List<(string Code, string Fi, string Sv)> ReadMunicipalities(string csv) =>
        File.ReadLines(csv).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f.Length >= 3)
            .Select(f => (f[0].Trim(), f[1].Trim(), f[2].Trim()))
            .ToList();

    // "Hämeenlinna" -> "hameenlinna", "Pedersören kunta" -> "pedersoren-kunta": a valid service point id.
    private static string Slug(string name)
    {
        var folded = name.ToLowerInvariant().Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a').Normalize(NormalizationForm.FormD);
        var text = new StringBuilder();
        foreach (var ch in folded)
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                text.Append(ch);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var slug = text.ToString().Trim('-');
        return slug.Length > 38 ? slug[..38].Trim('-') : slug;
    }
}
