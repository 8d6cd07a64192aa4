namespace Ajanvaraus.Bench;

internal sealed record ServiceInfo(Guid Id, string ProviderId, string NameFi, int Minutes, Channels Channels);

internal sealed record PointInfo(string Id, string MunicipalityCode, Guid VideoRoomId, IReadOnlyList<string> Providers);

internal sealed record ExpertInfo(Guid Id, string ProviderId, IReadOnlyList<ServiceInfo> Services);

// What the generator wrote, kept in memory for the booking loader and for choosing what to ask.
internal sealed record Dataset(
    IReadOnlyList<ServiceInfo> Services,
    IReadOnlyList<PointInfo> Points,
    IReadOnlyList<ExpertInfo> Experts,
    int Rules,
    DateOnly Today)
{
    public IReadOnlyDictionary<string, ExpertInfo> ExpertsById { get; } = Experts.ToDictionary(e => SqliteText.Id(e.Id));

    public IReadOnlyDictionary<string, PointInfo> PointsById { get; } = Points.ToDictionary(p => p.Id);

    // Monday of the week after next week: inside every horizon, past every minimum notice.
    public DateOnly SearchWeek => Today.AddDays(8 + ((8 - (int)Today.AddDays(8).DayOfWeek) % 7));
}
