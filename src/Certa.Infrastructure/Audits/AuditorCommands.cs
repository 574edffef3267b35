using Certa.Domain.Access;
using Certa.Domain.Audits;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Audits;

/// <summary>What the body admin says of an auditor's registration.</summary>
public sealed record AuditorRegistrationInput(string RegistrationNumber, AuditorQualification Qualification, IReadOnlyList<string> Scope, DateOnly ValidUntil);

/// <summary>An auditor of a body with their registration, for lists and the plan form.</summary>
public sealed record RegisteredAuditor(Person Person, AuditorRegistration Registration);

/// <summary>The body's registered auditors: the body admin registers them; only they can be put on an audit team.</summary>
public sealed class AuditorCommands(CertaDbContext db, TimeProvider clock)
{
    /// <summary>Registers a person holding the auditor role in a body, or revises their registration.</summary>
    public async Task<AuditorRegistration> RegisterAsync(CommandContext who, Guid personId, AuditorRegistrationInput input, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw DomainException.NotFound("person-not-found", $"There is no person {personId}.");
        who.Actor.Require(Permission.AuditorsManage, person.OrganisationId);
        if (!person.Roles.Contains(Role.Auditor))
        {
            throw DomainException.Invalid("not-an-auditor", $"{person.DisplayName} does not hold the auditor role; give it first.", "person");
        }

        var number = input.RegistrationNumber?.Trim() ?? string.Empty;
        if (await db.Set<AuditorRegistration>().AnyAsync(r => r.RegistrationNumber == number && r.PersonId != personId, ct))
        {
            throw DomainException.Conflict("registration-number-taken", $"Registration number {number} belongs to another auditor.");
        }

        var registration = await db.Set<AuditorRegistration>().FirstOrDefaultAsync(r => r.PersonId == personId, ct);
        if (registration is null)
        {
            registration = AuditorRegistration.Register(personId, person.OrganisationId, number, input.Qualification, input.Scope, input.ValidUntil);
            db.Add(registration);
        }
        else
        {
            registration.Revise(number, input.Qualification, input.Scope, input.ValidUntil);
        }

        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return registration;
    }

    /// <summary>The body's auditors with a registration, active people only.</summary>
    public async Task<IReadOnlyList<RegisteredAuditor>> ListAsync(Actor actor, string bodyId, CancellationToken ct)
    {
        actor.Require(Permission.AuditorsRead, bodyId);
        var rows = await (from r in db.Set<AuditorRegistration>().AsNoTracking()
                          join p in db.People.AsNoTracking() on r.PersonId equals p.Id
                          where r.BodyId == bodyId && p.Status == PersonStatus.Active
                          select new { p, r }).ToListAsync(ct);
        return [.. rows.Select(x => new RegisteredAuditor(x.p, x.r)).OrderBy(x => x.Person.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The team for an audit, each checked: an active auditor of the body, registered, and competent for
    /// the product type on the audit's first day. The first that is not is refused by name.
    /// </summary>
    public async Task<IReadOnlyList<AssignedAuditor>> TeamAsync(string bodyId, IReadOnlyList<Guid> personIds, string productTypeId, DateOnly on, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var registrations = await db.Set<AuditorRegistration>().AsNoTracking().Where(r => ids.Contains(r.PersonId)).ToListAsync(ct);
        var team = new List<AssignedAuditor>();
        foreach (var id in personIds)
        {
            var person = people.FirstOrDefault(p => p.Id == id);
            if (person is null || person.OrganisationId != bodyId || person.Status != PersonStatus.Active || !person.Roles.Contains(Role.Auditor))
            {
                throw DomainException.Invalid("not-an-auditor-of-the-body", $"Person {id} is not an active auditor of {bodyId}.", "auditors");
            }

            var registration = registrations.FirstOrDefault(r => r.PersonId == id)
                ?? throw DomainException.Invalid("auditor-not-registered", $"{person.DisplayName} has no auditor registration; the body admin registers auditors first.", "auditors");
            if (!registration.IsCompetentFor(productTypeId, on))
            {
                throw DomainException.Invalid("auditor-not-competent",
                    on > registration.ValidUntil
                        ? $"{person.DisplayName}'s registration {registration.RegistrationNumber} ends on {registration.ValidUntil:yyyy-MM-dd}, before the audit."
                        : $"{person.DisplayName} ({registration.RegistrationNumber}) is not competent for {productTypeId}; their scope is {string.Join(", ", registration.Scope)}.",
                    "auditors");
            }

            team.Add(new AssignedAuditor(person.Id, person.DisplayName, registration.RegistrationNumber));
        }

        return team;
    }
}
