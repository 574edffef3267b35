using Certa.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Internal;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Certa.Infrastructure.Cluster;

/// <summary>
/// Data Protection (session and anti-forgery cookies, idempotency records) with its keys in Certa's database, so that every
/// instance on it reads and writes the same cookies, and a restart does not sign everyone out. ADR 020.
/// </summary>
public static class SharedKeyRing
{
    public const string ApplicationName = "certa";

    public static IServiceCollection AddCertaDataProtection(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<CertaDbContext>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = database.ResolveConnectionString();
            services.Replace(ServiceDescriptor.Singleton<IKeyManager>(sp => new SerializedKeyCreation(
                new XmlKeyManager(sp.GetRequiredService<IOptions<KeyManagementOptions>>(), sp.GetRequiredService<IActivator>(), sp.GetRequiredService<ILoggerFactory>()),
                connectionString, sp.GetRequiredService<ILogger<SerializedKeyCreation>>())));
        }

        return services;
    }
}

/// <summary>
/// Makes a Data Protection key at most once across instances. Left alone, two instances that start on an empty key table at
/// the same moment each find no key and make their own; each then protects with its own and, once its first two minutes
/// have passed, no longer looks for keys it does not know until its daily refresh — so each rejects the other's cookies for
/// up to a day. Here a new key is made under a PostgreSQL advisory lock, after reading the keys again: an instance that
/// comes second finds the first one's key and uses it.
/// </summary>
internal sealed class SerializedKeyCreation(IKeyManager inner, string connectionString, ILogger<SerializedKeyCreation> log) : IKeyManager
{
    private const long LockKey = 2026112810;

    // The default-key resolver accepts a key activated up to five minutes ahead (clock skew between servers); one that
    // lasts three days past the wanted activation is not about to be replaced (the key ring asks for a successor when the
    // default expires within its refresh period plus the propagation window, three days).
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Lasting = TimeSpan.FromDays(3);

    public IKey CreateNewKey(DateTimeOffset activationDate, DateTimeOffset expirationDate)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            command.ExecuteNonQuery();
        }

        var made = inner.GetAllKeys().FirstOrDefault(k => !k.IsRevoked && k.ActivationDate <= activationDate + Skew && k.ExpirationDate >= activationDate + Lasting);
        if (made is not null)
        {
            log.LogInformation("Data Protection key {KeyId} was made by another instance (activation {Activation:O}); using it rather than making one.",
                made.KeyId, made.ActivationDate);
            return made;
        }

        var key = inner.CreateNewKey(activationDate, expirationDate);
        transaction.Commit();
        return key;
    }

    public IReadOnlyCollection<IKey> GetAllKeys() => inner.GetAllKeys();

    public CancellationToken GetCacheExpirationToken() => inner.GetCacheExpirationToken();

    public void RevokeAllKeys(DateTimeOffset revocationDate, string? reason = null) => inner.RevokeAllKeys(revocationDate, reason);

    public void RevokeKey(Guid keyId, string? reason = null) => inner.RevokeKey(keyId, reason);
}
