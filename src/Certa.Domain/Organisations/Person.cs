using Certa.Domain.Access;
using Certa.Domain.Common;

namespace Certa.Domain.Organisations;

public enum PersonStatus
{
    Active,
    Deactivated,
}

/// <summary>
/// Someone who works in Certa for one organisation, with one or more roles that fit its kind.
/// Credentials (password, lockout, two-factor) live with the sign-in system under the same id.
/// </summary>
public sealed class Person : Aggregate
{
    private List<Role> roles = [];

    private Person()
    {
        OrganisationId = DisplayName = Email = string.Empty;
    }

    public Guid Id { get; private set; }

    public string OrganisationId { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>Lower case; unique across Certa.</summary>
    public string Email { get; private set; }

    public IReadOnlyList<Role> Roles => roles;

    public PersonStatus Status { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>Set when the person joined by accepting an invitation.</summary>
    public Guid? InvitationId { get; private set; }

    public override string EntityType => "person";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => OrganisationId;

    public bool IsActive => Status == PersonStatus.Active;

    public bool IsAdmin => roles.Any(r => r is Role.BodyAdmin or Role.OrganisationAdmin or Role.PlatformAdmin);

    public static Person Join(Guid id, Organisation organisation, string displayName, string email,
        IEnumerable<Role> roles, DateTimeOffset at, Guid? invitationId = null)
    {
        var name = displayName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            throw DomainException.Invalid("name-required", "A person needs a name of at most 200 characters.", "displayName");
        }

        var person = new Person
        {
            Id = id,
            OrganisationId = organisation.Id,
            DisplayName = name,
            Email = EmailAddress.Normalize(email),
            roles = CheckRoles(roles, organisation),
            Status = PersonStatus.Active,
            JoinedAt = at,
            InvitationId = invitationId,
        };
        person.Record("person.joined", new { organisation = organisation.Id, roles = person.RoleNames(), invitation = invitationId });
        return person;
    }

    /// <summary>Replaces the person's roles. Nobody removes their own admin role: another admin must, so an organisation keeps one.</summary>
    public void SetRoles(IEnumerable<Role> newRoles, Organisation organisation, Guid? byPerson)
    {
        if (organisation.Id != OrganisationId)
        {
            throw DomainException.Forbidden("other-organisation", $"{Email} belongs to '{OrganisationId}', not '{organisation.Id}'.");
        }

        var checkedRoles = CheckRoles(newRoles, organisation);
        if (byPerson == Id && IsAdmin && !checkedRoles.Any(r => r is Role.BodyAdmin or Role.OrganisationAdmin or Role.PlatformAdmin))
        {
            throw DomainException.Conflict("own-admin-role", "You cannot remove your own admin role; another admin of your organisation can.");
        }

        if (checkedRoles.SequenceEqual(roles))
        {
            return;
        }

        var before = RoleNames();
        roles = checkedRoles;
        Record("person.roles_changed", new { before, after = RoleNames() });
    }

    public void Deactivate(Guid? byPerson)
    {
        if (byPerson == Id)
        {
            throw DomainException.Conflict("deactivate-self", "You cannot deactivate yourself; another admin of your organisation can.");
        }

        if (Status == PersonStatus.Deactivated)
        {
            throw DomainException.Conflict("already-deactivated", $"{Email} is already deactivated.");
        }

        Status = PersonStatus.Deactivated;
        Record("person.deactivated");
    }

    public void Reactivate()
    {
        if (Status == PersonStatus.Active)
        {
            throw DomainException.Conflict("already-active", $"{Email} is already active.");
        }

        Status = PersonStatus.Active;
        Record("person.reactivated");
    }

    /// <summary>Records a change the sign-in system made to the person's credentials (never the credential itself).</summary>
    public void NoteCredentialChange(CredentialChange change) => Record(change switch
    {
        CredentialChange.PasswordChanged => "person.password_changed",
        CredentialChange.TwoFactorEnabled => "person.two_factor_enabled",
        CredentialChange.TwoFactorDisabled => "person.two_factor_disabled",
    });

    public override object AuditState() => new
    {
        id = Id,
        organisation = OrganisationId,
        displayName = DisplayName,
        email = Email,
        roles = RoleNames(),
        status = Common.SnakeCaseNames.Of(Status.ToString()),
    };

    private string[] RoleNames() => [.. roles.Select(r => r.Name())];

    private static List<Role> CheckRoles(IEnumerable<Role> wanted, Organisation organisation)
    {
        var list = wanted.Distinct().Order().ToList();
        if (list.Count == 0)
        {
            throw DomainException.Invalid("role-required", "A person needs at least one role.", "roles");
        }

        var misfit = list.Where(r => !r.FitsKind(organisation.Kind)).ToList();
        if (misfit.Count > 0)
        {
            throw DomainException.Invalid("role-not-for-organisation",
                $"{string.Join(", ", misfit.Select(r => r.Name()))} is not a role in a {Common.SnakeCaseNames.Of(organisation.Kind.ToString())}; " +
                $"its roles are: {string.Join(", ", Access.Roles.For(organisation.Kind).Select(r => r.Name()))}.", "roles");
        }

        return list;
    }
}

public enum CredentialChange
{
    PasswordChanged,
    TwoFactorEnabled,
    TwoFactorDisabled,
}
