using System.ComponentModel;
using System.Text.Json;
using Ajanvaraus.Api.Availability;

namespace Ajanvaraus.Api.Bookings;

[Description("Who acted. Staff identities (id, point, provider) are shown to staff only.")]
public sealed record HistoryActorResponse(
    [property: Description("citizen, portal, adviser, agency_admin, operator or system.")] string Kind,
    string? Id, string? ServicePointId, string? ProviderId);

public sealed record BookingSnapshotResponse(
    BookingStatus Status, Guid ExpertId, DateTimeOffset Start, DateTimeOffset End, Channel Channel, string? ServicePointId);

public sealed record BookingHistoryEntryResponse(
    DateTimeOffset At,
    [property: Description("created, rescheduled, cancelled, checked_in, no_show or completed.")] string Action,
    HistoryActorResponse Actor,
    [property: Description("True when staff acted for the customer.")] bool OnBehalfOfCustomer,
    string? Reason,
    BookingSnapshotResponse? Before,
    BookingSnapshotResponse? After);

internal static class BookingHistoryResponses
{
    public static BookingHistoryEntryResponse From(HistoryRow row, string zone, bool showStaff)
    {
        var change = row.Change is null ? null : JsonSerializer.Deserialize<StoredChange>(row.Change, JsonSerializerOptions.Web);
        var actor = new HistoryActorResponse(
            row.ActorKind,
            showStaff || row.ActorKind == "portal" ? row.ActorId : null,
            showStaff && row.ActorKind == Actor.Adviser ? row.ActorScope : null,
            showStaff && row.ActorKind == Actor.AgencyAdmin ? row.ActorScope : null);
        return new BookingHistoryEntryResponse(
            LocalTime.InZone(row.OccurredAt, zone), row.Action, actor, row.OnBehalfOf is not null, row.Reason,
            Snapshot(change?.From, zone), Snapshot(change?.To, zone));
    }

    private static BookingSnapshotResponse? Snapshot(StoredSnapshot? s, string zone) => s?.Status is null ? null : new(
        new BookingRow { Status = s.Status }.StatusValue, s.ExpertId, LocalTime.InZone(s.Start, zone), LocalTime.InZone(s.End, zone),
        ChannelFlags.Parse(s.Channel ?? "in_person"), s.ServicePointId);

    // BookingStore.Snapshot as stored in BookingHistory.Change.
    private sealed record StoredChange(StoredSnapshot? From, StoredSnapshot? To);

    private sealed record StoredSnapshot(string? Status, Guid ExpertId, DateTimeOffset Start, DateTimeOffset End, string? Channel,
        string? ServicePointId);
}
