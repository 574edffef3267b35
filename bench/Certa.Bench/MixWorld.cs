using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Identity;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certa.Bench;

/// <summary>
/// What the requests are made of: certificate numbers from the database, and two people added for the run (a body admin
/// of CQC for the portal reads, an applicant user of the demo laptop maker for the drafts). People, not API keys: keys
/// only read, and what a portal does is a person's session — which, behind the proxy, also proves the instances share it.
/// </summary>
internal sealed record MixWorld(IReadOnlyList<string> Numbers, MixPerson BodyPerson, MixPerson Applicant, IReadOnlyList<Guid> Applications)
{
    public const string Body = "cqc";
    public const string ApplicantOrganisation = "demo-laptop-maker";

    public static async Task<MixWorld> PrepareAsync(MixOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddCertaDatabase(new DatabaseOptions { Provider = options.Provider, ConnectionString = options.ConnectionString });
        services.AddCertaIdentity();
        await using var provider = services.BuildServiceProvider();
        var ct = CancellationToken.None;
        IReadOnlyList<string> numbers;
        IReadOnlyList<Guid> applications;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            numbers = await db.Certificates.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Number).Take(20_000).ToListAsync(ct);
            if (numbers.Count == 0)
            {
                throw new InvalidOperationException("The database holds no certificates: seed it first (certa serve --demo, or certa dev generate).");
            }

            // Not drafts: a draft is its applicant's alone until submitted (the body is answered 404), and every run adds some.
            applications = await db.Applications.AsNoTracking().Where(a => a.BodyId == Body && a.State != ApplicationState.Draft)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(200).ToListAsync(ct);
        }

        return new MixWorld(numbers, await AddAsync(provider, Body, Role.BodyAdmin, ct), await AddAsync(provider, ApplicantOrganisation, Role.ApplicantUser, ct),
            applications);
    }

    // A scope (a DbContext) per command, as a web request has.
    private static async Task<MixPerson> AddAsync(IServiceProvider services, string organisation, Role role, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var email = $"mix-{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@{organisation}.example";
        var password = DemoWorld.NewPassword();
        await scope.ServiceProvider.GetRequiredService<PeopleCommands>().AddAsync(CommandContext.CommandLine(), organisation, $"Mix load {role}", email,
            [role], password, ct);
        return new MixPerson(email, password);
    }
}

/// <summary>A person added for the run, with the password to sign in with.</summary>
internal sealed record MixPerson(string Email, string Password);
