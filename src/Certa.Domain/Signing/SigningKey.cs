using Certa.Domain.Common;

namespace Certa.Domain.Signing;

/// <summary>
/// One of a body's Ed25519 signing keys. The public key is published (DID document, JWKS) and stays
/// published after rotation so old credentials keep verifying; the private key is held only encrypted
/// (<see cref="ProtectedPrivateKey"/>: the database never sees it in clear). Rotation retires the
/// active key; a compromised key is revoked from a date, which may be in the past.
/// </summary>
public sealed class SigningKey : Aggregate
{
    private SigningKey()
    {
        BodyId = KeyId = Fingerprint = string.Empty;
        PublicKey = ProtectedPrivateKey = [];
    }

    public Guid Id { get; private set; }

    public string BodyId { get; private set; }

    /// <summary>The fragment that names the key in the body's DID document: <c>did:web:…#key-2026-11-27-1</c>.</summary>
    public string KeyId { get; private set; }

    public byte[] PublicKey { get; private set; }

    public byte[] ProtectedPrivateKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public SigningKeyState State { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public DateTimeOffset? RevokedFrom { get; private set; }

    public string? RevocationReason { get; private set; }

    public int Revision { get; private set; }

    /// <summary>A short digest of the public key, for people to compare (on a PDF, in the key list).</summary>
    public string Fingerprint { get; private set; }

    public override string EntityType => "signing_key";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => BodyId;

    public static SigningKey Create(Guid id, string bodyId, string keyId, byte[] publicKey, string fingerprint, byte[] protectedPrivateKey,
        DateTimeOffset at)
    {
        if (publicKey is not { Length: 32 })
        {
            throw DomainException.Invalid("public-key-invalid", "An Ed25519 public key is 32 bytes.", "publicKey");
        }

        var key = new SigningKey
        {
            Id = id,
            BodyId = Guard.Required(bodyId, "bodyId"),
            KeyId = Guard.Id(keyId),
            PublicKey = publicKey,
            Fingerprint = fingerprint,
            ProtectedPrivateKey = protectedPrivateKey is { Length: > 0 } ? protectedPrivateKey
                : throw DomainException.Invalid("private-key-required", "The key's private half must be stored (encrypted).", "privateKey"),
            // Proofs state their time to the second (eddsa-jcs-2022 "created"): a key made at 10:00:00.7 must vouch for a proof of 10:00:00.
            CreatedAt = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)),
            State = SigningKeyState.Active,
        };
        key.Record("signing_key.created", new { keyId = key.KeyId, fingerprint = key.Fingerprint, algorithm = "Ed25519" });
        return key;
    }

    /// <summary>Whether a signature made at <paramref name="at"/> with this key counts.</summary>
    public bool ValidAt(DateTimeOffset at) =>
        at >= CreatedAt && (RetiredAt is null || at <= RetiredAt) && (RevokedFrom is null || at < RevokedFrom);

    public void Retire(DateTimeOffset at)
    {
        if (State != SigningKeyState.Active)
        {
            throw DomainException.Conflict("key-not-active", $"Key {KeyId} is {SnakeCaseNames.Of(State.ToString())}; only the active key is retired.");
        }

        State = SigningKeyState.Retired;
        RetiredAt = at;
        Revision++;
        Record("signing_key.retired", new { keyId = KeyId });
    }

    /// <summary>Marks the key compromised from <paramref name="from"/>: signatures made since then no longer verify.</summary>
    public void Revoke(DateTimeOffset from, string reason, DateTimeOffset at)
    {
        if (State == SigningKeyState.Revoked)
        {
            throw DomainException.Conflict("key-revoked", $"Key {KeyId} is already revoked from {RevokedFrom:yyyy-MM-dd HH:mm}.");
        }

        if (from > at)
        {
            throw DomainException.Invalid("revocation-in-future", "A key is revoked from now or from a past moment (when it was compromised), not from a future one.", "from");
        }

        if (from < CreatedAt)
        {
            from = CreatedAt;
        }

        RevocationReason = string.IsNullOrWhiteSpace(reason)
            ? throw DomainException.Invalid("reason-required", "Say why the key is revoked: verifiers are told.", "reason")
            : reason.Trim();
        RetiredAt ??= at;
        RevokedFrom = from;
        State = SigningKeyState.Revoked;
        Revision++;
        Record("signing_key.revoked", new { keyId = KeyId, from, reason = RevocationReason });
    }

    public override object AuditState() => new
    {
        id = Id,
        body = BodyId,
        keyId = KeyId,
        fingerprint = Fingerprint,
        state = SnakeCaseNames.Of(State.ToString()),
        createdAt = CreatedAt,
        retiredAt = RetiredAt,
        revokedFrom = RevokedFrom,
        reason = RevocationReason,
    };
}
