using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace Certa.Infrastructure.Persistence;

public static class DatabaseServices
{
    /// <summary>
    /// Registers <see cref="CertaDbContext"/> on the configured provider. The options are built once, not per request: building
    /// them was most of the cost of a cached public lookup.
    /// </summary>
    public static IServiceCollection AddCertaDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        services.AddSingleton(options);
        services.AddSingleton<CertificateChanges>();
        services.AddScoped<Idempotency.IdempotencyScope>();
        services.AddSingleton<Advisor.AdvisorService>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<CertaDbContext, SqliteCertaDbContext>((sp, o) => ConfigureSqlite(o, connectionString).AddInterceptors(sp.GetRequiredService<CertificateChanges>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<CertaDbContext, PostgresCertaDbContext>((sp, o) => ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<CertificateChanges>()),
                    optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(SqlitePragmas.Instance);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);

    /// <summary>
    /// WAL lets readers and the writer work at once; the busy timeout waits out a writer. Pooled connections keep their
    /// settings, so the pragmas run once per physical connection (its native handle), not on every open: at one open per
    /// query they doubled the statements a lookup ran.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Applied = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } sqlite || Applied.TryGetValue(handle, out _))
            {
                return;
            }

            using var command = sqlite.CreateCommand();
            // Reads through a memory map need no system call a page: a million bulk lookups touch the index a few million times.
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA mmap_size=268435456;";
            command.ExecuteNonQuery();
            Applied.AddOrUpdate(handle, handle);
        }
    }
}
