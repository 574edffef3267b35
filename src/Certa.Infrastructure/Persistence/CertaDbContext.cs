using Certa.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Persistence;

/// <summary>
/// Certa's database. One model, two providers: each provider has its own derived context so that
/// its migrations live apart (<see cref="SqliteCertaDbContext"/>, <see cref="PostgresCertaDbContext"/>).
/// </summary>
public abstract class CertaDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Authority> Authorities => Set<Authority>();

    public DbSet<Scheme> Schemes => Set<Scheme>();

    public DbSet<ImplementationRule> Rules => Set<ImplementationRule>();

    public DbSet<StandardEdition> Standards => Set<StandardEdition>();

    public DbSet<CatalogueCategory> Categories => Set<CatalogueCategory>();

    public DbSet<ProductType> ProductTypes => Set<ProductType>();

    public DbSet<CatalogueChange> CatalogueChanges => Set<CatalogueChange>();

    public DbSet<RegistryBody> Bodies => Set<RegistryBody>();

    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    public DbSet<RegistryImportRecord> RegistryImports => Set<RegistryImportRecord>();

    public DbSet<ReferenceFileRecord> ReferenceFiles => Set<ReferenceFileRecord>();

    public DbSet<Certa.Domain.Audit.AuditEvent> AuditEvents => Set<Certa.Domain.Audit.AuditEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CertaDbContext).Assembly);
}

public sealed class SqliteCertaDbContext(DbContextOptions<SqliteCertaDbContext> options) : CertaDbContext(options);

public sealed class PostgresCertaDbContext(DbContextOptions<PostgresCertaDbContext> options) : CertaDbContext(options);
