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
        NotBookable.ChannelNotOffered => ("channel", "This service is not offered on this channel."),
        NotBookable.PointMissing => ("servicePointId", "Give the service point for in_person and remote_at_point."),
        NotBookable.PointNotWanted => ("servicePointId", "Leave the service point out for video and phone."),
        NotBookable.PointNotServed => ("servicePointId", "The service's agency does not serve at this point."),
        NotBookable.InThePast => ("start", "This time is in the past."),
        NotBookable.WithinNotice => ("start", $"This service must be booked at least {service.MinimumNoticeMinutes} minutes ahead."),
        NotBookable.BeyondHorizon => ("start", $"This service can be booked at most {service.BookingHorizonDays} days ahead."),
        NotBookable.NotOnStep => ("start", $"Times of this service start every {SlotCalculator.StepMinutes(service.DurationMinutes)} minutes."),
        _ => ("start", "The expert does not publish this time for this service, channel and place."),
    };
}
