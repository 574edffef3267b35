using Certa.Domain.Audit;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Infrastructure.Certificates.Search;
using Certa.Infrastructure.Identity;
using Certa.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Persistence;

/// <summary>
/// Certa's database. One model, two providers: each provider has its own derived context so that
/// its migrations live apart (<see cref="SqliteCertaDbContext"/>, <see cref="PostgresCertaDbContext"/>).
/// Aggregates are saved only through <see cref="CommitAsync"/>, which writes their events to the audit
/// trail in the same transaction; a plain <c>SaveChanges</c> refuses them.
/// </summary>
public abstract class CertaDbContext(DbContextOptions options, INotificationPlanner? notifications = null, ICreditRecorder? credit = null,
    Idempotency.IdempotencyScope? idempotency = null, Supervision.Watches.CertificateWatchKeeper? watches = null)
    : IdentityUserContext<CertaUser, Guid>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private bool committing;

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

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Certa.Domain.Applications.Application> Applications => Set<Certa.Domain.Applications.Application>();

    public DbSet<Certa.Domain.Testing.TestOrder> TestOrders => Set<Certa.Domain.Testing.TestOrder>();

    public DbSet<Certa.Domain.Notifications.Notification> Notifications => Set<Certa.Domain.Notifications.Notification>();

    /// <summary>The covering index bulk verification reads a certificate's standing from.</summary>
    public const string VerificationIndex = "IX_Certificates_Verification";

    public DbSet<Idempotency.IdempotencyRecord> IdempotencyKeys => Set<Idempotency.IdempotencyRecord>();

    public DbSet<Certa.Domain.Certificates.Certificate> Certificates => Set<Certa.Domain.Certificates.Certificate>();

    public DbSet<CertificateModelKey> CertificateModels => Set<CertificateModelKey>();

    public DbSet<Supervision.Watches.CertificateWatch> CertificateWatches => Set<Supervision.Watches.CertificateWatch>();

    public DbSet<Supervision.Watches.CertificateWatchRules> CertificateWatchRules => Set<Supervision.Watches.CertificateWatchRules>();

    public DbSet<Certa.Domain.Certificates.IssuedCredential> IssuedCredentials => Set<Certa.Domain.Certificates.IssuedCredential>();

    public DbSet<Certa.Domain.Signing.SigningKey> SigningKeys => Set<Certa.Domain.Signing.SigningKey>();

    public DbSet<Certa.Domain.Gmark.GmarkRegistration> GmarkRegistrations => Set<Certa.Domain.Gmark.GmarkRegistration>();

    public DbSet<StatusLists.PublishedStatusList> StatusLists => Set<StatusLists.PublishedStatusList>();

    public DbSet<Transparency.LogEntry> LogEntries => Set<Transparency.LogEntry>();

    public DbSet<Transparency.LogNode> LogNodes => Set<Transparency.LogNode>();

    public DbSet<Transparency.LogTreeHead> LogTreeHeads => Set<Transparency.LogTreeHead>();

    public DbSet<Certa.Domain.Supervision.Draws.Draw> Draws => Set<Certa.Domain.Supervision.Draws.Draw>();

    public DbSet<Certa.Domain.Supervision.Inspections.Inspection> Inspections => Set<Certa.Domain.Supervision.Inspections.Inspection>();

    public DbSet<Certa.Domain.Supervision.Credit.CreditRecord> CreditRecords => Set<Certa.Domain.Supervision.Credit.CreditRecord>();

    public DbSet<Certa.Domain.Supervision.Draws.DeclaredRelation> DeclaredRelations => Set<Certa.Domain.Supervision.Draws.DeclaredRelation>();

    /// <summary>The keys that protect cookies and anti-forgery tokens, shared by every instance on this database.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Cluster.RateLimitWindow> RateLimitWindows => Set<Cluster.RateLimitWindow>();

    /// <summary>
    /// Saves every change and, for each event the changed aggregates recorded, an audit event by
    /// <paramref name="who"/>, and the notifications and credit records those events cause, all in one transaction (the caller's, if one is open).
    /// </summary>
    public async Task<IReadOnlyList<AuditEvent>> CommitAsync(CommandContext who, DateTimeOffset at, CancellationToken ct)
    {
        var (actor, correlationId) = (who.Actor, who.CorrelationId);
        var changed = ChangeTracker.Entries<Aggregate>().Select(e => e.Entity).Where(a => a.PendingEvents().Count > 0).ToList();
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var written = new List<AuditEvent>();
        var committed = new List<CommittedEvent>();
        foreach (var aggregate in changed)
        {
            foreach (var e in aggregate.PendingEvents())
            {
                var audit = await Audit.AuditLog.AppendAsync(this,
                    new AuditEntry(actor.AuditName, aggregate.OwningOrganisation ?? actor.OrganisationId, e.Action, aggregate.EntityType,
                        aggregate.EntityKey, aggregate.AuditState(), correlationId, e.Details), at, ct);
                written.Add(audit);
                committed.Add(new CommittedEvent(aggregate, audit));
            }
        }

        if (notifications is not null && committed.Count > 0)
        {
            await notifications.PlanAsync(this, committed, at, ct);
        }

        credit?.Record(this, committed);
        CertificateModelKeys.Sync(this);
        var watched = watches is null ? [] : Supervision.Watches.CertificateWatchKeeper.Touched(this);
        if (idempotency?.ReservationId is { } reservation)
        {
            // In the work's transaction: after a crash, a repeat of the request can tell work that committed from work that never did.
            // If the reservation is gone, another request took the key over believing this one dead: its work is the key's,
            // and this work must not commit beside it.
            var marked = await IdempotencyKeys.Where(k => k.Id == reservation)
                .ExecuteUpdateAsync(k => k.SetProperty(r => r.CompletedAt, r => r.CompletedAt ?? at), ct);
            if (marked == 0)
            {
                throw DomainException.Conflict("idempotency-key-taken-over",
                    "This request's Idempotency-Key was taken over by a repeat of the request while it ran; the repeat's answer stands. Send the key again to get it.");
            }
        }

        committing = true;
        try
        {
            await SaveChangesAsync(ct);
            if (watches is not null)
            {
                await watches.KeepAsync(this, watched, SaveChangesAsync, ct);
            }
        }
        finally
        {
            committing = false;
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        changed.ForEach(a => a.ClearEvents());
        return written;
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseUnaudited();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseUnaudited();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CertaDbContext).Assembly);
    }

    private void RefuseUnaudited()
    {
        if (committing)
        {
            return;
        }

        var unaudited = ChangeTracker.Entries<Aggregate>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted || e.Entity.PendingEvents().Count > 0)
            .Select(e => $"{e.Entity.EntityType} {e.Entity.EntityKey}")
            .ToList();
        if (unaudited.Count > 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(", ", unaudited)} changed outside CommitAsync; aggregates are saved with their audit events only.");
        }
    }
}

