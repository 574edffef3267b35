using Certa.Domain.Certificates;
using Certa.Infrastructure.Certification;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates;

/// <summary>
/// Gives the next certificate number of a scheme for a body, product code and year: the highest
/// sequence issued under the same prefix, plus one. Two grants racing for the same number meet the
/// unique index; the decision command retries the loser with the next one.
/// </summary>
public sealed class CertificateNumbers(CertaDbContext db, CertificationData data)
{
    public async Task<string> NextAsync(string schemeId, string bodyRegistryId, string? productCode, int year, CancellationToken ct)
    {
        var pattern = await data.NumberPatternAsync(db, schemeId, ct);
        var prefix = pattern.Prefix(bodyRegistryId, productCode, year);
        // Sequences under one prefix have one width, so the greatest number is the greatest sequence: one index seek, not a scan.
        var length = prefix.Length + pattern.SequenceWidth;
        var last = await db.Set<Certificate>().AsNoTracking()
            .Where(c => c.SchemeId == schemeId && c.Number.StartsWith(prefix) && c.Number.Length == length)
            .OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(ct);
        return pattern.Next(prefix, last is null ? [] : [last]);
    }
}
