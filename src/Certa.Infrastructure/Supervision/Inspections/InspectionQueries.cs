using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Inspections;

/// <summary>Inspections for those who may see them: the organiser and the certificate's body; an authority officer any.</summary>
public sealed class InspectionQueries(CertaDbContext db)
{
    /// <summary>How many a list shows at most, newest planned first.</summary>
    public const int ListLimit = 500;

    public async Task<Inspection> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw DomainException.NotFound("inspection-not-found", $"There is no inspection {id}.");
        if (!actor.May(Permission.InspectionsRead, inspection.BodyId))
        {
            actor.Require(Permission.InspectionsRead, inspection.OrganisedBy);
        }

        return inspection;
    }

    /// <summary>The inspections the actor's organisation organises or whose certificates it issued, newest planned first.</summary>
    public async Task<IReadOnlyList<Inspection>> ListAsync(Actor actor, InspectionState? state, CancellationToken ct)
    {
        var organisation = actor.OrganisationId ?? string.Empty;
        actor.Require(Permission.InspectionsRead, organisation);
        var query = db.Inspections.AsNoTracking().Where(i => i.OrganisedBy == organisation || i.BodyId == organisation);
        if (state is { } s)
        {
            query = query.Where(i => i.State == s);
        }

        return await query.OrderByDescending(i => i.PlannedOn).ThenBy(i => i.CertificateNumber).Take(ListLimit).ToListAsync(ct);
    }
}
