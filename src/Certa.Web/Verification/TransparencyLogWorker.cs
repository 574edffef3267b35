using Certa.Infrastructure.Transparency;

namespace Certa.Web.Verification;

/// <summary>Appends certificate events to the transparency log: soon after a local change, every 10 s at the latest (the log's merge delay).</summary>
internal sealed class TransparencyLogWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<TransparencyLogWorker> log)
    : ChangeDrivenWorker(scopes, clock, configuration, log)
{
    protected override string IntervalSetting => "Certa:TransparencyLog:IntervalSeconds";

    protected override int DefaultIntervalSeconds => 10;

    protected override string Done => "certificate events appended to the transparency log";

    protected override Task<int> RoundAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<LogSequencer>().CatchUpAsync(ct);
}