public sealed class SqliteCertaDbContext(DbContextOptions<SqliteCertaDbContext> options, INotificationPlanner? notifications = null, ICreditRecorder? credit = null,
    Idempotency.IdempotencyScope? idempotency = null, Supervision.Watches.CertificateWatchKeeper? watches = null)
    : CertaDbContext(options, notifications, credit, idempotency, watches)
{
    /// <summary>
    /// SQLite has no time type and EF cannot compare DateTimeOffset text there; written as fixed-width
    /// UTC text (<c>2026-11-27T08:05:14.123456Z</c>), times sort and compare as strings, so time filters run in SQL.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTextConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The reason is in the covering index too, so that today's verdict on a certificate that is not active never reads its
        // wide row: a row read cost about 60 µs at 1 M (bench/RESULTS.md). PostgreSQL keeps the index without it: a B-tree
        // entry there has a size limit (2 704 bytes) that a long reason in Chinese could pass.
        var certificate = builder.Entity<Domain.Certificates.Certificate>();
        var verification = certificate.Metadata.GetIndexes().Single(i => i.Name == VerificationIndex);
        var columns = verification.Properties.Select(p => p.Name).Append(nameof(Domain.Certificates.Certificate.StateReason)).ToArray();
        certificate.Metadata.RemoveIndex(verification);
        certificate.HasIndex(columns, VerificationIndex);
    }
}

public sealed class PostgresCertaDbContext(DbContextOptions<PostgresCertaDbContext> options, INotificationPlanner? notifications = null, ICreditRecorder? credit = null,
    Idempotency.IdempotencyScope? idempotency = null, Supervision.Watches.CertificateWatchKeeper? watches = null)
    : CertaDbContext(options, notifications, credit, idempotency, watches)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Byte order, whatever the database's locale: a model's beginning is then one range of the key (SQLite's BINARY is the same).
        builder.Entity<CertificateModelKey>().Property(x => x.Key).UseCollation("C");
    }
}
