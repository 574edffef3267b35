using Certa.Domain.Access;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Demo;

/// <summary>The demo world of <c>data/demo/world.yaml</c>: one organisation per kind, one person per role, passwords once.</summary>
public abstract class DemoWorldTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CertaTestApp app = null!;

    public async Task InitializeAsync() => app = await CertaTestApp.StartAsync(provider, demo: true);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Seed_CoversEveryRoleAndEveryKind_WithLinkedRegistryEntries()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync();
        var people = await db.People.AsNoTracking().ToListAsync();

        Roles.All.Except(people.SelectMany(p => p.Roles)).ShouldBeEmpty();
        Enum.GetValues<Domain.Organisations.OrganisationKind>().Except(organisations.Select(o => o.Kind)).ShouldBeEmpty();
        organisations.Count(o => o.Kind == Domain.Organisations.OrganisationKind.Laboratory).ShouldBe(3);
        organisations.Single(o => o.Id == "cqc").RegistryId.ShouldBe("cqc");
        app.Demo.Count.ShouldBe(people.Count);
    }

    [Fact]
    public async Task SeedAgain_AddsNothing_AndPrintsNoPassword()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var events = await db.AuditEvents.CountAsync();

        var again = await scope.ServiceProvider.GetRequiredService<DemoWorld>()
            .SeedAsync(CertaTestApp.RepositoryDataDirectory, CommandContext.CommandLine(), CancellationToken.None);

        again.ShouldBeEmpty();
        (await db.AuditEvents.CountAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task EveryPrintedPassword_SignsItsPersonIn()
    {
        foreach (var credential in app.Demo)
        {
            using var client = await app.SignInAsync(credential.Email);
            var me = await client.GetAsync("/api/v1/me");
            me.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, credential.Email);
            (await me.Content.ReadAsStringAsync()).ShouldContain(credential.Organisation);
        }
    }

    [Fact]
    public void Passwords_MeetThePolicy_AndDiffer()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => DemoWorld.NewPassword()).ToList();

        passwords.Distinct().Count().ShouldBe(200);
        passwords.ShouldAllBe(p => p.Length == 19 && p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit));
    }
}

[Collection("sqlite")]
public sealed class SqliteDemoWorldTests() : DemoWorldTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresDemoWorldTests() : DemoWorldTests(DatabaseProvider.Postgres);
