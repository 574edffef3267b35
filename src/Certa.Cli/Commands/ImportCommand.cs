using System.CommandLine;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var source = new Option<string?>("--source") { Description = "Reference data directory (default: the repository's data/)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the files and report what would change; write nothing." };
        var command = new Command("import", "Load the reference data (data/*.yaml) in one transaction; idempotent.") { source, dryRun };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            var directory = ReferenceDataLocator.Locate(parse.GetValue(source) ?? CliServices.ReferenceDataDirectory(services));
            var snapshot = ReferenceDataReader.Read(directory);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            if (!parse.GetValue(dryRun))
            {
                await DatabaseMaintenance.MigrateAsync(db, ct);
            }

            var importer = new RegistryImporter(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var report = await importer.ImportAsync(snapshot, parse.GetValue(dryRun), ct, Infrastructure.Audit.AuditLog.CommandLineActor);
            Print(directory, report);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(string directory, ImportReport report)
    {
        Console.WriteLine($"{(report.DryRun ? "Dry run of import" : "Imported")} {directory}");
        Console.WriteLine($"  {"kind",-14}{"added",8}{"changed",9}{"removed",9}{"total",8}");
        foreach (var k in report.Kinds)
        {
            Console.WriteLine($"  {k.Kind,-14}{k.Added,8}{k.Changed,9}{k.Removed,9}{k.Count,8}");
        }

        Console.WriteLine(report.HasChanges
            ? report.DryRun ? "Nothing was written (--dry-run)." : $"Done: +{report.Added} ~{report.Changed} -{report.Removed}."
            : "No changes: the database already holds this data.");
    }
}
