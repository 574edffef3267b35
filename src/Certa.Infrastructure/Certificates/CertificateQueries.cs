using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates;

/// <summary>Certificates as their body, their holder and the authority see them.</summary>
public sealed class CertificateQueries(CertaDbContext db)
{
    public async Task<Certificate> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw DomainException.NotFound("certificate-not-found", $"There is no certificate {id}.");
        if (!actor.May(Permission.CertificatesRead, certificate.HolderId))
        {
            actor.Require(Permission.CertificatesRead, certificate.BodyId);
        }

        return certificate;
    }

    /// <summary>A certificate by its number, for anyone: certificates are a public register.</summary>
    public async Task<Certificate> PublicAsync(string number, CancellationToken ct) =>
        await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number.Trim(), ct)
        ?? throw DomainException.NotFound("certificate-not-found", $"There is no certificate numbered {number}.");

    public async Task<IReadOnlyList<Certificate>> ListAsync(Actor actor, Guid? applicationId, CancellationToken ct)
    {
        var query = db.Set<Certificate>().AsNoTracking();
        if (actor.ReachOf(Permission.CertificatesRead) != Reach.Any)
        {
            query = query.Where(c => c.HolderId == actor.OrganisationId || c.BodyId == actor.OrganisationId);
        }

        if (applicationId is { } id)
        {
            query = query.Where(c => c.ApplicationId == id);
        }

        return [.. (await query.ToListAsync(ct)).OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Number, StringComparer.Ordinal)];
    }
}
