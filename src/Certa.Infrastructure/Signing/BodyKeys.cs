using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Signing;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Signing;

/// <summary>
/// A body's signing keys: the active one (made on first use), rotation, revocation, and the published
/// list. Private keys are encrypted by <see cref="KeyProtector"/> before they reach the database and
/// decrypted only to sign.
/// </summary>
public sealed class BodyKeys(CertaDbContext db, KeyProtector protector, TimeProvider clock)
{
    /// <summary>The body's active key, tracked; a new one when the body has none yet (the caller commits it).</summary>
    public async Task<SigningKey> ActiveKeyAsync(string bodyId, DateTimeOffset now, CancellationToken ct)
    {
        var active = db.SigningKeys.Local.FirstOrDefault(k => k.BodyId == bodyId && k.State == SigningKeyState.Active)
            ?? await db.SigningKeys.FirstOrDefaultAsync(k => k.BodyId == bodyId && k.State == SigningKeyState.Active, ct);
        return active ?? await CreateAsync(bodyId, now, ct);
    }

    /// <summary>Makes a new active key and retires the old one: new credentials use the new key, old ones still verify.</summary>
    public async Task<SigningKey> RotateAsync(CommandContext who, string bodyId, CancellationToken ct)
    {
        await RequireBodyAsync(who, bodyId, ct);
        var now = clock.GetUtcNow();
        var old = await db.SigningKeys.FirstOrDefaultAsync(k => k.BodyId == bodyId && k.State == SigningKeyState.Active, ct);
        old?.Retire(now);
        var key = await CreateAsync(bodyId, now, ct);
        await db.CommitAsync(who, now, ct);
        return key;
    }

    /// <summary>Revokes a compromised key from a moment on; revoking the active key rotates at once.</summary>
    public async Task<SigningKey> RevokeAsync(CommandContext who, string bodyId, string keyId, DateTimeOffset? from, string reason, CancellationToken ct)
    {
        await RequireBodyAsync(who, bodyId, ct);
        var now = clock.GetUtcNow();
        var key = await db.SigningKeys.FirstOrDefaultAsync(k => k.BodyId == bodyId && k.KeyId == keyId, ct)
            ?? throw DomainException.NotFound("key-not-found", $"{bodyId} has no signing key {keyId}.");
        var wasActive = key.State == SigningKeyState.Active;
        key.Revoke(from ?? now, reason, now);
        if (wasActive)
        {
            await CreateAsync(bodyId, now, ct);
        }

        await db.CommitAsync(who, now, ct);
        return key;
    }

    public async Task<IReadOnlyList<SigningKey>> ListAsync(Actor actor, string bodyId, CancellationToken ct)
    {
        actor.Require(Permission.SigningKeysRead, bodyId);
        return await PublishedAsync(bodyId, ct);
    }

    /// <summary>Every key the body ever had, revoked ones too: verifiers need them to judge old credentials.</summary>
    public async Task<IReadOnlyList<SigningKey>> PublishedAsync(string bodyId, CancellationToken ct) =>
        [.. (await db.SigningKeys.AsNoTracking().Where(k => k.BodyId == bodyId).ToListAsync(ct)).OrderBy(k => k.CreatedAt)];

    public byte[] PrivateSeed(SigningKey key) => protector.Unprotect(key.ProtectedPrivateKey, key.BodyId, key.KeyId);

    private async Task<SigningKey> CreateAsync(string bodyId, DateTimeOffset now, CancellationToken ct)
    {
        var pair = Ed25519.Generate();
        var sameDay = $"key-{now:yyyyMMdd}-";
        var taken = await db.SigningKeys.AsNoTracking().Where(k => k.BodyId == bodyId && k.KeyId.StartsWith(sameDay)).CountAsync(ct)
            + db.SigningKeys.Local.Count(k => k.BodyId == bodyId && k.KeyId.StartsWith(sameDay, StringComparison.Ordinal) && db.Entry(k).State == EntityState.Added);
        var keyId = sameDay + (taken + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = SigningKey.Create(Guid.CreateVersion7(now), bodyId, keyId, pair.PublicKey, KeyFingerprint.Of(pair.PublicKey),
            protector.Protect(pair.PrivateSeed, bodyId, keyId), now);
        Array.Clear(pair.PrivateSeed);
        db.SigningKeys.Add(key);
        return key;
    }

    private async Task RequireBodyAsync(CommandContext who, string bodyId, CancellationToken ct)
    {
        who.Actor.Require(Permission.SigningKeysManage, bodyId);
        var body = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == bodyId, ct)
            ?? throw DomainException.NotFound("organisation-not-found", $"There is no organisation {bodyId}.");
        if (body.Kind != OrganisationKind.CertificationBody)
        {
            throw DomainException.Invalid("not-a-body", $"{bodyId} is not a certification body; only bodies sign certificates.", "id");
        }
    }
}
