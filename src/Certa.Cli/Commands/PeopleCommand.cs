using System.CommandLine;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Cli.Commands;

/// <summary><c>certa people add|invite|list</c>: the first admin of an installation, or anyone, from the command line.</summary>
internal static class PeopleCommand
{
    public static Command Create(GlobalOptions global)
    {
        var org = new Option<string>("--org") { Description = "The organisation's id.", Required = true };
        var email = new Option<string>("--email") { Description = "The person's e-mail address (their sign-in name).", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role (repeat for several): {SnakeCaseNames.List<Role>()}.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };

        var name = new Option<string>("--name") { Description = "The person's name.", Required = true };
        var add = new Command("add", "Add a person with a generated password, printed once (e.g. the first platform admin).") { org, email, name, roles };
        add.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var parsed = Roles.Parse(parse.GetValue(roles) ?? []);
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var password = DemoWorld.NewPassword();
            var person = await scope.ServiceProvider.GetRequiredService<PeopleCommands>().AddAsync(CommandContext.CommandLine(),
                parse.GetValue(org)!, parse.GetValue(name)!, parse.GetValue(email)!, parsed, password, ct);
            Console.WriteLine($"Added {person.Email} to '{person.OrganisationId}' as {string.Join(", ", person.Roles.Select(r => r.Name()))}.");
            Console.WriteLine($"Password (shown once; change it at /account/security): {password}");
            return ExitCodes.Ok;
        }));

        var baseUrl = new Option<string>("--base-url") { Description = "Where Certa is reached, for the link.", DefaultValueFactory = _ => Web.Hosting.CertaWebApp.DefaultUrl };
        var invite = new Command("invite", "Invite a person; prints the invitation link once (valid 7 days).") { org, email, roles, baseUrl };
        invite.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var parsed = Roles.Parse(parse.GetValue(roles) ?? []);
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var (invitation, token) = await scope.ServiceProvider.GetRequiredService<PeopleCommands>().InviteAsync(CommandContext.CommandLine(),
                parse.GetValue(org)!, parse.GetValue(email)!, parsed, ct);
            Console.WriteLine($"Invited {invitation.Email} to '{invitation.OrganisationId}'; the link expires {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC:");
            Console.WriteLine($"{parse.GetValue(baseUrl)!.TrimEnd('/')}/account/invitation?token={Uri.EscapeDataString(token)}");
            return ExitCodes.Ok;
        }));

        var listOrg = new Option<string?>("--org") { Description = "Only this organisation." };
        var list = new Command("list", "List people with their organisation, roles and status.") { listOrg };
        list.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var only = parse.GetValue(listOrg);
            var people = await db.People.AsNoTracking().Where(p => only == null || p.OrganisationId == only)
                .OrderBy(p => p.OrganisationId).ThenBy(p => p.Email).ToListAsync(ct);
            foreach (var p in people)
            {
                Console.WriteLine($"{p.Email,-40} {p.OrganisationId,-20} {SnakeCaseNames.Of(p.Status.ToString()),-12} {string.Join(", ", p.Roles.Select(r => r.Name()))}");
            }

            return people.Count == 0 ? ExitCodes.NothingFound : ExitCodes.Ok;
        }));
        return new Command("people", "People and their roles in organisations.") { add, invite, list };
    }
}
