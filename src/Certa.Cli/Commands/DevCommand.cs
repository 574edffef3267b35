using System.CommandLine;
using Certa.Infrastructure.DevData;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Cli.Commands;

/// <summary><c>certa dev generate</c>: a synthetic registry for development and benchmarks.</summary>
internal static class DevCommand
{
    public static Command Create(GlobalOptions global)
    {
        var certificates = new Option<int>("--certificates") { Description = "How many certificates to generate (renewals count).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the random registry: the same seed gives the same registry.", DefaultValueFactory = _ => 1 };
        var bodies = new Option<int?>("--bodies") { Description = "How many of the registry's CCC bodies issue them (default: every designated one; CQC first)." };
        var append = new Option<bool>("--append") { Description = "Add to a database that already holds certificates (refused otherwise)." };
        var batch = new Option<int?>("--batch") { Description = "Certificates per transaction (default 20 000 on PostgreSQL, 10 000 on SQLite)." };
        var generate = new Command("generate",
            "Migrate, import the reference data, then fill the database with a synthetic registry: holders, certificates with their lives, "
            + "signed credentials, audit events on the hash chain and the transparency log.") { certificates, seed, bodies, append, batch };
        generate.Validators.Add(result =>
        {
            if (result.GetValue(certificates) is < 1 or > GenerateOptions.MaxCertificates)
            {
                result.AddError($"--certificates must be from 1 to {GenerateOptions.MaxCertificates:N0}.");
            }

            if (result.GetValue(bodies) is < 1 || result.GetValue(batch) is < 100 or > 1_000_000)
            {
                result.AddError("--bodies must be at least 1 and --batch from 100 to 1 000 000.");
            }
        });
        generate.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            var directory = ReferenceDataLocator.Locate(CliServices.ReferenceDataDirectory(services));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            await DatabaseMaintenance.MigrateAsync(db, ct);
            var options = new GenerateOptions(parse.GetValue(certificates), parse.GetValue(seed), parse.GetValue(bodies), parse.GetValue(append), parse.GetValue(batch));
            var generator = scope.ServiceProvider.GetRequiredService<DevRegistryGenerator>();
            await generator.RefuseNonEmptyAsync(options, ct);
            var import = await new RegistryImporter(db, scope.ServiceProvider.GetRequiredService<TimeProvider>())
                .ImportAsync(ReferenceDataReader.Read(directory), dryRun: false, ct, Infrastructure.Audit.AuditLog.CommandLineActor);
            Console.WriteLine($"Reference data: {(import.HasChanges ? $"+{import.Added} ~{import.Changed} -{import.Removed}" : "up to date")}.");
            var report = await generator.GenerateAsync(options, directory, line => Console.Error.Write($"\r{line}   "), ct);
            Console.Error.WriteLine();
            Console.WriteLine($"Generated {report.Certificates:N0} certificates ({report.Credentials:N0} signed credentials) of {report.Holders:N0} holders by {report.Bodies} bodies, "
                + $"{report.AuditEvents:N0} audit events and {report.LogEntries:N0} log entries in {report.Elapsed.TotalSeconds:F1} s "
                + $"({report.CertificatesPerSecond:N0} certificates/s, {report.Rows / Math.Max(report.Elapsed.TotalSeconds, 0.001):N0} rows/s).");
            return ExitCodes.Ok;
        }));
        return new Command("dev", "Tools for development and benchmarks.") { generate };
    }
}
