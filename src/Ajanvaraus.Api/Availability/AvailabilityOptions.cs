using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Availability;

internal sealed class AvailabilityOptions
{
    public const string Section = "Availability";

    // How many days ahead of today windows are kept materialised.
    [Range(1, 731)]
    public int HorizonDays { get; set; } = 90;

    // How often each instance reads the change log for other instances' writes (its own it applies at once).
    [Range(10, 60_000)]
    public int IndexPollMilliseconds { get; set; } = 250;

    // SQL Server: how long MIN_ACTIVE_ROWVERSION() may stand still behind @@DBTS before a warning and a degraded health.
    [Range(5, 86_400)]
    public int ChangeLogLagAlertSeconds { get; set; } = 60;
}

// The days whose windows are materialised: from the local (Helsinki) day before today to today + HorizonDays. Windows
// starting before Start are history and are left alone.
internal readonly record struct Horizon(DateOnly FirstDay, DateOnly LastDay)
{
    public DateTimeOffset Start => LocalTime.ToUtc(FirstDay, TimeOnly.MinValue, LocalTime.Helsinki);

    public DateTimeOffset End => LocalTime.ToUtc(LastDay.AddDays(1), TimeOnly.MinValue, LocalTime.Helsinki);

    public static Horizon At(DateTimeOffset now, int horizonDays)
    {
        var today = LocalTime.DateIn(now, LocalTime.Helsinki);
        return new Horizon(today.AddDays(-1), today.AddDays(horizonDays));
    }
}
