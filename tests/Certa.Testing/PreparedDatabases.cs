using System.Collections.Concurrent;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Persistence;

namespace Certa.Testing;

/// <summary>
/// Migrating, importing the reference data and seeding the demo world take seconds, and a hundred test classes each want
/// the same result. The first to ask prepares it once per test process, in a database of its own that is never served;
/// every later one gets a copy: the SQLite file and data directory copied, or a PostgreSQL database made with
/// <c>CREATE DATABASE … TEMPLATE</c>. Only preparations that do not depend on the test (no clock of its own, no services
/// registered ahead of the app's) are shared this way; the others prepare their own.
/// </summary>
internal static class PreparedDatabases
{
    private static readonly ConcurrentDictionary<(DatabaseProvider, bool ImportData, bool Demo), Lazy<Task<Prepared>>> Templates = new();

    /// <summary>A fresh database holding what <paramref name="prepare"/> writes, prepared once and copied.</summary>
    public static async Task<(TestDatabase Database, IReadOnlyList<DemoCredential> Demo)> CopyAsync(
        DatabaseProvider provider, bool importData, bool demo, Func<TestDatabase, Task<IReadOnlyList<DemoCredential>>> prepare)
    {
        var template = await Templates.GetOrAdd((provider, importData, demo),
            _ => new Lazy<Task<Prepared>>(() => PrepareAsync(provider, prepare))).Value;
        return (await TestDatabase.CopyOfAsync(template.Database), template.Demo);
    }

    private static async Task<Prepared> PrepareAsync(DatabaseProvider provider, Func<TestDatabase, Task<IReadOnlyList<DemoCredential>>> prepare)
    {
        // Lives as long as the test process; the OS and the throwaway cluster clean up after it.
        var database = await TestDatabase.CreateAsync(provider);
        var demo = await prepare(database);
        return new Prepared(database, demo);
    }

    private sealed record Prepared(TestDatabase Database, IReadOnlyList<DemoCredential> Demo);
}
