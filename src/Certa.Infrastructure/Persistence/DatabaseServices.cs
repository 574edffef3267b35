using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace Certa.Infrastructure.Persistence;

public static class DatabaseServices
{
    /// <summary>Registers <see cref="CertaDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddCertaDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        services.AddSingleton(options);
        services.AddSingleton<Advisor.AdvisorService>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<CertaDbContext, SqliteCertaDbContext>(o => ConfigureSqlite(o, connectionString));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<CertaDbContext, PostgresCertaDbContext>(o => ConfigurePostgres(o, connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(SqlitePragmas.Instance, CertificateChanges.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString).AddInterceptors(CertificateChanges.Instance);

    /// <summary>WAL lets readers and the writer work at once; the busy timeout waits out a writer.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection sqlite)
            {
                return;
            }

            using var command = sqlite.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
        }
    }
}
