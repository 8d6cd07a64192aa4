using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Calendars.Feeds;

// A label for the feed, shown as the calendar's name in the reader's app (X-WR-CALNAME).
public sealed record CreateFeedRequest(
    [property: StringLength(200), PlainText, Description("A label for the subscription, e.g. \"Outlook of Anna\".")] string? Name = null);

// A feed as listed: its URL is not stored (only its token's hash), so only the answer to its creation shows it.
public sealed record FeedResponse(
    Guid Id,
    [property: Description("expert, provider or service_point.")] string Kind,
    Guid? ExpertId,
    string? ProviderId,
    string? ServicePointId,
    string? Name,
    [property: Description("The language of the feed's texts (the creator's Accept-Language).")] string Language,
    DateTimeOffset CreatedAt);

// The answer to a creation: the secret URL, once (https and webcal://, which calendar apps open as a subscription).
public sealed record CreatedFeedResponse(
    Guid Id,
    string Kind,
    Guid? ExpertId,
    string? ProviderId,
    string? ServicePointId,
    string? Name,
    string Language,
    DateTimeOffset CreatedAt,
    [property: Description("The feed's address (anonymous; the token in it is the only key). Shown only here.")] string Url,
    [property: Description("The same address as webcal://, for one-click subscription.")] string WebcalUrl);

internal static class FeedKinds
{
    public const string Expert = "expert";
    public const string Provider = "provider";
    public const string ServicePoint = "service_point";
}

internal sealed record FeedRow
{
    public Guid Id { get; init; }
    public string TokenHash { get; init; } = "";
    public string Kind { get; init; } = "";
    public Guid? ExpertId { get; init; }
    public string? ProviderId { get; init; }
    public string? ServicePointId { get; init; }
    public string? Name { get; init; }
    public string Language { get; init; } = Hosting.Language.Finnish;
    public DateTimeOffset CreatedAt { get; init; }

    // Shown in Finnish time, as the other lists are.
    private DateTimeOffset Created => Availability.LocalTime.InZone(CreatedAt, Availability.LocalTime.Helsinki);

    public FeedResponse ToResponse() => new(Id, Kind, ExpertId, ProviderId, ServicePointId, Name, Language, Created);

    public CreatedFeedResponse ToCreated(string url, string webcal) =>
        new(Id, Kind, ExpertId, ProviderId, ServicePointId, Name, Language, Created, url, webcal);
}

// One booking as a feed shows it, with the names in every language (the feed picks its own).
internal sealed record FeedBookingRow
{
    public Guid Id { get; init; }
    public string Reference { get; init; } = "";
    public string ProviderId { get; init; } = "";
    public string Channel { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string Status { get; init; } = "";
    public string CustomerName { get; init; } = "";
    public string? CustomerPhone { get; init; }
    public string? MeetingUrl { get; init; }
    public int Sequence { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string ServiceNameFi { get; init; } = "";
    public string ServiceNameSv { get; init; } = "";
    public string ServiceNameEn { get; init; } = "";
    public string ProviderNameFi { get; init; } = "";
    public string ProviderNameSv { get; init; } = "";
    public string ProviderNameEn { get; init; } = "";
    public string? PointNameFi { get; init; }
    public string? PointNameSv { get; init; }
    public string? PointNameEn { get; init; }
    public string? StreetAddress { get; init; }
    public string? PostalCode { get; init; }
    public string? PostOffice { get; init; }
    public string? TimeZone { get; init; }
    public string? VideoRoomName { get; init; }
    public string ExpertName { get; init; } = "";
}
