using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Advisers;

internal sealed class AdviserOptions
{
    public const string Section = "Advisers";

    // A customer is marked a no-show only this long after the start: a few minutes late is still a visit.
    [Range(0, 240)]
    public int NoShowGraceMinutes { get; set; } = 10;

    // How early before the start a customer can be checked in.
    [Range(0, 480)]
    public int CheckInEarlyMinutes { get; set; } = 60;
}
