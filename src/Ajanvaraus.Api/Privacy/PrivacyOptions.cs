using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Privacy;

internal sealed class PrivacyOptions
{
    public const string Section = "Privacy";
    public const int MaxRetentionDays = 3650;
    public const string RetentionMessage = "Give a whole number of days from 1 to 3650.";

    // How long a booking's customer data is kept after its end, for providers that set no retentionDays of their own.
    [Range(1, MaxRetentionDays)]
    public int RetentionDays { get; set; } = 180;
}
