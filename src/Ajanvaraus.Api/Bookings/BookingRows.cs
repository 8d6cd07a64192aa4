using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Bookings;

/// <summary>A Bookings row, column for column.</summary>
internal sealed record BookingRow(
    Guid Id, string Reference, string ProviderId, Guid ServiceId, Guid ExpertId, string? ServicePointId, Guid? VideoRoomId,
    string Channel, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status,
    string CustomerName, string? CustomerEmail, string? CustomerPhone, string CustomerLanguage, string? Notes, string? MeetingUrl,
    string ManageTokenHash, int Sequence, string MadeByKind, string? MadeById, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
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
