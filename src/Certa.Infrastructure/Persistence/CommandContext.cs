using Certa.Domain.Access;

namespace Certa.Infrastructure.Persistence;

/// <summary>Who runs a command and the id that ties its audit events to the request or run that caused them.</summary>
public sealed record CommandContext(Actor Actor, string CorrelationId)
{
    /// <summary>For the command line: the operating-system user, a fresh correlation id.</summary>
    public static CommandContext CommandLine() =>
        new(Actor.CommandLine(Environment.UserName), System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N"));
}
