using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Organisations;

/// <summary>Read side of organisations and their people, invitations and keys; callers check the actor's reach first.</summary>
public sealed class OrganisationQueries(CertaDbContext db)
{
    /// <summary>Every organisation for an actor that reaches any; otherwise just the actor's own.</summary>
    public async Task<IReadOnlyList<Organisation>> VisibleAsync(Actor actor, CancellationToken ct) =>
        actor.ReachOf(Permission.OrganisationsRead) == Reach.Any
            ? await db.Organisations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Id).ToListAsync(ct)
            : await db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).ToListAsync(ct);

    public Task<Organisation?> FindAsync(string id, CancellationToken ct) =>
        db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);

    public Task<IReadOnlyList<PersonDto>> PeopleAsync(string organisationId, CancellationToken ct) => PeopleAsync(organisationId, null, ct);

    /// <summary>One person of the organisation, as the people list shows them.</summary>
    public async Task<PersonDto> PersonAsync(string organisationId, Guid personId, CancellationToken ct) =>
        (await PeopleAsync(organisationId, personId, ct)).Single();

    private async Task<IReadOnlyList<PersonDto>> PeopleAsync(string organisationId, Guid? personId, CancellationToken ct)
    {
        var rows = await (from p in db.People.AsNoTracking()
                          join u in db.Users.AsNoTracking() on p.Id equals u.Id
                          where p.OrganisationId == organisationId && (personId == null || p.Id == personId)
                          orderby p.DisplayName
                          select new { p, u.TwoFactorEnabled }).ToListAsync(ct);
        return [.. rows.Select(r => new PersonDto(r.p.Id, r.p.OrganisationId, r.p.DisplayName, r.p.Email,
            [.. r.p.Roles.Select(x => x.Name())], SnakeCaseNames.Of(r.p.Status.ToString()), r.TwoFactorEnabled, r.p.JoinedAt))];
    }

    public async Task<IReadOnlyList<InvitationDto>> PendingInvitationsAsync(string organisationId, CancellationToken ct) =>
        [.. (await db.Invitations.AsNoTracking().Where(i => i.OrganisationId == organisationId && i.Status == InvitationStatus.Pending)
            .ToListAsync(ct)).OrderByDescending(i => i.CreatedAt).Select(InvitationDto.From)];

    public async Task<IReadOnlyList<ApiKeyDto>> ApiKeysAsync(string organisationId, CancellationToken ct) =>
        [.. (await db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == organisationId).ToListAsync(ct))
            .OrderByDescending(k => k.CreatedAt).Select(ApiKeyDto.From)];
}
