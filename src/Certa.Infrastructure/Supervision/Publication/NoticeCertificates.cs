using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Publication;

/// <summary>What a notice says of its certificate: number, holder (and the holder's name as printed), body, scheme, product type.</summary>
internal sealed record NoticeCertificate(Guid Id, string Number, string HolderId, LocalizedText HolderName, string BodyId, string SchemeId, string ProductTypeId)
{
    /// <summary>The certificates of one batch of notices, by id, in one query of the narrow columns.</summary>
    public static async Task<Dictionary<Guid, NoticeCertificate>> ReadAsync(CertaDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Certificates.AsNoTracking().Where(c => wanted.Contains(c.Id))
                .Select(c => new NoticeCertificate(c.Id, c.Number, c.HolderId, c.HolderName, c.BodyId, c.SchemeId, c.ProductTypeId))
                .ToDictionaryAsync(c => c.Id, ct);
    }
}
