using System.CommandLine;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Cli.Commands;

/// <summary><c>certa org create|list</c>: organisations, for setting up an installation without the web.</summary>
internal static class OrgCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Option<string>("--id") { Description = "Short lower-case id used in URLs, e.g. cqc or acme-computers.", Required = true };
        var kind = new Option<string>("--kind") { Description = $"One of: {SnakeCaseNames.List<OrganisationKind>()}.", Required = true };
        var name = new Option<string>("--name") { Description = "English name.", Required = true };
        var nameZh = new Option<string?>("--name-zh") { Description = "Chinese name." };
        var registry = new Option<string?>("--registry") { Description = "The registry entry it is: a body's or lab's id (required for those), an authority's id." };
        var country = new Option<string?>("--country") { Description = "ISO 3166 two-letter country code." };
        var create = new Command("create", "Create an organisation (recorded in the audit trail as the command-line user).") { id, kind, name, nameZh, registry, country };
        create.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            if (!SnakeCaseNames.TryParse(parse.GetValue(kind)!, ignoreCase: true, out OrganisationKind parsed))
            {
                throw DomainException.Invalid("unknown-kind", $"'{parse.GetValue(kind)}' is not a kind of organisation; kinds are {SnakeCaseNames.List<OrganisationKind>()}.");
            }

            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().CreateAsync(CommandContext.CommandLine(),
                new NewOrganisation(parse.GetValue(id)!, parsed, new LocalizedText(parse.GetValue(name)!, parse.GetValue(nameZh)),
                    parse.GetValue(registry), parse.GetValue(country)), ct);
            Console.WriteLine($"Created {SnakeCaseNames.Of(organisation.Kind.ToString())} '{organisation.Id}': {organisation.Name}.");
            return ExitCodes.Ok;
        }));

        var list = new Command("list", "List organisations.");
        list.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
            foreach (var o in organisations)
            {
                var people = await db.People.CountAsync(p => p.OrganisationId == o.Id, ct);
                Console.WriteLine($"{o.Id,-22} {SnakeCaseNames.Of(o.Kind.ToString()),-20} {people,3} people  {o.Name}");
            }

            return organisations.Count == 0 ? ExitCodes.NothingFound : ExitCodes.Ok;
        }));
        return new Command("org", "Organisations: certification bodies, labs, applicants, authorities, verifiers.") { create, list };
    }
}
