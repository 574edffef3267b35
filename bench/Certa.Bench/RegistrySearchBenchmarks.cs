using BenchmarkDotNet.Attributes;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Certa.Testing;
using Certa.Web.Api;
using Certa.Web.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Bench;

/// <summary>
/// Registry search over the shipped reference data on SQLite (the default store), through the same
/// query code the API and pages use: one search = count + ranked page of 20.
/// </summary>
[MemoryDiagnoser]
public class RegistrySearchBenchmarks
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    [Params("笔记本", "laptop", "GB 4943.1", "CNCA-C09-01", "zzzz")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        database = TestDatabase.CreateAsync(DatabaseProvider.Sqlite).GetAwaiter().GetResult();
        services = new ServiceCollection()
            .AddCertaDatabase(database.Options())
            .AddSingleton(TimeProvider.System)
            .AddScoped<RegistryQueries>()
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        DatabaseMaintenance.MigrateAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        new RegistryImporter(db, TimeProvider.System)
            .ImportAsync(ReferenceDataReader.Read(CertaTestApp.RepositoryDataDirectory), dryRun: false, CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.Dispose();
        database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> Search()
    {
        await using var scope = services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<RegistryQueries>();
        var page = await queries.SearchAsync(Query, null, new PageRequest(1, 20), CancellationToken.None);
        return page.Total;
    }
}

/// <summary>Reading and checking the whole data/ directory, the first half of every import.</summary>
[MemoryDiagnoser]
public class ReferenceDataReadBenchmarks
{
    [Benchmark]
    public int ReadAllReferenceData() => ReferenceDataReader.Read(CertaTestApp.RepositoryDataDirectory).ProductTypes.Count;
}
