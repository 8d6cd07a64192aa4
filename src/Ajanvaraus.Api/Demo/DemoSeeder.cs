using System.Security.Cryptography;
using System.Text;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Experts;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Providers;
using Ajanvaraus.Api.ServicePoints;
using Ajanvaraus.Api.Services;
using Ajanvaraus.Api.Statistics;

namespace Ajanvaraus.Api.Demo;

// Loads DemoData through the features' own stores, so demo rows obey the same rules as any other. Ids are derived from
// stable names, so a second run finds everything in place and adds nothing.
internal sealed class DemoSeeder(
    ProviderStore providers, ServicePointStore points, VideoRoomStore rooms, ServiceStore services, ExpertStore experts,
        AvailabilityRuleStore rules, TransactionTypeStore types, TimeProvider clock)
{
    public async Task<int> SeedAsync(TextWriter log, CancellationToken ct)
    {
        var added = 0;
        var hosts = DemoData.Points.Select(p => (Id: p.HostProvider, Names: p.HostNames));
        foreach (var (id, names) in DemoData.Agencies.Concat(hosts))
        {
            if (await providers.FindAsync(id, ct) is null && await providers.InsertAsync(new ProviderRow(id, names.Fi, names.Sv, names.En),
                ct))
            {
                added++;
            }
        }

        foreach (var (id, provider, names) in DemoData.TransactionTypes)
        {
            if (await types.FindAsync(id, ct) is null && await types.InsertAsync(new TransactionTypeRow
            {
                Id = id, ProviderId = provider, NameFi = names.Fi, NameSv = names.Sv, NameEn = names.En,
            }, ct) == TypeWrite.Done)
            {
                added++;
            }
        }

        foreach (var point in DemoData.Points)
        {
            added += await SeedPointAsync(point, ct);
        }

        foreach (var service in DemoData.Services.Concat(DemoData.Points.Select(DemoData.HostService)))
        {
            added += await SeedServiceAsync(service, ct);
        }

        foreach (var expert in DemoData.Experts())
        {
            added += await SeedExpertAsync(expert, ct);
        }

        log.WriteLine(added == 0 ? "Demo data is in place; nothing added." : $"Demo data: {added} rows added (5 pilot points, {DemoData.Agencies.Length} agencies and the host municipalities).");
        return added;
    }

    private async Task<int> SeedPointAsync(DemoPoint point, CancellationToken ct)
    {
        var added = 0;
        if (await points.FindAsync(point.Id, ct) is null)
        {
            var row = new ServicePointRow(
                point.Id, point.Names.Fi, point.Names.Sv, point.Names.En, point.Municipality, point.Street, point.PostalCode,
                    point.PostOffice,
                LocalTime.Helsinki, point.Accessibility.Fi, point.Accessibility.Sv, point.Accessibility.En);
            // Weekdays 9-16, Thursdays until 18: the pilots' own hours, roughly.
            var hours = Enumerable.Range(1, 5)
                .Select(day => new OpeningHoursRow { Weekday = day, Opens = new TimeOnly(9, 0), Closes = day == 4 ? new TimeOnly(18,
                    0) : new TimeOnly(16, 0) })
                .ToList();
            var present = DemoData.Agencies.Select(a => a.Id).Append(point.HostProvider).ToList();
            await points.InsertAsync(row, hours, present, ct);
            added++;
        }

        var roomId = DemoId($"room:{point.Id}");
        if (await rooms.FindAsync(point.Id, roomId, ct) is null
            && await rooms.InsertAsync(new VideoRoomRow { Id = roomId, ServicePointId = point.Id, Name = "Etäpalveluhuone",
                IsActive = true }, ct))
        {
            added++;
        }

        return added;
    }

    private async Task<int> SeedServiceAsync(DemoService service, CancellationToken ct)
    {
        var id = DemoId($"service:{service.Key}");
        if (await services.FindAsync(id, ct) is not null)
        {
            return 0;
        }

        // The same mapping an agency's POST goes through; demo services book with 2 h notice and a 24 h cut-off.
        var request = new ServiceRequest(service.Names, service.Minutes, service.Channels, service.Descriptions, service.Card,
            MinimumNoticeMinutes: 120, BookingHorizonDays: 60, CancellationCutoffMinutes: 1440);
        await services.InsertAsync(ServiceRow.From(id, service.Provider, request), ct);
        return 1;
    }

    private async Task<int> SeedExpertAsync(DemoExpert expert, CancellationToken ct)
    {
        var added = 0;
        var id = DemoId($"expert:{expert.Name}");
        if (await experts.FindAsync(id, ct) is null)
        {
            var serviceIds = expert.Services.Select(key => DemoId($"service:{key}")).Order().ToList();
            await experts.InsertAsync(new ExpertRow(id, expert.Provider, expert.Name, expert.Languages.Order().ToList(), serviceIds), ct);
            added++;
        }

        // Rules start at the beginning of the current month, so the demo always shows the weeks ahead.
        var today = LocalTime.Today(clock);
        var validFrom = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < expert.Rules.Length; i++)
        {
            var rule = expert.Rules[i];
            var ruleId = DemoId($"rule:{expert.Name}:{i}");
            if (await rules.FindAsync(id, ruleId, ct) is not null)
            {
                continue;
            }

            var request = new AvailabilityRuleRequest(rule.Channels, rule.Start, rule.End, validFrom, rule.Point,
                $"FREQ=WEEKLY;BYDAY={rule.Days}");
            await rules.InsertAsync(AvailabilityRuleRow.From(ruleId, id, request), ct);
            added++;
        }

        return added;
    }

    // A stable id for a demo row: the same name gives the same id on every machine and every run.
    public static Guid DemoId(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("ajanvaraus-demo:" + name)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom), as RFC 9562 allows
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes);
    }
}
