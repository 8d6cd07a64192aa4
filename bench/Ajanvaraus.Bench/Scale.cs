namespace Ajanvaraus.Bench;

// How big the generated world is and how long each measured row runs.
internal sealed record Scale(
    string Name,
    int ServicePoints,
    int Experts,
    TimeSpan RowDuration,
    TimeSpan Warmup,
    IReadOnlyList<int> ReadConnections,
    IReadOnlyList<int> BookingConnections,
    int RescheduleConnections,
    int ContentionConnections)
{
    public const int Seed = 20260105;

    // The share of every window's time booked before the service starts.
    public const double BookedShare = 0.30;

    public static readonly Scale Small = new("small", 20, 200, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.5), [1, 16, 64], [16], 16, 64);

    public static readonly Scale National = new("national", 300, 5_000, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), [1, 16, 64], [1, 16, 64], 16, 64);

    // Free slots to find before the booking rows: enough for every row at a generous rate.
    public int BookingPoolSize => (int)(RowDuration.TotalSeconds * 3_000) * BookingConnections.Count;

    public int ReschedulePoolSize => (int)(RowDuration.TotalSeconds * 2_000);

    // E-mails the notifications row sends (of the booking rows' backlog): 2,000 small, 10,000 national.
    public int DrainMessages => (int)(RowDuration.TotalSeconds * 1_000);

    public static Scale? Parse(string? name) => name switch
    {
        "small" => Small,
        "national" or null => National,
        _ => null,
    };
}
