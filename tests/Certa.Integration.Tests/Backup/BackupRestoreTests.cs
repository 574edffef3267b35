using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Certa.Infrastructure.Backup;
using Certa.Infrastructure.Files;
using Certa.Infrastructure.Transparency;
using Certa.Integration.Tests.Cli;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Backup;

/// <summary>
/// <c>certa backup</c> of a running Certa and <c>certa restore</c> into a fresh database through the real program: the
/// integrity check passes and finds the backup's counts, keys and documents; an altered archive is refused; a manifest whose
/// census does not match the data fails the check; a target that holds data is refused without --force and left as it was.
/// </summary>
public abstract class BackupRestoreTests(DemoAppFixture fixture) : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("certa-backup-test-").FullName;
    private TestDatabase target = null!;

    private string Archive => Path.Combine(directory, "certa.tar.gz");

    public async Task InitializeAsync()
    {
        target = await TestDatabase.CreateAsync(fixture.Provider);
        await CertificateSeed.IssueAsync(fixture.App.Services);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LogSequencer>().CatchUpAsync(default);
        await fixture.App.Services.GetRequiredService<IFileStore>().PutAsync(Encoding.UTF8.GetBytes($"a test report {Guid.NewGuid()}"), default);
    }

    public async Task DisposeAsync()
    {
        await target.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<BackupManifest> BackUpAsync()
    {
        var (exit, output, error) = await CertaCli.RunAsync(fixture.App.Database, "backup", Archive);
        exit.ShouldBe(0, output + error);
        return ManifestOf(Archive);
    }

    [Fact]
    public async Task Restore_OfABackupOfARunningServer_IntoAFreshDatabase_PassesTheCheck_WithTheBackupsCounts()
    {
        var manifest = await BackUpAsync();
        manifest.Census.Counts["certificates"].ShouldBeGreaterThan(0);
        manifest.MasterKeyIncluded.ShouldBeTrue();

        var (exit, output, error) = await CertaCli.RunAsync(target, "restore", Archive);

        exit.ShouldBe(0, output + error);
        output.ShouldContain($"✓ census: {string.Join(", ", manifest.Census.Counts.Select(c => $"{c.Value} {c.Key}"))}");
        output.ShouldContain("✓ audit chain:");
        output.ShouldContain("✓ log tree heads:");
        output.ShouldContain("Integrity check passed.");
        (await File.ReadAllBytesAsync(Path.Combine(target.DataDirectory, "keys", "master.key")))
            .ShouldBe(await File.ReadAllBytesAsync(Path.Combine(fixture.App.Database.DataDirectory, "keys", "master.key")));
        foreach (var document in manifest.Entries.Where(e => e.Path.StartsWith("data/files/", StringComparison.Ordinal)))
        {
            File.Exists(Path.Combine(target.DataDirectory, document.Path["data/".Length..])).ShouldBeTrue(document.Path);
        }

        (await CertaCli.RunAsync(target, "check")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Restore_OfAnArchiveWithOneByteChanged_IsRefused_AndRestoresNothing()
    {
        var manifest = await BackUpAsync();
        await RewriteAsync(Archive, (name, data) =>
        {
            if (name == manifest.DatabaseEntry)
            {
                data[data.Length / 2] ^= 0x01;
            }

            return data;
        });

        var (exit, output, error) = await CertaCli.RunAsync(target, "restore", Archive);

        exit.ShouldBe(3, output + error);
        error.ShouldContain($"was altered or damaged; nothing was restored. {manifest.DatabaseEntry}: SHA-256");
        File.Exists(Path.Combine(target.DataDirectory, "keys", "master.key")).ShouldBeFalse();
        (await CertaCli.RunAsync(target, "check")).ExitCode.ShouldBe(4, "the target has no tables: nothing was restored");
    }

    [Fact]
    public async Task Restore_WhenTheDataDoNotMatchTheManifestsCensus_FailsTheCheck_WithExitFive()
    {
        var manifest = await BackUpAsync();
        var certificates = manifest.Census.Counts["certificates"];
        await RewriteAsync(Archive, (name, data) =>
        {
            if (name != BackupManifest.EntryName)
            {
                return data;
            }

            var json = JsonNode.Parse(data)!;
            json["census"]!["counts"]!["certificates"] = certificates + 1;
            return Encoding.UTF8.GetBytes(json.ToJsonString());
        });

        var (exit, output, error) = await CertaCli.RunAsync(target, "restore", Archive);

        exit.ShouldBe(5, output + error);
        output.ShouldContain($"✗ census: certificates: {certificates} found, {certificates + 1} in the backup");
        error.ShouldContain("integrity check FAILED");
    }

    [Fact]
    public async Task Restore_IntoADatabaseThatHoldsData_WithoutForce_IsRefused_AndChangesNothing()
    {
        await BackUpAsync();
        await CertificateSeed.IssueAsync(fixture.App.Services);
        var before = await CensusAsync();

        var (exit, output, error) = await CertaCli.RunAsync(fixture.App.Database, "restore", Archive);

        exit.ShouldBe(3, output + error);
        error.ShouldContain("The target is not empty (the database has tables; ");
        error.ShouldContain("add --force");
        (await CensusAsync()).ShouldBeEquivalentTo(before);
    }

    private async Task<DatabaseCensus> CensusAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await DatabaseCensus.TakeAsync(scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.CertaDbContext>(), default);
    }

    private static BackupManifest ManifestOf(string archive)
    {
        using var tar = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress));
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == BackupManifest.EntryName)
            {
                using var buffer = new MemoryStream();
                entry.DataStream!.CopyTo(buffer);
                return BackupManifest.Parse(buffer.ToArray());
            }
        }

        throw new InvalidOperationException($"{archive} has no manifest.");
    }

    /// <summary>Writes the archive again with each entry's bytes passed through <paramref name="change"/>, as someone editing it would.</summary>
    private static async Task RewriteAsync(string archive, Func<string, byte[], byte[]> change)
    {
        List<(string Name, byte[] Data)> entries = [];
        await using (var tar = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress)))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                using var buffer = new MemoryStream();
                await entry.DataStream!.CopyToAsync(buffer);
                entries.Add((entry.Name, change(entry.Name, buffer.ToArray())));
            }
        }

        await using var output = new GZipStream(File.Create(archive), CompressionLevel.Fastest);
        await using var writer = new TarWriter(output, TarEntryFormat.Pax);
        foreach (var (name, data) in entries)
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
    }
}

[Collection("sqlite")]
public sealed class SqliteBackupRestoreTests(SqliteDemoAppFixture fixture) : BackupRestoreTests(fixture), IClassFixture<SqliteDemoAppFixture>;

[Collection("postgres")]
public sealed class PostgresBackupRestoreTests(PostgresDemoAppFixture fixture) : BackupRestoreTests(fixture), IClassFixture<PostgresDemoAppFixture>;
