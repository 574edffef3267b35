using System.Collections.Concurrent;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Verification;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Verification;

/// <summary>
/// Verifies one certificate number for anyone: its state on the day, the key its credential was signed with, whether its
/// body was designated for the product type when it issued it, and the model and party the verifier names. Unknown numbers
/// come back with the look-alikes that do exist.
/// </summary>
public sealed class CertificateVerifier(CertaDbContext db, VerificationFacts facts, TimeProvider clock)
{
    private const int MaxNumberLength = 64;

    // Compiled once per provider (a compiled query keeps the SQL of the first context it ran on): a lookup that misses the
    // answer cache is two small queries, and translating them anew each time was a fifth of its cost.
    private static readonly ConcurrentDictionary<Type, CompiledLookups> Compiled = new();

    private sealed class CompiledLookups
    {
        public Func<CertaDbContext, string, CancellationToken, Task<Certificate?>> CertificateByNumber { get; } =
            EF.CompileAsyncQuery((CertaDbContext db, string number, CancellationToken ct) => db.Certificates.AsNoTracking().FirstOrDefault(c => c.Number == number));

        public Func<CertaDbContext, Guid, int, CancellationToken, Task<IssuedCredential?>> CredentialOfVersion { get; } =
            EF.CompileAsyncQuery((CertaDbContext db, Guid certificate, int version, CancellationToken ct) =>
                db.IssuedCredentials.AsNoTracking().FirstOrDefault(c => c.CertificateId == certificate && c.Version == version));
    }

    public async Task<VerificationReport> VerifyAsync(VerificationRequest request, CancellationToken ct)
    {
        var number = Check(request);
        var on = Day(request.On);
        var lookups = Compiled.GetOrAdd(db.GetType(), _ => new CompiledLookups());
        var certificate = await lookups.CertificateByNumber(db, number, ct);
        if (certificate is null)
        {
            return new VerificationReport(CertificateJudge.Unknown(number, on, await LookalikesAsync(number, ct)), null, null);
        }

        var at = CertificateJudge.EndOf(on);
        var version = certificate.Versions.LastOrDefault(v => v.At <= at)?.Version ?? 1;
        var credential = await lookups.CredentialOfVersion(db, certificate.Id, version, ct);
        var standing = CertificateStanding.Of(certificate,
            credential is null ? null : await facts.KeyFindingAsync(certificate.BodyId, credential.KeyId, credential.SignedAt, ct),
            await facts.DesignationFindingAsync(certificate.BodyId, certificate.ProductTypeId, certificate.IssuedOn, ct));
        return new VerificationReport(CertificateJudge.Judge(standing, request, on), certificate, credential);
    }

    /// <summary>Certificates whose numbers are one slip away from <paramref name="number"/>, closest first.</summary>
    public async Task<IReadOnlyList<string>> LookalikesAsync(string number, CancellationToken ct)
    {
        // A look-alike cut through a surrogate pair (an emoji typed as a number) is no number and no valid text to send to the database.
        var candidates = NumberLookalikes.Candidates(number).Where(c => !c.Any(char.IsSurrogate)).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var found = await db.Certificates.AsNoTracking().Where(c => candidates.Contains(c.Number)).Select(c => c.Number).Take(20).ToListAsync(ct);
        var normal = NumberLookalikes.Normalise(number);
        return [.. found.OrderBy(f => NumberLookalikes.Distance(normal, f)).ThenBy(f => f, StringComparer.Ordinal).Take(3)];
    }

    /// <summary>The day asked about: today when none; never after today, since the future is not on record yet.</summary>
    public DateOnly Day(DateOnly? asked) => Day(asked, clock);

    /// <inheritdoc cref="Day(DateOnly?)"/>
    public static DateOnly Day(DateOnly? asked, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return asked switch
        {
            null => today,
            { } day when day > today => throw DomainException.Invalid("at-in-future",
                $"Certificates can be checked as of today ({today:yyyy-MM-dd}) or an earlier day, not {day:yyyy-MM-dd}.", "at"),
            { } day => day,
        };
    }

    /// <summary>The <c>at</c> a caller wrote (YYYY-MM-DD), or none; anything else is refused with how to write it.</summary>
    public static DateOnly? ParseDay(string? at) =>
        string.IsNullOrWhiteSpace(at) ? null
        : DateOnly.TryParseExact(at.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day
        : throw DomainException.Invalid("at-invalid", $"'{at}' is not a day: write it as YYYY-MM-DD, e.g. 2025-06-30.", "at");

    public static string Check(VerificationRequest request)
    {
        var number = request.Number?.Trim() ?? string.Empty;
        return number.Length switch
        {
            0 => throw DomainException.Invalid("number-required", "Give the certificate number to check, as printed on the certificate.", "number"),
            > MaxNumberLength => throw DomainException.Invalid("number-invalid", $"A certificate number has at most {MaxNumberLength} characters.", "number"),
            _ => number,
        };
    }
}
