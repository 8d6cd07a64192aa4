using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Bookings;

/// <summary>A Bookings row, column for column (property-mapped: SQLite returns integers as Int64).</summary>
internal sealed record BookingRow
{
    public Guid Id { get; init; }
    public string Reference { get; init; } = "";
    public string ProviderId { get; init; } = "";
    public Guid ServiceId { get; init; }
    public Guid ExpertId { get; init; }
    public string? ServicePointId { get; init; }
    public Guid? VideoRoomId { get; init; }
    public string Channel { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string Status { get; init; } = "confirmed";
    public string CustomerName { get; init; } = "";
    public string? CustomerEmail { get; init; }
    public string? CustomerPhone { get; init; }
    public string CustomerLanguage { get; init; } = "fi";
    public string? Notes { get; init; }
    public string? MeetingUrl { get; init; }
    public string ManageTokenHash { get; init; } = "";
    public int Sequence { get; init; }
    public string MadeByKind { get; init; } = "";
    public string? MadeById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public Channel ChannelValue => ChannelFlags.Parse(Channel);

    public BookingStatus StatusValue => Status switch
    {
        "cancelled" => BookingStatus.Cancelled,
        "completed" => BookingStatus.Completed,
        "no_show" => BookingStatus.NoShow,
        _ => BookingStatus.Confirmed,
    };

    public static string StatusName(BookingStatus status) => status switch
    {
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.Completed => "completed",
        BookingStatus.NoShow => "no_show",
        _ => "confirmed",
    };
}

/// <summary>A Holds row.</summary>
internal sealed record HoldRow(
    Guid Id, string TokenHash, Guid ServiceId, Guid ExpertId, string? ServicePointId, Guid? VideoRoomId, string Channel,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset ExpiresAt, string? ClientId, DateTimeOffset CreatedAt);

/// <summary>The time and resources a booking or hold takes: the expert, and for remote_at_point one of the point's rooms.</summary>
internal sealed record Reservation(Guid ExpertId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> CandidateRooms);

/// <summary>Who acted: the citizen (anonymous, with the manage token), a portal client, an adviser or an agency.</summary>
internal sealed record Actor(string Kind, string? Id)
{
    public static readonly Actor Citizen = new("citizen", null);
}

/// <summary>Which of a provider's bookings to list: start in [From, To), optionally one point, expert or status.</summary>
internal sealed record ProviderBookingFilter(string ProviderId, DateTimeOffset From, DateTimeOffset To, string? ServicePointId, Guid? ExpertId, string? Status);
