using Certa.Infrastructure.StatusLists;

namespace Certa.Web.Verification;

/// <summary>Keeps the status lists within a minute of the certificates (every 30 s at the latest; soon after a local change).</summary>
internal sealed class StatusListWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<StatusListWorker> log)
    : ChangeDrivenWorker(scopes, clock, configuration, log)
{
    protected override string IntervalSetting => "Certa:StatusLists:IntervalSeconds";

    protected override int DefaultIntervalSeconds => 30;

    protected override string Done => "status lists changed and re-signed";

    protected override Task<int> RoundAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<StatusListPublisher>().PublishAllAsync(ct);
}
