using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Certa.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCertaDbContext>
{
    public SqliteCertaDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteCertaDbContext>();
        DatabaseServices.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteCertaDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCertaDbContext>
{
    public PostgresCertaDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresCertaDbContext>();
        DatabaseServices.ConfigurePostgres(builder, "Host=localhost;Database=certa_design");
        return new PostgresCertaDbContext(builder.Options);
    }
}
