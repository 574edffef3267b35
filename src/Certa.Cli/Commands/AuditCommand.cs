using System.CommandLine;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Cli.Commands;

internal static class AuditCommand
{
    public static Command Create(GlobalOptions global)
    {
        var verify = new Command("verify", "Walk the audit trail's hash chain; exit 5 and name the first broken event if it was altered.");
        verify.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var result = await AuditLog.VerifyAsync(scope.ServiceProvider.GetRequiredService<CertaDbContext>(), ct);
            if (result.Intact)
            {
                Console.WriteLine($"Audit trail intact: {result.Events} event(s); last hash {result.LastHash ?? "(none)"}.");
                return ExitCodes.Ok;
            }

            await Console.Error.WriteLineAsync($"certa: audit trail BROKEN at event {result.BrokenAt}: {result.Problem}.");
            await Console.Error.WriteLineAsync($"The {result.Events} event(s) before it are intact (last good hash {result.LastHash ?? "(none)"}).");
            return ExitCodes.AuditBroken;
        }));

        var limit = new Option<int>("--limit") { Description = "How many of the latest events to show.", DefaultValueFactory = _ => 20 };
        var list = new Command("list", "Show the latest audit events.") { limit };
        list.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var events = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Take(Math.Max(1, parse.GetValue(limit))).ToListAsync(ct);
            foreach (var e in events.OrderBy(e => e.Sequence))
            {
                Console.WriteLine($"#{e.Sequence} {e.OccurredAt:yyyy-MM-dd HH:mm:ss}Z {e.Actor} {e.Action} {e.EntityType}/{e.EntityId} {e.Details} {e.Hash[..16]}…");
            }

            return ExitCodes.Ok;
        }));
        return new Command("audit", "The append-only, hash-chained audit trail.") { verify, list };
    }
}
