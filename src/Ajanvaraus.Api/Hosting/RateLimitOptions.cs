using System.ComponentModel.DataAnnotations;

namespace Ajanvaraus.Api.Hosting;

// Budgets per minute and per caller. Counted in each instance's memory: N instances behind a balancer admit N times
// these (README, "Limits").
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    // Off only for measuring the service without limits (the benchmark's rows without them).
    public bool Enabled { get; set; } = true;

    public AnonymousLimits Anonymous { get; set; } = new();

    public PortalLimits Portal { get; set; } = new();

    public StaffLimits Staff { get; set; } = new();

    public WrongTokenLimits WrongTokens { get; set; } = new();

    public sealed class AnonymousLimits
    {
        [Range(1, int.MaxValue)]
        public int SearchPerMinute { get; set; } = 120;

        // Holds, bookings and changes to them.
        [Range(1, int.MaxValue)]
        public int WritesPerMinute { get; set; } = 20;

        [Range(1, int.MaxValue)]
        public int LiveHolds { get; set; } = 3;

        // The share of one service's appointments at one point on one day that live anonymous holds may take together
        // (Bookings/HoldShare.cs): however many addresses hold, most of a day stays bookable.
        [Range(0.01, 1.0)]
        public double HoldShareOfDay { get; set; } = 0.25;
    }

    public sealed class PortalLimits
    {
        [Range(1, int.MaxValue)]
        public int PerMinute { get; set; } = 1200;

        [Range(1, int.MaxValue)]
        public int LiveHolds { get; set; } = 200;
    }

    public sealed class StaffLimits
    {
        // Generous: an adviser's screen polls, an admin's script imports; the budget only stops a runaway loop.
        [Range(1, int.MaxValue)]
        public int PerMinute { get; set; } = 6000;
    }

    public sealed class WrongTokenLimits
    {
        [Range(1, 1000)]
        public int Allowed { get; set; } = 5;

        [Range(1, 1440)]
        public int WindowMinutes { get; set; } = 15;

        [Range(1, 1440)]
        public int LockMinutes { get; set; } = 15;
    }
}
