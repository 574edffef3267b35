using System.CommandLine;
using Certa.Infrastructure.Persistence;

namespace Certa.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("migrate", "Create or upgrade the database schema.");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var applied = await DatabaseMaintenance.MigrateAsync(db, ct);
            Console.WriteLine(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
