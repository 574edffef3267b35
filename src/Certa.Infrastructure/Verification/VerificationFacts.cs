using Certa.Domain.Verification;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Verification;

/// <summary>
/// What verification needs from outside the certificate: whether the key that signed it was valid then, and whether its
/// body was designated for its product type on the day it was issued. Keys and designations are few and change rarely, so
/// the answers are shared by the whole process (<see cref="VerificationFactsCache"/>).
/// </summary>
public sealed class VerificationFacts(CertaDbContext db, VerificationFactsCache cache)
{

    public async Task<Finding?> KeyFindingAsync(string bodyId, string verificationMethod, DateTimeOffset signedAt, CancellationToken ct)
    {
        var keyId = verificationMethod[(verificationMethod.LastIndexOf('#') + 1)..];
        var keys = cache.Now().Keys;
        if (!keys.TryGetValue((bodyId, keyId), out var key))
        {
            key = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.BodyId == bodyId && k.KeyId == keyId, ct);
            keys[(bodyId, keyId)] = key;
        }

        return key switch
        {
            null => new Finding(FindingCodes.KeyNotValid, $"The certificate's credential names key {keyId}, which its body does not publish: the signature cannot be trusted."),
            { } k when k.ValidAt(signedAt) => null,
            { RevokedFrom: { } revoked } k => new Finding(FindingCodes.KeyNotValid,
                $"The certificate was signed on {signedAt:yyyy-MM-dd HH:mm} UTC with key {k.KeyId}, which its body revoked from {revoked:yyyy-MM-dd HH:mm} UTC{(k.RevocationReason is { } why ? $" ({why})" : string.Empty)}: the signature cannot be trusted."),
            { } k => new Finding(FindingCodes.KeyNotValid, $"The certificate was signed on {signedAt:yyyy-MM-dd HH:mm} UTC with key {k.KeyId}, which was not in service then."),
        };
    }

    /// <summary>Whether the body has revoked or retired a key: until it has, every signature it made passes the key check.</summary>
    public async Task<bool> BodyHasRetiredKeysAsync(string bodyId, CancellationToken ct)
    {
        var bodies = cache.Now().BodiesWithRetiredKeys;
        if (!bodies.TryGetValue(bodyId, out var retired))
        {
            retired = await db.SigningKeys.AsNoTracking().AnyAsync(k => k.BodyId == bodyId && (k.RevokedFrom != null || k.RetiredAt != null), ct);
            bodies[bodyId] = retired;
        }

        return retired;
    }

    public async Task<Finding?> DesignationFindingAsync(string bodyId, string productTypeId, DateOnly issuedOn, CancellationToken ct)
    {
        var designations = cache.Now().Designations;
        if (!designations.TryGetValue((bodyId, productTypeId), out var why))
        {
            why = await WhyNotAsync(bodyId, productTypeId, ct);
            designations[(bodyId, productTypeId)] = why;
        }

        return why(issuedOn) is { } reason ? new Finding(FindingCodes.BodyNotDesignated, reason) : null;
    }

    private async Task<Func<DateOnly, string?>> WhyNotAsync(string bodyId, string productTypeId, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == bodyId, ct);
        var product = await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productTypeId, ct);
        if (organisation is null || product is null)
        {
            // A product type the registry does not list (a G-mark registration's own code) has nothing to check against.
            return _ => null;
        }

        var registryId = organisation.RegistryId ?? organisation.Id;
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == registryId, ct);
        var name = organisation.Name.En;
        return body is null
            ? _ => $"{name} is not a certification body in the registry, so nothing shows it was designated for {product.Id} ({product.Name.En}) when it issued this certificate."
            : on => body.WhyNotDesignated(product, on) is { } why
                ? $"{name} was not designated for {product.Id} ({product.Name.En}) on {on:yyyy-MM-dd}, the day it issued this certificate: {why}."
                : null;
    }
}
