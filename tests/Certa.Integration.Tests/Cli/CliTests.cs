using Certa.Infrastructure.Persistence;
using Certa.Testing;

namespace Certa.Integration.Tests.Cli;

/// <summary>The <c>certa</c> command as a script would use it: output, errors and exit codes.</summary>
public abstract class CliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task MigrateThenImportTwice_ReportsAddedThenNoChanges()
    {
        (await CertaCli.RunAsync(database, "migrate")).ExitCode.ShouldBe(0);

        var first = await CertaCli.RunAsync(database, "import");
        var second = await CertaCli.RunAsync(database, "import");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Out.ShouldContain("product-type");
        first.Out.ShouldContain("Done: +");
        second.ExitCode.ShouldBe(0, second.Error);
        second.Out.ShouldContain("No changes");
    }

    [Fact]
    public async Task RegistrySearch_InChinese_PrintsPortableComputersAndExitsZero()
    {
        await CertaCli.RunAsync(database, "import");

        var (exit, output, error) = await CertaCli.RunAsync(database, "registry", "search", "笔记本");

        exit.ShouldBe(0, error);
        output.ShouldContain("ccc.0902");
        output.ShouldContain("便携式计算机");
    }

    [Fact]
    public async Task RegistrySearch_WithNoHit_ExitsOne()
    {
        await CertaCli.RunAsync(database, "import");

        var (exit, output, _) = await CertaCli.RunAsync(database, "registry", "search", "zzqqxx-nothing");

        exit.ShouldBe(1);
        output.ShouldContain("0 of 0");
    }

    [Fact]
    public async Task ImportOfBadData_ExitsThreeWithFileAndLine_AndImportsNothing()
    {
        var bad = Directory.CreateTempSubdirectory("certa-bad-").FullName;
        var data = Path.Combine(bad, "data");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "schemes.yaml"), "schemes:\n  - id: x\n    code: X\n");

        var (exit, _, error) = await CertaCli.RunAsync(database, "import", "--source", data);
        var search = await CertaCli.RunAsync(database, "registry", "search", "CCC");

        exit.ShouldBe(3);
        error.ShouldContain("data/schemes.yaml:2:");
        error.ShouldContain("nothing was imported");
        search.ExitCode.ShouldNotBe(0);
        Directory.Delete(bad, recursive: true);
    }

    [Fact]
    public async Task DryRun_OnFreshDatabase_ReportsButLeavesItEmpty()
    {
        var dry = await CertaCli.RunAsync(database, "import", "--dry-run");
        await CertaCli.RunAsync(database, "migrate");
        var search = await CertaCli.RunAsync(database, "registry", "search", "CCC");

        dry.ExitCode.ShouldBe(0, dry.Error);
        dry.Out.ShouldContain("Nothing was written");
        search.ExitCode.ShouldBe(1);
    }

    [Theory]
    [InlineData("registry", "search", "x", "--limit", "0")]
    [InlineData("no-such-command")]
    [InlineData("import", "--unknown-flag")]
    public async Task BadArguments_ExitTwoWithAHint(params string[] args)
    {
        var (exit, _, error) = await CertaCli.RunAsync(database, args);

        exit.ShouldBe(2);
        error.ShouldContain("certa --help");
    }

    [Fact]
    public async Task Requirements_ForAYamlProfile_PrintsNeededAndRuledOut()
    {
        await CertaCli.RunAsync(database, "import");
        var profile = Path.Combine(database.DataDirectory, "laptop.yaml");
        await File.WriteAllTextAsync(profile, "product: laptop\nmarkets: [CN]\nfeatures:\n  radio: [wifi_2g4, bluetooth]\n");

        var (exit, output, error) = await CertaCli.RunAsync(database, "requirements", profile);

        exit.ShouldBe(0, error);
        output.ShouldContain("NEEDED");
        output.ShouldContain("cn-srrc");
        output.ShouldContain("NOT NEEDED");
        output.ShouldContain("cn-nal");
        output.ShouldContain("PLAN:");
    }

    [Fact]
    public async Task Requirements_WithAnInvalidProfile_ExitsTwoNamingTheField()
    {
        await CertaCli.RunAsync(database, "import");
        var profile = Path.Combine(database.DataDirectory, "bad.json");
        await File.WriteAllTextAsync(profile, """{"product":"laptop","markets":["CN"],"features":{"power":"battery","rated_voltage_ac":230}}""");

        var (exit, _, error) = await CertaCli.RunAsync(database, "requirements", profile);

        exit.ShouldBe(2);
        error.ShouldContain("features.rated_voltage_ac");
    }

    [Fact]
    public async Task RequirementsBatch_WritesOneLinePerProfileAndCountsErrors()
    {
        await CertaCli.RunAsync(database, "import");
        var batch = Path.Combine(database.DataDirectory, "batch.ndjson");
        await File.WriteAllTextAsync(batch, """{"product":"laptop","markets":["CN"]}""" + "\n" + """{"product":"nope","markets":["CN"]}""" + "\n");

        var (exit, output, error) = await CertaCli.RunAsync(database, "requirements", "--batch", batch);

        exit.ShouldBe(2);
        error.ShouldContain("2 line(s), 1 with errors");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldContain("\"summary\":{");
        lines[1].ShouldContain("\"path\":\"product\"");
    }

    [Fact]
    public async Task Requirements_BeforeAnyImport_SaysWhatToRun()
    {
        await CertaCli.RunAsync(database, "migrate");
        var profile = Path.Combine(database.DataDirectory, "p.json");
        await File.WriteAllTextAsync(profile, """{"product":"laptop","markets":["CN"]}""");

        var (exit, _, error) = await CertaCli.RunAsync(database, "requirements", profile);

        exit.ShouldBe(4);
        error.ShouldContain("certa import");
    }

    [Theory]
    [InlineData("broken.json", "{\"product\": ")]
    [InlineData("broken.yaml", "product: [laptop\nmarkets: CN")]
    public async Task Requirements_WithAnUnreadableProfile_ExitsTwoSayingWhy(string name, string text)
    {
        await CertaCli.RunAsync(database, "import");
        var profile = Path.Combine(database.DataDirectory, name);
        await File.WriteAllTextAsync(profile, text);

        var (exit, output, error) = await CertaCli.RunAsync(database, "requirements", profile);

        exit.ShouldBe(2);
        error.ShouldContain("cannot read the input");
        output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Requirements_WithAMissingFile_ExitsTwo()
    {
        var (exit, _, error) = await CertaCli.RunAsync(database, "requirements", "/nonexistent/profile.yaml");

        exit.ShouldBe(2);
        error.ShouldContain("profile.yaml");
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var (exit, output, _) = await CertaCli.RunAsync(database, "--help");

        exit.ShouldBe(0);
        foreach (var command in new[] { "serve", "migrate", "import", "registry", "requirements" })
        {
            output.ShouldContain(command);
        }
    }
}

[Collection("sqlite")]
public sealed class SqliteCliTests() : CliTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresCliTests() : CliTests(DatabaseProvider.Postgres);
