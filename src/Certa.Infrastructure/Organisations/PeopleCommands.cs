using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Identity;
using Certa.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Organisations;

/// <summary>
/// People joining, being invited, changing roles and leaving. Each command checks the actor's reach,
/// saves the change with its audit events in one transaction, and leaves nothing behind when refused.
/// </summary>
public sealed class PeopleCommands(CertaDbContext db, UserManager<CertaUser> users, TimeProvider clock)
{
    /// <summary>Adds a person with a password straight away (the demo world, the first platform admin).</summary>
    public async Task<Person> AddAsync(CommandContext who, string organisationId, string displayName, string email,
        IReadOnlyList<Role> roles, string password, CancellationToken ct)
    {
        who.Actor.Require(Permission.PeopleManage, organisationId);
        var organisation = await OrganisationAsync(organisationId, ct);
        var address = EmailAddress.Normalize(email);
        // Made (and so checked) before the sign-in tables are touched, so a refusal leaves both alone; it is
        // tracked only after the user exists, because Identity saves the user on its own.
        var person = Person.Join(Guid.CreateVersion7(clock.GetUtcNow()), organisation, displayName, address, roles, clock.GetUtcNow());
        await RefuseTakenAsync(address, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IdentityErrors.ThrowIfFailed(await users.CreateAsync(new CertaUser(person.Id, address), password), address);
        db.People.Add(person);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return person;
    }

    /// <summary>Invites <paramref name="email"/>; a pending invitation for the same address is withdrawn and replaced.</summary>
    public async Task<(Invitation Invitation, string Token)> InviteAsync(CommandContext who, string organisationId, string email,
        IReadOnlyList<Role> roles, CancellationToken ct)
    {
        who.Actor.Require(Permission.PeopleManage, organisationId);
        var organisation = await OrganisationAsync(organisationId, ct);
        var address = EmailAddress.Normalize(email);
        await RefuseTakenAsync(address, ct);
        var (invitation, token) = Invitation.Issue(organisation, address, roles, who.Actor.PersonId, clock.GetUtcNow());
        foreach (var earlier in await db.Invitations.Where(i => i.OrganisationId == organisationId && i.Email == address && i.Status == InvitationStatus.Pending).ToListAsync(ct))
        {
            earlier.Revoke();
        }

        db.Invitations.Add(invitation);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return (invitation, token);
    }

    public async Task RevokeInvitationAsync(CommandContext who, string organisationId, Guid invitationId, CancellationToken ct)
    {
        who.Actor.Require(Permission.PeopleManage, organisationId);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == organisationId, ct)
            ?? throw DomainException.NotFound("invitation-not-found", $"Organisation '{organisationId}' has no invitation {invitationId}.");
        invitation.Revoke();
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
    }

    /// <summary>The invitation a link's token stands for, with its organisation; null when no invitation has that token.</summary>
    public async Task<(Invitation Invitation, Organisation Organisation)?> FindInvitationAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var hash = Secrets.Hash(token.Trim());
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is null ? null : (invitation, await OrganisationAsync(invitation.OrganisationId, ct));
    }

    /// <summary>Creates the invited person with the password they chose; the new person is the actor of the audit events.</summary>
    public async Task<Person> AcceptInvitationAsync(string token, string displayName, string password, string correlationId, CancellationToken ct)
    {
        var hash = Secrets.Hash(token?.Trim() ?? string.Empty);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw DomainException.NotFound("invitation-not-found", "This invitation link is not valid; ask your organisation's admin for a new one.");
        var organisation = await OrganisationAsync(invitation.OrganisationId, ct);
        if (invitation.WhyNotAcceptable(token!.Trim(), clock.GetUtcNow()) is { } reason)
        {
            throw DomainException.Conflict("invitation-not-acceptable", reason);
        }

        var personId = Guid.CreateVersion7(clock.GetUtcNow());
        // Checks the name before the sign-in tables are touched.
        Person.Join(personId, organisation, displayName, invitation.Email, invitation.Roles, clock.GetUtcNow()).ClearEvents();
        await RefuseTakenAsync(invitation.Email, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IdentityErrors.ThrowIfFailed(await users.CreateAsync(new CertaUser(personId, invitation.Email), password), invitation.Email);
        var person = invitation.Accept(token.Trim(), organisation, displayName, personId, clock.GetUtcNow());
        db.People.Add(person);
        await db.CommitAsync(new CommandContext(Actor.ForPerson(person, organisation), correlationId), clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return person;
    }

    public async Task<Person> SetRolesAsync(CommandContext who, string organisationId, Guid personId, IReadOnlyList<Role> roles, CancellationToken ct)
    {
        who.Actor.Require(Permission.PeopleManage, organisationId);
        var organisation = await OrganisationAsync(organisationId, ct);
        var person = await PersonAsync(organisationId, personId, ct);
        person.SetRoles(roles, organisation, who.Actor.PersonId);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return person;
    }

    public async Task<Person> DeactivateAsync(CommandContext who, string organisationId, Guid personId, CancellationToken ct)
    {
        who.Actor.Require(Permission.PeopleManage, organisationId);
        var person = await PersonAsync(organisationId, personId, ct);
        person.Deactivate(who.Actor.PersonId);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        // Ends the person's sessions at the next security-stamp check (Certa also reloads the actor on every request).
        if (await users.FindByIdAsync(personId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return person;
    }

    public async Task<Person> ReactivateAsync(CommandContext who, string organisationId, Guid personId, CancellationToken ct)
    {
        who.Actor.Require(Permission.PeopleManage, organisationId);
        var person = await PersonAsync(organisationId, personId, ct);
        person.Reactivate();
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return person;
    }

    /// <summary>
    /// Makes a credential change through the sign-in system (<paramref name="apply"/>: change the
    /// password, turn two-factor on or off) and records it in the audit trail, in one transaction:
    /// if Identity refuses, or the audit event cannot be written, nothing changes.
    /// </summary>
    public async Task<IdentityResult> ChangeCredentialsAsync(CommandContext who, Guid personId, CredentialChange change,
        Func<Task<IdentityResult>> apply, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw DomainException.NotFound("person-not-found", $"No person {personId}.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await apply();
        if (!result.Succeeded)
        {
            return result;
        }

        person.NoteCredentialChange(change);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task<Organisation> OrganisationAsync(string organisationId, CancellationToken ct) =>
        await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct)
        ?? throw DomainException.NotFound("organisation-not-found", $"There is no organisation '{organisationId}'.");

    private async Task<Person> PersonAsync(string organisationId, Guid personId, CancellationToken ct) =>
        await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.OrganisationId == organisationId, ct)
        ?? throw DomainException.NotFound("person-not-found", $"Organisation '{organisationId}' has no person {personId}.");

    private async Task RefuseTakenAsync(string email, CancellationToken ct)
    {
        if (await db.People.AnyAsync(p => p.Email == email, ct))
        {
            throw DomainException.Conflict("email-taken", $"{email} already has an account in Certa.");
        }
    }
}
