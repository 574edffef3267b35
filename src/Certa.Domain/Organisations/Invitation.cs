using Certa.Domain.Access;
using Certa.Domain.Common;

namespace Certa.Domain.Organisations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
}

/// <summary>
/// An organisation admin's invitation to join with given roles. The link carries a random token;
/// only its hash is kept, so the link is shown once, to the admin who made it.
/// </summary>
public sealed class Invitation : Aggregate
{
    /// <summary>How long a link stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private List<Role> roles = [];

    private Invitation()
    {
        OrganisationId = Email = TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }

    public string OrganisationId { get; private set; }

    public string Email { get; private set; }

    public IReadOnlyList<Role> Roles => roles;

    public string TokenHash { get; private set; }

    public Guid? InvitedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public InvitationStatus Status { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public override string EntityType => "invitation";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => OrganisationId;

    /// <summary>Makes an invitation and the token for its link (shown once, never stored).</summary>
    public static (Invitation Invitation, string Token) Issue(Organisation organisation, string email, IEnumerable<Role> roles,
        Guid? invitedBy, DateTimeOffset at)
    {
        var list = roles.Distinct().Order().ToList();
        // The roles are checked now, so an admin learns of a misfit when inviting, not when the invitee accepts.
        _ = Person.Join(Guid.Empty, organisation, "check", email, list, at);
        var token = Secrets.New();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(at),
            OrganisationId = organisation.Id,
            Email = EmailAddress.Normalize(email),
            roles = list,
            TokenHash = Secrets.Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = at,
            ExpiresAt = at + Lifetime,
            Status = InvitationStatus.Pending,
        };
        invitation.Record("invitation.issued", new { organisation = organisation.Id, email = invitation.Email, roles = invitation.RoleNames() });
        return (invitation, token);
    }

    /// <summary>Whether the invitation can still be accepted with <paramref name="token"/> at <paramref name="at"/>; the reason if not.</summary>
    public string? WhyNotAcceptable(string token, DateTimeOffset at) =>
        !Secrets.Matches(token, TokenHash) ? "This invitation link is not valid."
        : Status == InvitationStatus.Accepted ? "This invitation has already been accepted; sign in instead."
        : Status == InvitationStatus.Revoked ? "This invitation was withdrawn by your organisation's admin."
        : at >= ExpiresAt ? $"This invitation expired on {ExpiresAt:yyyy-MM-dd HH:mm} UTC; ask your organisation's admin for a new one."
        : null;

    /// <summary>Turns the invitation into a person of the organisation.</summary>
    public Person Accept(string token, Organisation organisation, string displayName, Guid personId, DateTimeOffset at)
    {
        if (WhyNotAcceptable(token, at) is { } reason)
        {
            throw DomainException.Conflict("invitation-not-acceptable", reason);
        }

        var person = Person.Join(personId, organisation, displayName, Email, roles, at, Id);
        Status = InvitationStatus.Accepted;
        AcceptedAt = at;
        Record("invitation.accepted", new { person = person.Id });
        return person;
    }

    public void Revoke()
    {
        if (Status != InvitationStatus.Pending)
        {
            throw DomainException.Conflict("invitation-not-pending", $"The invitation for {Email} is {Common.SnakeCaseNames.Of(Status.ToString())}, not pending.");
        }

        Status = InvitationStatus.Revoked;
        Record("invitation.revoked");
    }

    public override object AuditState() => new
    {
        id = Id,
        organisation = OrganisationId,
        email = Email,
        roles = RoleNames(),
        status = Common.SnakeCaseNames.Of(Status.ToString()),
        expiresAt = ExpiresAt,
    };

    private string[] RoleNames() => [.. roles.Select(r => r.Name())];
}
