using Certa.Infrastructure.Idempotency;
using Certa.Infrastructure.Notifications;

namespace Certa.Web.Notifications;

/// <summary>
/// Runs the mail outbox every <see cref="MailOptions.PollSeconds"/> seconds, and clears expired
/// idempotency keys. Safe on several instances at once: the outbox claims each e-mail before sending.
/// </summary>
internal sealed class MailOutboxWorker(MailOutbox outbox, IdempotencyStore keys, MailOptions options, NotificationRules rules,
    ILogger<MailOutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read (and so checked) at start-up: a broken notifications.yaml stops Certa here, not at the first command.
        log.LogInformation("Notification rules: {Count} actions notify someone.", rules.All.Count);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds)));
        do
        {
            try
            {
                await outbox.SendDueAsync(stoppingToken);
                await keys.PurgeExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; a failure must not stop the outbox for good.
                log.LogError(e, "The mail outbox round failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
