using Certa.Domain.Organisations;

namespace Certa.Domain.Access;

/// <summary>Who is acting: a signed-in person, a machine client with an API key, the command line, or Certa itself.</summary>
public enum ActorKind
{
    Person,
    Client,
    CommandLine,
    System,
}

/// <summary>
/// The actor of one request or command, with what it may do. Built afresh for each request from the
/// database, so a changed role or a deactivation takes effect at once.
/// </summary>
public sealed class Actor
{
    private Actor(ActorKind kind, string id, string? organisationId, OrganisationKind? organisationKind,
        IReadOnlyList<Role> roles, IReadOnlyList<Permission> scopes, string displayName)
    {
        Kind = kind;
        Id = id;
        OrganisationId = organisationId;
        OrganisationKind = organisationKind;
        Roles = roles;
        Scopes = scopes;
        DisplayName = displayName;
    }

    public ActorKind Kind { get; }

    public string Id { get; }

    public string? OrganisationId { get; }

    public OrganisationKind? OrganisationKind { get; }

    public IReadOnlyList<Role> Roles { get; }

    /// <summary>For a machine client, the scopes of its key.</summary>
    public IReadOnlyList<Permission> Scopes { get; }

    public string DisplayName { get; }

    /// <summary>How the audit trail names the actor: <c>person:{id}</c>, <c>client:{key id}</c>, <c>cli:{user}</c>, <c>system</c>.</summary>
    public string AuditName => Kind switch
    {
        ActorKind.Person => $"person:{Id}",
        ActorKind.Client => $"client:{Id}",
        ActorKind.CommandLine => $"cli:{Id}",
        ActorKind.System => "system",
    };

    public Guid? PersonId => Kind == ActorKind.Person ? Guid.Parse(Id) : null;

    public static Actor ForPerson(Person person, Organisation organisation) =>
        new(ActorKind.Person, person.Id.ToString(), organisation.Id, organisation.Kind, person.Roles, [], person.DisplayName);

    public static Actor ForClient(ApiKey key, Organisation organisation) =>
        new(ActorKind.Client, key.Id, organisation.Id, organisation.Kind, [], key.Scopes, key.Name);

    public static Actor CommandLine(string user) =>
        new(ActorKind.CommandLine, user, null, null, [], [], user);

    public static Actor System { get; } = new(ActorKind.System, "system", null, null, [], [], "Certa");

    /// <summary>How far this actor reaches with <paramref name="permission"/>. The command line and Certa itself reach everywhere.</summary>
    public Reach ReachOf(Permission permission) => Kind switch
    {
        ActorKind.Person => AccessRules.ReachOf(Roles, permission),
        // Every key may ask who it is (GET /api/v1/me), whatever its scopes.
        ActorKind.Client when permission == Permission.ProfileRead => Reach.Own,
        ActorKind.Client => Scopes.Contains(permission) && OrganisationKind is { } kind ? AccessRules.ScopeReach(kind, permission) : Reach.None,
        ActorKind.CommandLine or ActorKind.System => Reach.Any,
    };

    /// <summary>Whether the actor may use <paramref name="permission"/> on something that belongs to <paramref name="organisationId"/>.</summary>
    public bool May(Permission permission, string organisationId) => ReachOf(permission) switch
    {
        Reach.Any => true,
        Reach.Own => string.Equals(OrganisationId, organisationId, StringComparison.Ordinal),
        Reach.None => false,
    };

    /// <summary>Refuses, naming the organisation, when <see cref="May"/> is false.</summary>
    public void Require(Permission permission, string organisationId)
    {
        if (!May(permission, organisationId))
        {
            throw ReachOf(permission) == Reach.None
                ? Common.DomainException.Forbidden("not-permitted", $"You may not {Describe(permission)}.")
                : Common.DomainException.Forbidden("other-organisation",
                    $"'{organisationId}' is another organisation: you may {Describe(permission)} only for your own ('{OrganisationId}').");
        }
    }

    private static string Describe(Permission permission) => permission switch
    {
        Permission.ProfileRead => "read this profile",
        Permission.NotificationsRead => "read these notifications",
        Permission.OrganisationsRead => "see this organisation",
        Permission.OrganisationsCreate => "create organisations",
        Permission.PeopleRead => "see these people",
        Permission.PeopleManage => "manage these people",
        Permission.ApiKeysManage => "manage these API keys",
        Permission.AuditRead => "read these audit events",
        Permission.AuditVerify => "verify the audit chain",
        Permission.ApplicationsRead => "see this application",
        Permission.ApplicationsDraft => "apply or change this application as the applicant",
        Permission.ApplicationsAccept => "accept, return or refuse this application as the body",
        Permission.TestOrdersRead => "see these test orders",
        Permission.TestOrdersManage => "order, retest or close the testing of this application as the body",
        Permission.TestResultsRecord => "receive samples and record results as this order's lab",
        Permission.SamplesDispatch => "dispatch the samples of this application's test orders as the applicant",
        Permission.AuditorsRead => "see this body's registered auditors",
        Permission.AuditorsManage => "register this body's auditors",
        Permission.FactoryAuditsRead => "see this factory audit",
        Permission.FactoryAuditsManage => "plan factory audits or close the audit step as the body",
        Permission.FactoryAuditsConduct => "report this factory audit or decide on its findings as an auditor",
        Permission.FindingsRespond => "answer this audit's findings as the applicant",
        Permission.ApplicationsReview => "review this application",
        Permission.ApplicationsDecide => "decide this application",
        Permission.CertificatesRead => "see this certificate",
        Permission.CertificatesManage => "suspend, restore, withdraw, renew or change this body's certificates",
        Permission.CertificatesCancel => "cancel this certificate as its holder",
        Permission.SigningKeysRead => "see this body's signing keys",
        Permission.SigningKeysManage => "rotate or revoke this body's signing keys",
        Permission.DeclarationsFile => "file or withdraw self-declarations as the declarant",
        Permission.DeclarationsRead => "see this self-declaration",
        Permission.GmarkRegister => "register, submit or activate G-mark products as their notified body",
        Permission.GmarkApprove => "approve or reject G-mark registrations as the scheme's authority",
        Permission.GmarkRead => "see this G-mark registration",
        Permission.DrawsMake => "make \"double random\" draws as this authority",
        Permission.RelationsDeclare => "declare relations as an auditor",
        Permission.InspectionsRead => "see these inspections and follow-ups",
        Permission.InspectionsManage => "plan or cancel this organisation's inspections",
        Permission.InspectionsRecord => "record the result of this organisation's inspections",
        Permission.StatisticsRead => "see this body's statistics",
        Permission.CreditRecord => "record credit events as an authority officer",
    };
}
