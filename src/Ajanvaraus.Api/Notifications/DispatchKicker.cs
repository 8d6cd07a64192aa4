using System.Threading.Channels;
using Ajanvaraus.Api.Data;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Notifications;

// After a write that left messages, one dispatch run soon on this instance: however many writes ask meanwhile, at most
// one run is pending (a run takes everything due, so later kicks fold into it). Nothing is decided here: the messages
// are in the outbox, and the recurring dispatch sends them if this instance stops first.
internal sealed class DispatchKicker(NotificationJobs jobs, IOptions<NotificationOptions> options, ILogger<DispatchKicker> logger)
    : BackgroundService, ICommitFollower
{
    private readonly Channel<bool> kicks = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long runs;

    // How many dispatch runs the kicks have started (the coalescing's measure).
    public long Runs => Interlocked.Read(ref runs);

    public Task FollowAsync(CommittedWrite write, CancellationToken ct)
    {
        var settings = options.Value;
        if (write.BookingsWithMessages.Count > 0 && settings.Enabled && (settings.EmailEnabled || settings.SmsEnabled))
        {
            kicks.Writer.TryWrite(true);
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in kicks.Reader.ReadAllAsync(stoppingToken))
        {
            Interlocked.Increment(ref runs);
            try
            {
                await jobs.DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "A kicked dispatch failed; the recurring dispatch will send what is due.");
            }
        }
    }
}
