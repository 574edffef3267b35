using Certa.Infrastructure.Persistence;

namespace Certa.Web.Verification;

/// <summary>
/// A background round that follows certificate changes: it runs a couple of seconds after a certificate changes (here, or on
/// another instance: ADR 020), and at least every <c>{setting}</c> seconds regardless.
/// </summary>
internal abstract class ChangeDrivenWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    protected abstract string IntervalSetting { get; }

    protected abstract int DefaultIntervalSeconds { get; }

    /// <summary>One round; returns how much it did, for the log.</summary>
    protected abstract Task<int> RoundAsync(IServiceProvider services, CancellationToken ct);

    protected abstract string Done { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Certa:Verification:BackgroundRounds", true))
        {
            // Tests run the rounds themselves, when they mean to.
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(IntervalSetting, DefaultIntervalSeconds), 1, 60));
        CertificateChanges changes;
        using (var scope = scopes.CreateScope())
        {
            changes = scope.ServiceProvider.GetRequiredService<CertificateChanges>();
        }

        long? seen = null;
        var last = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            var generation = changes.Generation;
            if (generation == seen && clock.GetUtcNow() - last < interval)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var done = await RoundAsync(scope.ServiceProvider, stoppingToken);
                if (done > 0)
                {
                    log.LogInformation("{Worker}: {Count} {Done}.", GetType().Name, done, Done);
                }

                seen = generation;
                last = clock.GetUtcNow();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Worker}: the round failed; the next one tries again.", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
