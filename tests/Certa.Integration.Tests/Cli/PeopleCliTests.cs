using System.Text.RegularExpressions;
using Certa.Infrastructure.Persistence;
using Certa.Testing;

namespace Certa.Integration.Tests.Cli;

/// <summary><c>certa org</c> and <c>certa people</c>: setting up an installation's first organisation and admin from a shell.</summary>
public abstract partial class PeopleCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        (await CertaCli.RunAsync(database, "migrate")).ExitCode.ShouldBe(0);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task OrgCreate_ThenPeopleAdd_PrintsAPasswordOnce_AndAuditsBoth()
    {
        var org = await CertaCli.RunAsync(database, "org", "create", "--id", "ops", "--kind", "platform_operator", "--name", "Operations");
        var add = await CertaCli.RunAsync(database, "people", "add", "--org", "ops", "--email", "Root@Ops.Example", "--name", "Root", "--role", "platform_admin");
        var list = await CertaCli.RunAsync(database, "people", "list");
        var audit = await CertaCli.RunAsync(database, "audit", "list");
        var verify = await CertaCli.RunAsync(database, "audit", "verify");

        org.ExitCode.ShouldBe(0, org.Error);
        add.ExitCode.ShouldBe(0, add.Error);
        PasswordLine().IsMatch(add.Out).ShouldBeTrue(add.Out);
        list.Out.ShouldContain("root@ops.example");
        list.Out.ShouldContain("platform_admin");
        audit.Out.ShouldContain("organisation.created organisation/ops");
        audit.Out.ShouldContain("person.joined person/");
        audit.Out.ShouldContain("cli:");
        verify.ExitCode.ShouldBe(0, verify.Error);
    }

    [Fact]
    public async Task OrgCreate_WhenIdTaken_ExitsThree_AndWritesNothing()
    {
        await CertaCli.RunAsync(database, "org", "create", "--id", "ops", "--kind", "platform_operator", "--name", "Operations");
        var before = await CertaCli.RunAsync(database, "audit", "verify");

        var again = await CertaCli.RunAsync(database, "org", "create", "--id", "ops", "--kind", "applicant", "--name", "Other");
        var after = await CertaCli.RunAsync(database, "audit", "verify");

        again.ExitCode.ShouldBe(3);
        again.Error.ShouldContain("organisation-exists");
        again.Error.ShouldContain("'ops'");
        after.Out.ShouldBe(before.Out);
    }

    [Theory]
    [InlineData("laboratory", "--registry", "no-such-lab", "unknown-registry-entry")]
    [InlineData("laboratory", "--country", "CN", "registry-link-required")]
    [InlineData("spaceport", "--country", "CN", "unknown-kind")]
    public async Task OrgCreate_WithBadInput_ExitsTwoNamingTheProblem(string kind, string option, string value, string code)
    {
        var result = await CertaCli.RunAsync(database, "org", "create", "--id", "lab-x", "--kind", kind, "--name", "X", option, value);
        var list = await CertaCli.RunAsync(database, "org", "list");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(code);
        list.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task PeopleAdd_WithARoleThatDoesNotFit_ExitsTwo_AndAddsNobody()
    {
        await CertaCli.RunAsync(database, "org", "create", "--id", "ops", "--kind", "platform_operator", "--name", "Operations");

        var result = await CertaCli.RunAsync(database, "people", "add", "--org", "ops", "--email", "x@ops.example", "--name", "X", "--role", "reviewer");
        var list = await CertaCli.RunAsync(database, "people", "list");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("reviewer is not a role in a platform_operator");
        list.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task PeopleInvite_PrintsALinkWithAToken()
    {
        await CertaCli.RunAsync(database, "org", "create", "--id", "ops", "--kind", "platform_operator", "--name", "Operations");

        var result = await CertaCli.RunAsync(database, "people", "invite", "--org", "ops", "--email", "new@ops.example", "--role", "platform_admin",
            "--base-url", "https://certa.example.org/");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("https://certa.example.org/account/invitation?token=");
    }

    [GeneratedRegex(@"Password \(shown once[^)]*\): [A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}")]
    private static partial Regex PasswordLine();
}

[Collection("sqlite")]
public sealed class SqlitePeopleCliTests() : PeopleCliTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresPeopleCliTests() : PeopleCliTests(DatabaseProvider.Postgres);
