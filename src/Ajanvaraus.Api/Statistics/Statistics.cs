using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Statistics;

public sealed record StatisticsQuery(
    [property: Required, DateInRange, Description("The first day (local Finnish date), inclusive.")]
    [FromQuery(Name = "from")] DateOnly? From,
    [property: Required, DateInRange, Description("The last day (local Finnish date), inclusive.")]
    [FromQuery(Name = "to")] DateOnly? To,
    [property: StringLength(200), Description("Comma-separated: servicePoint, provider, channel, transactionType, month.")]
    [FromQuery(Name = "groupBy")] string? GroupBy,
    [property: StringLength(40), Description("Only this service point (an adviser always sees only their own).")]
    [FromQuery(Name = "servicePoint")] string? ServicePoint,
    [property: StringLength(40), Description("Only this provider (an agency admin always sees only their own).")]
    [FromQuery(Name = "provider")] string? Provider);

// One group's figures. A key that is not grouped on is absent; grouped on servicePoint, an absent servicePointId is
// video and phone (no point). Channel and transactionType of bookings are `appointment`.
public sealed record StatisticsRow(
    string? ServicePointId,
    string? ProviderId,
    string? Channel,
    string? TransactionType,
    string? Month,
    [property: Description("Walk-in events plus completed bookings.")] long ServiceEvents,
    long WalkInEvents,
    [property: Description("Bookings whose appointment falls in the period, in any status.")] long BookingsMade,
    long Completed,
    long NoShow,
    long CancelledByCustomer,
    long CancelledByStaff,
    long MadeByPortal,
    long MadeByCitizen,
    long MadeByAdviser,
    [property: Description("Made by an agency admin or an operator.")] long MadeByOtherStaff,
    [property: Description("Minutes of the bookings not cancelled.")] long BookedMinutes,
    [property: Description("Minutes of the experts' published availability windows.")] long? PublishedMinutes,
    [property: Description("bookedMinutes / publishedMinutes.")] double? Utilisation,
    [property: Description("Median minutes from making a booking to its start.")] double? MedianLeadTimeMinutes);

public sealed record StatisticsResponse(DateOnly From, DateOnly To, IReadOnlyList<string> GroupBy, IReadOnlyList<StatisticsRow> Rows);

// The keys asked for, and the filters the caller's role imposes or asked for.
internal sealed record StatisticsFilter(
    DateTimeOffset From, DateTimeOffset To, StatisticsGrouping Group, string? ServicePointId, string? ProviderId);

internal sealed record StatisticsGrouping(bool Month, bool Point, bool Provider, bool Channel, bool TransactionType)
{
    public static readonly string[] Names = ["servicePoint", "provider", "channel", "transactionType", "month"];

    // Null when a name is not one of Names.
    public static StatisticsGrouping? Parse(string? groupBy, out IReadOnlyList<string> keys)
    {
        var parts = (groupBy ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        keys = Names.Where(parts.Contains).ToList();
        return parts.All(Names.Contains)
            ? new StatisticsGrouping(parts.Contains("month"), parts.Contains("servicePoint"), parts.Contains("provider"),
                parts.Contains("channel"), parts.Contains("transactionType"))
            : null;
    }

    public object Flags(StatisticsFilter f) => new
    {
        f.From, f.To, f.ServicePointId, f.ProviderId,
        ByMonth = Month ? 1 : 0, ByPoint = Point ? 1 : 0, ByProvider = Provider ? 1 : 0, ByChannel = Channel ? 1 : 0,
        ByTransactionType = TransactionType ? 1 : 0, Periods = Month ? LocalPeriods.Months(f.From, f.To) : "[]",
    };
}

// Rows of the four queries (SQLite hands integers back as Int64).
internal sealed record GroupKey(string? Month, string? ServicePointId, string? ProviderId, string? Channel, string? TransactionType);

internal sealed record BookingCounts
{
    public string? Month { get; init; }
    public string? ServicePointId { get; init; }
    public string? ProviderId { get; init; }
    public long Made { get; init; }
    public long Completed { get; init; }
    public long NoShow { get; init; }
    public long Cancelled { get; init; }
    public long CancelledByStaff { get; init; }
    public long MadeByPortal { get; init; }
    public long MadeByCitizen { get; init; }
    public long MadeByAdviser { get; init; }
    public long MadeByOtherStaff { get; init; }
    public long BookedMinutes { get; init; }
}

internal sealed record MedianLead
{
    public string? Month { get; init; }
    public string? ServicePointId { get; init; }
    public string? ProviderId { get; init; }
    public double Minutes { get; init; }
}

internal sealed record PublishedMinutes
{
    public string? Month { get; init; }
    public string? ServicePointId { get; init; }
    public string? ProviderId { get; init; }
    public long Minutes { get; init; }
}

internal sealed record EventCounts
{
    public string? Month { get; init; }
    public string? ServicePointId { get; init; }
    public string? ProviderId { get; init; }
    public string? Channel { get; init; }
    public string? TransactionTypeId { get; init; }
    public long Events { get; init; }
}
