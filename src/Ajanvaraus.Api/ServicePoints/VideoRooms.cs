using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.ServicePoints;

public sealed record CreateVideoRoomRequest(
    [property: Required, StringLength(200, MinimumLength = 1), PlainText] string Name);

public sealed record UpdateVideoRoomRequest(
    [property: Required, StringLength(200, MinimumLength = 1), PlainText] string Name,
    [property: Description("False retires the room: it keeps its bookings but takes no new ones. True when absent.")] bool? IsActive = null);

public sealed record VideoRoomResponse(Guid Id, string Name, bool IsActive);

internal sealed record VideoRoomRow
{
    public required Guid Id { get; init; }

    public required string ServicePointId { get; init; }

    public required string Name { get; init; }

    public required bool IsActive { get; init; }

    public VideoRoomResponse ToResponse() => new(Id, Name, IsActive);
}
