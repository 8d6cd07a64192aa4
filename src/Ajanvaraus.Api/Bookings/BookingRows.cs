using System.Security.Claims;
using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;
using Ajanvaraus.Api.Identity;

namespace Ajanvaraus.Api.Bookings;

// A Bookings row, column for column (property-mapped: SQLite returns integers as Int64).
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
    public DateTimeOffset? CheckedInAt { get; init; }

    public Channel ChannelValue => ChannelFlags.Parse(Channel);

    // The retention purge clears the manage token's hash (RetentionPurge, migration 0012); every other booking has one.
    public bool Anonymized => ManageTokenHash.Length == 0;

    // A new booking of a checked slot; the room is chosen when its units are taken.
    public static BookingRow New(
        Guid id, BookableSlot bookable, CustomerRequest customer, string? phone, string? notes, Actor madeBy, string tokenHash,
            BookingOptions options,
        DateTimeOffset now)
    {
        var (service, slot, _, _) = bookable;
        var reference = BookingReference.Create();
        return new BookingRow
        {
            Id = id,
            Reference = reference,
            ProviderId = service.ProviderId,
            ServiceId = service.Id,
            ExpertId = slot.ExpertId,
            ServicePointId = slot.ServicePointId,
            Channel = ChannelFlags.Name(slot.Channel),
            StartsAt = slot.Start,
            EndsAt = slot.End,
            CustomerName = customer.Name.Trim(),
            CustomerEmail = customer.Email?.Trim(),
            CustomerPhone = phone,
            CustomerLanguage = customer.Language,
            Notes = notes,
            MeetingUrl = slot.Channel == Availability.Channel.Video ? options.MeetingUrl(id, reference) : null,
            ManageTokenHash = tokenHash,
            MadeByKind = madeBy.Kind,
            MadeById = madeBy.MadeById,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public BookingStatus StatusValue => Status switch
    {
        "checked_in" => BookingStatus.CheckedIn,
        "cancelled" => BookingStatus.Cancelled,
        "completed" => BookingStatus.Completed,
        "no_show" => BookingStatus.NoShow,
        _ => BookingStatus.Confirmed,
    };

    public static string StatusName(BookingStatus status) => status switch
    {
        BookingStatus.CheckedIn => "checked_in",
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.Completed => "completed",
        BookingStatus.NoShow => "no_show",
        _ => "confirmed",
    };
}

internal sealed record HoldRow(
    Guid Id, string TokenHash, Guid ServiceId, Guid ExpertId, string? ServicePointId, Guid? VideoRoomId, string Channel,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset ExpiresAt, string? ClientId, DateTimeOffset CreatedAt);

// The time and resources a booking or hold takes: the expert, and for remote_at_point one of the point's rooms.
internal sealed record Reservation(Guid ExpertId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> CandidateRooms);

// Who acted: the citizen (anonymous, with the manage token), a portal client, or staff by their token's subject — an
// adviser (Scope: their point), an agency admin (Scope: their provider) or an operator.
internal sealed record Actor(string Kind, string? Id, string? Scope = null)
{
    public const string Adviser = "adviser";
    public const string AgencyAdmin = "agency_admin";
    public const string Operator = "operator";

    public static readonly Actor Citizen = new("citizen", null);

    public bool IsStaff => Kind is Adviser or AgencyAdmin or Operator;

    // How Bookings.MadeById names the maker: the adviser's point or the admin's provider, then the subject.
    public string? MadeById => Scope is null ? Id : $"{Scope}/{Id}";

    public static Actor Of(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue("sub");
        return user switch
        {
            _ when user.PortalClient() is { } client => new Actor("portal", client),
            _ when user.IsInRole(Roles.Adviser) => new Actor(Adviser, subject, user.FindFirstValue(ClaimNames.ServicePoint)),
            _ when user.IsInRole(Roles.AgencyAdmin) => new Actor(AgencyAdmin, subject, user.FindFirstValue(ClaimNames.Provider)),
            _ when user.IsInRole(Roles.Operator) => new Actor(Operator, subject),
            _ => Citizen,
        };
    }
}

// A booking with the names a response shows, in the three languages (one joined read).
internal sealed record BookingView(BookingRow Booking, BookingNames Names);

internal sealed record BookingNames
{
    public string ServiceNameFi { get; init; } = "";
    public string ServiceNameSv { get; init; } = "";
    public string ServiceNameEn { get; init; } = "";
    public string ProviderNameFi { get; init; } = "";
    public string ProviderNameSv { get; init; } = "";
    public string ProviderNameEn { get; init; } = "";
    public string ExpertName { get; init; } = "";
    public string? PointNameFi { get; init; }
    public string? PointNameSv { get; init; }
    public string? PointNameEn { get; init; }
    public string? StreetAddress { get; init; }
    public string? PostalCode { get; init; }
    public string? PostOffice { get; init; }
    public string? TimeZone { get; init; }
    public string? InstructionsFi { get; init; }
    public string? InstructionsSv { get; init; }
    public string? InstructionsEn { get; init; }

    // The service's text for citizens (what to bring, how to prepare); never the advisers' card.
    public string? InstructionsIn(string language) => new LocalizedLongText(InstructionsFi, InstructionsSv, InstructionsEn).In(language);

    public string Zone => TimeZone ?? LocalTime.Helsinki;

    public LocalizedText ServiceNames => new(ServiceNameFi, ServiceNameSv, ServiceNameEn);

    public LocalizedText ProviderNames => new(ProviderNameFi, ProviderNameSv, ProviderNameEn);

    public LocalizedText? PointNames => PointNameFi is null ? null : new(PointNameFi, PointNameSv ?? PointNameFi,
        PointNameEn ?? PointNameFi);
}

// Which of a provider's bookings to list: start in [From, To), optionally one point, expert or status.
internal sealed record ProviderBookingFilter(string ProviderId, DateTimeOffset From, DateTimeOffset To, string? ServicePointId,
    Guid? ExpertId, string? Status);
