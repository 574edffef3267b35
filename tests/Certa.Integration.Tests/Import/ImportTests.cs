using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Import;

/// <summary><c>certa import</c>'s contract on a real database: idempotent, transactional, reported per kind.</summary>
public abstract class ImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;
    private string dataCopy = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        services = new ServiceCollection().AddCertaDatabase(database.Options()).BuildServiceProvider();
        dataCopy = Path.Combine(Directory.CreateTempSubdirectory("certa-data-").FullName, "data");
        CopyDirectory(CertaTestApp.RepositoryDataDirectory, dataCopy);
        await using var scope = services.CreateAsyncScope();
        await DatabaseMaintenance.MigrateAsync(scope.ServiceProvider.GetRequiredService<CertaDbContext>(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(dataCopy)!, recursive: true);
    }

    [Fact]
    public async Task Import_IntoEmptyDatabase_AddsEveryRecord()
    {
        var report = await ImportAsync();

        report.Kinds.Single(k => k.Kind == RegistryKinds.ProductType).Added.ShouldBeGreaterThanOrEqualTo(96);
        report.Changed.ShouldBe(0);
        report.Removed.ShouldBe(0);
        (await CountAsync(db => db.ProductTypes)).ShouldBe(report.Kinds.Single(k => k.Kind == RegistryKinds.ProductType).Added);
        (await CountAsync(db => db.SearchEntries)).ShouldBeGreaterThan(300);
        (await CountAsync(db => db.RegistryImports)).ShouldBe(1);
    }

    [Fact]
    public async Task Import_Twice_SecondChangesNothing()
    {
        var first = await ImportAsync();
        var second = await ImportAsync();

        second.HasChanges.ShouldBeFalse(second.Summary);
        second.Fingerprint.ShouldBe(first.Fingerprint);
        (await CountAsync(db => db.RegistryImports)).ShouldBe(1);
    }

    [Fact]
    public async Task Import_AfterEditAndRemoval_ReportsChangedAndRemovedAndStoresThem()
    {
        await ImportAsync();
        Replace("schemes.yaml", "China Compulsory Certification", "China Compulsory Certification (edited)");
        RemoveRecord("labs.yaml", "lab-cttl");

        var report = await ImportAsync();

        report.Kinds.Single(k => k.Kind == RegistryKinds.Scheme).Changed.ShouldBe(1);
        report.Kinds.Single(k => k.Kind == RegistryKinds.Lab).Removed.ShouldBe(1);
        report.Added.ShouldBe(0);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        (await db.Schemes.SingleAsync(s => s.Id == "ccc")).Name.En.ShouldBe("China Compulsory Certification (edited)");
        (await db.Bodies.AnyAsync(b => b.Id == "lab-cttl")).ShouldBeFalse();
        (await db.SearchEntries.CountAsync(e => e.Key == "lab-cttl")).ShouldBe(0);
    }

    [Fact]
    public async Task DryRun_ReportsChangesButWritesNothing()
    {
        await ImportAsync();
        Replace("schemes.yaml", "China Compulsory Certification", "Renamed in a dry run");

        var report = await ImportAsync(dryRun: true);

        report.Kinds.Single(k => k.Kind == RegistryKinds.Scheme).Changed.ShouldBe(1);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        (await db.Schemes.SingleAsync(s => s.Id == "ccc")).Name.En.ShouldBe("China Compulsory Certification");
    }

    [Fact]
    public async Task BadFile_IsRefusedWithLineAndNothingIsImported()
    {
        await ImportAsync();
        var before = await CountAsync(db => db.Schemes);
        Replace("schemes.yaml", "China Compulsory Certification", "Half-edited name");
        File.AppendAllText(Path.Combine(dataCopy, "labs.yaml"), "  - id: BROKEN\n    abbr: B\n    name: Broken lab\n    country: CN\n    designations:\n      - scheme: no-such-scheme\n        all: true\n    source: test\n");

        var refused = await Should.ThrowAsync<ReferenceDataException>(() => ImportAsync());

        var error = refused.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("data/labs.yaml");
        error.Line.ShouldBeGreaterThan(1);
        error.Reason.ShouldContain("no-such-scheme");
        (await CountAsync(db => db.Schemes)).ShouldBe(before);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        (await db.Schemes.SingleAsync(s => s.Id == "ccc")).Name.En.ShouldBe("China Compulsory Certification");
    }

    [Fact]
    public async Task FailureWhileWriting_RollsBackTheWholeImport()
    {
        await ImportAsync();
        Replace("schemes.yaml", "China Compulsory Certification", "Never stored");
        using var cancel = new CancellationTokenSource();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        db.SavingChanges += (_, _) => cancel.Cancel();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            new RegistryImporter(db, TimeProvider.System).ImportAsync(ReferenceDataReader.Read(dataCopy), dryRun: false, cancel.Token));

        await using var check = services.CreateAsyncScope();
        var fresh = check.ServiceProvider.GetRequiredService<CertaDbContext>();
        (await fresh.Schemes.SingleAsync(s => s.Id == "ccc")).Name.En.ShouldBe("China Compulsory Certification");
        (await fresh.SearchEntries.CountAsync()).ShouldBeGreaterThan(300);
    }

    private async Task<ImportReport> ImportAsync(bool dryRun = false)
    {
        var snapshot = ReferenceDataReader.Read(dataCopy);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        return await new RegistryImporter(db, TimeProvider.System).ImportAsync(snapshot, dryRun, CancellationToken.None);
    }

    private async Task<int> CountAsync<T>(Func<CertaDbContext, IQueryable<T>> set)
    {
        await using var scope = services.CreateAsyncScope();
        return await set(scope.ServiceProvider.GetRequiredService<CertaDbContext>()).CountAsync();
    }

    private void Replace(string file, string from, string to)
    {
        var path = Path.Combine(dataCopy, file);
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Cuts the list item whose id is <paramref name="id"/> out of a YAML list.</summary>
    private void RemoveRecord(string file, string id)
    {
        var path = Path.Combine(dataCopy, file);
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.TrimStart().StartsWith("- id:", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal));
        start.ShouldBeGreaterThanOrEqualTo(0, $"no record {id} in {file}");
        var indent = lines[start].IndexOf('-', StringComparison.Ordinal);
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end].TakeWhile(char.IsWhiteSpace).Count() > indent || lines[end].TrimStart().StartsWith('#')))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        File.WriteAllLines(path, lines);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[Collection("sqlite")]
public sealed class SqliteImportTests() : ImportTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresImportTests() : ImportTests(DatabaseProvider.Postgres);
