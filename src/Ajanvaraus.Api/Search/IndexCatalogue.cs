using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Data;
using Ajanvaraus.Api.Services;
using Dapper;

namespace Ajanvaraus.Api.Search;

internal sealed record IndexExpert(Guid Id, string DisplayName, IReadOnlyList<string> Languages);

// A point as search needs it: what an answer shows, where it is, who serves there, and its rooms, hours and closures.
internal sealed record IndexPoint(SlotPoint Point, string MunicipalityCode, IReadOnlySet<string> Providers, RoomPoint Rooms)
{
    public string Id => Point.Id;
}

// The catalogue part of the index: services, active experts with their services and languages, points. Replaced whole
// when a 'catalogue' change arrives (a few thousand rows even at national scale).
internal sealed record IndexCatalogue(
    IReadOnlyDictionary<Guid, ServiceRow> Services,
    IReadOnlyDictionary<Guid, Guid[]> ExpertsByService,
    IReadOnlyDictionary<Guid, IndexExpert> Experts,
    IReadOnlyDictionary<string, IndexPoint> Points,
    ILookup<string, IndexPoint> PointsByMunicipality,
    IReadOnlyDictionary<string, Hosting.LocalizedText> Providers)
{
    internal const string ProvidersSql = "SELECT Id, NameFi, NameSv, NameEn FROM Providers";

    internal const string ExpertsSql = "SELECT Id, DisplayName FROM Experts WHERE IsActive = 1";
    internal const string LanguagesSql = "SELECT ExpertId, Language FROM ExpertLanguages ORDER BY ExpertId, Language";
    internal const string ExpertServicesSql = "SELECT ExpertId, ServiceId FROM ExpertServices";

    internal const string PointsSql = """
        SELECT Id, TimeZone, NameFi, NameSv, NameEn, StreetAddress, PostalCode, PostOffice, MunicipalityCode FROM ServicePoints
        """;

    internal const string PointProvidersSql = "SELECT ServicePointId, ProviderId FROM ServicePointProviders";
    internal const string HoursSql = "SELECT ServicePointId, Weekday, Opens, Closes FROM ServicePointOpeningHours";
    internal const string ClosuresSql = "SELECT ServicePointId, FirstDay, LastDay FROM ServicePointClosures WHERE LastDay >= @FromDay";

    // In the order booking tries them (ServicePointStore's): oldest room first.
    internal const string RoomsSql = "SELECT ServicePointId, Id FROM VideoRooms WHERE IsActive = 1 ORDER BY ServicePointId, CreatedAt, Id";

    public static async Task<IndexCatalogue> LoadAsync(Db db, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var services = (await c.QueryAsync<ServiceRow>(new CommandDefinition(ServiceStore.ActiveSql, cancellationToken: ct)))
            .ToDictionary(s => s.Id);
        var languages = (await c.QueryAsync<(Guid ExpertId, string Language)>(new CommandDefinition(LanguagesSql, cancellationToken: ct)))
            .ToLookup(l => l.ExpertId, l => l.Language);
        var experts = (await c.QueryAsync<(Guid Id, string DisplayName)>(new CommandDefinition(ExpertsSql, cancellationToken: ct)))
            .ToDictionary(e => e.Id, e => new IndexExpert(e.Id, e.DisplayName, languages[e.Id].ToList()));
        var byService = (await c.QueryAsync<(Guid ExpertId, Guid ServiceId)>(
                new CommandDefinition(ExpertServicesSql, cancellationToken: ct)))
            .Where(x => experts.ContainsKey(x.ExpertId))
            .GroupBy(x => x.ServiceId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.ExpertId).Order().ToArray());

        var providers = (await c.QueryAsync<(string PointId, string ProviderId)>(
                new CommandDefinition(PointProvidersSql, cancellationToken: ct)))
            .ToLookup(x => x.PointId, x => x.ProviderId);
        var hours = (await c.QueryAsync<HoursRow>(new CommandDefinition(HoursSql, cancellationToken: ct)))
            .ToLookup(h => h.ServicePointId, h => new OpeningHours(h.Weekday, h.Opens, h.Closes));
        // From the day before today: covers every local day a bookable time can fall on.
        var fromDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var closures = (await c.QueryAsync<(string PointId, DateOnly FirstDay, DateOnly LastDay)>(
                new CommandDefinition(ClosuresSql, new { FromDay = fromDay }, cancellationToken: ct)))
            .ToLookup(x => x.PointId, x => new DayRange(x.FirstDay, x.LastDay));
        var rooms = (await c.QueryAsync<(string PointId, Guid Id)>(new CommandDefinition(RoomsSql, cancellationToken: ct)))
            .ToLookup(x => x.PointId, x => x.Id);
        var points = (await c.QueryAsync<PointRow>(new CommandDefinition(PointsSql, cancellationToken: ct)))
            .ToDictionary(p => p.Id, p => new IndexPoint(
                new SlotPoint(p.Id, p.TimeZone, p.NameFi, p.NameSv, p.NameEn, p.StreetAddress, p.PostalCode, p.PostOffice),
                p.MunicipalityCode,
                providers[p.Id].ToHashSet(StringComparer.Ordinal),
                new RoomPoint(p.Id, p.TimeZone, hours[p.Id].ToList(), rooms[p.Id].ToList(), closures[p.Id].ToList())));
        // Names a booking's answer shows, so that it is built from what was written without reading it back.
        var providerNames = (await c.QueryAsync<(string Id, string NameFi, string NameSv, string NameEn)>(
                new CommandDefinition(ProvidersSql, cancellationToken: ct)))
            .ToDictionary(p => p.Id, p => new Hosting.LocalizedText(p.NameFi, p.NameSv, p.NameEn), StringComparer.Ordinal);
        return new IndexCatalogue(services, byService, experts, points,
            points.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToLookup(p => p.MunicipalityCode), providerNames);
    }

    // The points a question names where the service's provider serves (none for remote questions).
    public IReadOnlyList<IndexPoint> PointsFor(ServiceRow service, string? servicePointId, string? municipality)
    {
        IEnumerable<IndexPoint> named = servicePointId is not null
            ? Points.TryGetValue(servicePointId, out var point) ? [point] : []
            : municipality is not null ? PointsByMunicipality[municipality] : [];
        return named.Where(p => p.Providers.Contains(service.ProviderId)).ToList();
    }

    private sealed record HoursRow
    {
        public string ServicePointId { get; init; } = "";
        public int Weekday { get; init; }
        public TimeOnly Opens { get; init; }
        public TimeOnly Closes { get; init; }
    }

    private sealed record PointRow
    {
        public string Id { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public string NameFi { get; init; } = "";
        public string NameSv { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string StreetAddress { get; init; } = "";
        public string PostalCode { get; init; } = "";
        public string PostOffice { get; init; } = "";
        public string MunicipalityCode { get; init; } = "";
    }
}
