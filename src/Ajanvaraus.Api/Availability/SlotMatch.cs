using Ajanvaraus.Api.Services;

namespace Ajanvaraus.Api.Availability;

// Why an asked time cannot be booked, so that a portal can tell the citizen what to change.
internal enum NotBookable
{
    ChannelNotOffered,
    PointMissing,
    PointNotWanted,
    PointNotServed,
    InThePast,
    WithinNotice,
    BeyondHorizon,
    NotOnStep,
    OutsideWindows,
}

// A time that can be booked: the service, the slot, the rooms to try (remote_at_point) and the zone it is shown in.
internal sealed record BookableSlot(ServiceRow Service, Slot Slot, IReadOnlyList<Guid> Rooms, string Zone);

internal sealed record SlotMatch(BookableSlot? Found, NotBookable? Reason)
{
    public static SlotMatch No(NotBookable reason) => new(null, reason);

    // The field to blame and a sentence for the citizen.
    public (string Field, string Message) Problem(ServiceRow service) => Reason switch
    {
        NotBookable.ChannelNotOffered => (Field: "channel", Message: "This service is not offered on this channel."),
        NotBookable.PointMissing => (Field: "servicePointId", Message: "Give the service point for in_person and remote_at_point."),
        NotBookable.PointNotWanted => (Field: "servicePointId", Message: "Leave the service point out for video and phone."),
        NotBookable.PointNotServed => (Field: "servicePointId", Message: "The service's agency does not serve at this point."),
        NotBookable.InThePast => (Field: "start", Message: "This time is in the past."),
        NotBookable.WithinNotice => (Field: "start",
            Message: $"This service must be booked at least {service.MinimumNoticeMinutes} minutes ahead."),
        NotBookable.BeyondHorizon => (Field: "start",
            Message: $"This service can be booked at most {service.BookingHorizonDays} days ahead."),
        NotBookable.NotOnStep => (Field: "start",
            Message: $"Times of this service start every {SlotCalculator.StepMinutes(service.DurationMinutes)} minutes."),
        _ => (Field: "start", Message: "The expert does not publish this time for this service, channel and place."),
    };
}
