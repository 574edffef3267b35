using Certa.Infrastructure.Certificates;

namespace Certa.Web.Certificates;

/// <summary>
/// Expires certificates past their last valid day, at start-up and every hour after. Each expiry is a
/// domain event and an audit entry by "system". Two instances may both run it: the certificate's
/// concurrency token lets one of them win and the other's round fail harmlessly and retry.
/// </summary>
internal sealed class CertificateExpiryWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CertificateExpiryWorker> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                int expired;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    expired = await scope.ServiceProvider.GetRequiredService<CertificateCommands>().ExpireDueAsync(clock.GetUtcNow(), stoppingToken);
                    if (expired > 0)
                    {
                        log.LogInformation("Expired {Count} certificates past their validity.", expired);
                    }
                }
                while (expired > 0);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The certificate expiry round failed; the next round tries again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
