using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Bookings;

internal sealed class BookingOptions
{
    public const string Section = "Bookings";

    // How long a hold keeps its time while the citizen fills in the form.
    [Range(1, 60)]
    public int HoldMinutes { get; set; } = 10;

    // The video meeting link of a `video` booking; {id} and {reference} are filled in.
    [Required]
    public string MeetingUrlTemplate { get; set; } = "https://video.ajanvaraus.example/meet/{reference}";

    public string MeetingUrl(Guid id, string reference) =>
        MeetingUrlTemplate.Replace("{id}", id.ToString("D"), StringComparison.Ordinal).Replace("{reference}", reference,
            StringComparison.Ordinal);
}
