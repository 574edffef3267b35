using System.CommandLine;
using Certa.Cli;
using Certa.Cli.Commands;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var global = new GlobalOptions();
var root = new RootCommand("Certa — conformity assessment: registry, certification workflow, e-certificates, verification.");
global.AddTo(root);
root.Subcommands.Add(ServeCommand.Create(global));
root.Subcommands.Add(MigrateCommand.Create(global));
root.Subcommands.Add(ImportCommand.Create(global));
root.Subcommands.Add(RegistryCommand.Create(global));
root.Subcommands.Add(RequirementsCommand.Create(global));
root.Subcommands.Add(AuditCommand.Create(global));
root.Subcommands.Add(LogCommand.Create(global));
root.Subcommands.Add(OrgCommand.Create(global));
root.Subcommands.Add(PeopleCommand.Create(global));
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(DrawCommand.Create());
root.Subcommands.Add(DevCommand.Create(global));
root.Subcommands.Add(BackupCommand.Create(global));
root.Subcommands.Add(RestoreCommand.Create(global));
root.Subcommands.Add(CheckCommand.Create(global));
root.Subcommands.Add(ProxyCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"certa: {error.Message}");
    }

    await Console.Error.WriteLineAsync("Run 'certa --help' for usage.");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync();
