using Certa.Domain.Access;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Organisations;

/// <summary>Finds the actor behind a signed-in person's id or a presented API key, as the database says now.</summary>
public sealed class ActorDirectory(CertaDbContext db, TimeProvider clock)
{
    /// <summary>The person as an actor; null if unknown or deactivated.</summary>
    public async Task<Actor?> ForPersonAsync(Guid personId, CancellationToken ct)
    {
        var found = await (from p in db.People.AsNoTracking()
                           join o in db.Organisations.AsNoTracking() on p.OrganisationId equals o.Id
                           where p.Id == personId
                           select new { p, o }).FirstOrDefaultAsync(ct);
        return found is null || !found.p.IsActive ? null : Actor.ForPerson(found.p, found.o);
    }

    /// <summary>The machine client a presented key belongs to; null if the key is malformed, unknown, revoked, expired or wrong.</summary>
    public async Task<Actor?> ForApiKeyAsync(string presented, CancellationToken ct)
    {
        if (!ApiKey.TryParse(presented, out var id, out var secret))
        {
            return null;
        }

        var found = await (from k in db.ApiKeys.AsNoTracking()
                           join o in db.Organisations.AsNoTracking() on k.OrganisationId equals o.Id
                           where k.Id == id
                           select new { k, o }).FirstOrDefaultAsync(ct);
        return found is not null && found.k.Accepts(secret, clock.GetUtcNow()) ? Actor.ForClient(found.k, found.o) : null;
    }
}
