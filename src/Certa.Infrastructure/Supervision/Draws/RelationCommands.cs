using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Draws;

/// <summary>
/// An auditor's own declared relations to enterprises and bodies: declared and ended by the auditor, never deleted;
/// a standing one keeps the auditor out of those organisations' draw targets.
/// </summary>
public sealed class RelationCommands(CertaDbContext db, TimeProvider clock)
{
    public async Task<DeclaredRelation> DeclareAsync(CommandContext who, string relatedTo, string nature, CancellationToken ct)
    {
        var (person, organisation) = Auditor(who.Actor);
        var related = relatedTo?.Trim() ?? string.Empty;
        if (related.Length > 0 && !await db.Organisations.AnyAsync(o => o.Id == related, ct))
        {
            throw DomainException.Invalid("related-to-unknown", $"There is no organisation '{related}' on Certa; name it by its id (e.g. demo-laptop-maker).", "relatedTo");
        }

        if (await db.DeclaredRelations.AnyAsync(d => d.PersonId == person && d.RelatedTo == related && d.EndedAt == null, ct))
        {
            throw DomainException.Conflict("relation-declared", $"You have already declared a standing relation to {related}.");
        }

        var now = clock.GetUtcNow();
        var relation = DeclaredRelation.Declare(Guid.CreateVersion7(now), person, organisation, related, nature ?? string.Empty, now);
        db.DeclaredRelations.Add(relation);
        await db.CommitAsync(who, now, ct);
        return relation;
    }

    public async Task<DeclaredRelation> EndAsync(CommandContext who, Guid relationId, CancellationToken ct)
    {
        var (person, _) = Auditor(who.Actor);
        var relation = await db.DeclaredRelations.FirstOrDefaultAsync(d => d.Id == relationId && d.PersonId == person, ct)
            ?? throw DomainException.NotFound("relation-not-found", $"You have no declared relation {relationId}.");
        relation.End(clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return relation;
    }

    /// <summary>The actor's own relations, standing first, newest first.</summary>
    public async Task<IReadOnlyList<DeclaredRelation>> MineAsync(Actor actor, CancellationToken ct)
    {
        var (person, _) = Auditor(actor);
        var list = await db.DeclaredRelations.AsNoTracking().Where(d => d.PersonId == person).ToListAsync(ct);
        return [.. list.OrderBy(d => d.Stands ? 0 : 1).ThenByDescending(d => d.DeclaredAt)];
    }

    private static (Guid Person, string Organisation) Auditor(Actor actor)
    {
        if (actor.PersonId is not { } person || actor.OrganisationId is not { } organisation)
        {
            throw DomainException.Forbidden("not-a-person", "Relations are declared by an auditor signed in as themselves.");
        }

        actor.Require(Permission.RelationsDeclare, organisation);
        return (person, organisation);
    }
}
