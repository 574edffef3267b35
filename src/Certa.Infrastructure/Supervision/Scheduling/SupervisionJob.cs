using Certa.Infrastructure.Supervision.FollowUps;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Certa.Infrastructure.Supervision.Scheduling;

/// <summary>
/// The daily supervision round as a Quartz job. Not concurrent: in a cluster the job store hands each firing to one
/// instance and holds the next until it ends. The moment decided on is the app's clock (<see cref="TimeProvider"/>), which
/// Quartz schedules on as well and tests move.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SupervisionJob(SupervisionRound round, ILogger<SupervisionJob> log) : IJob
{
    public static readonly JobKey Key = new("supervision", "certa");

    /// <summary>The daily trigger; a firing missed while every instance was down runs once when one is back.</summary>
    public static readonly TriggerKey DailyTrigger = new("supervision-daily", "certa");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var result = await round.RunAsync(cancellationToken);
        log.LogInformation("Supervision round ({Trigger}): {Result}.", context.Trigger.Key, result);
    }
}
