using Certa.Domain.Organisations;

namespace Certa.Domain.Access;

/// <summary>
/// The one place that says who may do what. Every API endpoint and page names a
/// <see cref="Permission"/>; this table says which roles hold it and how far it reaches. A test walks
/// every endpoint against every role using this table as the expected answer.
/// </summary>
public static class AccessRules
{
    private static readonly (Role Role, Permission Permission, Reach Reach)[] Grants =
    [
        .. Everyone(Permission.ProfileRead, Reach.Own),
        .. Everyone(Permission.NotificationsRead, Reach.Own),
        .. Everyone(Permission.OrganisationsRead, Reach.Own),
        (Role.PlatformAdmin, Permission.OrganisationsRead, Reach.Any),
        (Role.AuthorityOfficer, Permission.OrganisationsRead, Reach.Any),
        (Role.PlatformAdmin, Permission.OrganisationsCreate, Reach.Any),

        (Role.PlatformAdmin, Permission.PeopleRead, Reach.Any),
        (Role.BodyAdmin, Permission.PeopleRead, Reach.Own),
        (Role.OrganisationAdmin, Permission.PeopleRead, Reach.Own),
        (Role.PlatformAdmin, Permission.PeopleManage, Reach.Any),
        (Role.BodyAdmin, Permission.PeopleManage, Reach.Own),
        (Role.OrganisationAdmin, Permission.PeopleManage, Reach.Own),

        (Role.BodyAdmin, Permission.ApiKeysManage, Reach.Own),
        (Role.OrganisationAdmin, Permission.ApiKeysManage, Reach.Own),

        (Role.BodyAdmin, Permission.AuditRead, Reach.Own),
        (Role.OrganisationAdmin, Permission.AuditRead, Reach.Own),
        (Role.AuthorityOfficer, Permission.AuditRead, Reach.Any),
        (Role.PlatformAdmin, Permission.AuditRead, Reach.Any),
        (Role.AuthorityOfficer, Permission.AuditVerify, Reach.Any),
        (Role.PlatformAdmin, Permission.AuditVerify, Reach.Any),

        // An application belongs to two organisations, the applicant and the body: "own" is either.
        .. new[] { Role.ApplicantUser, Role.OrganisationAdmin, Role.BodyAdmin, Role.ApplicationHandler, Role.Reviewer, Role.DecisionMaker, Role.Auditor }
            .Select(r => (r, Permission.ApplicationsRead, Reach.Own)),
        (Role.AuthorityOfficer, Permission.ApplicationsRead, Reach.Any),
        (Role.ApplicantUser, Permission.ApplicationsDraft, Reach.Own),
        (Role.OrganisationAdmin, Permission.ApplicationsDraft, Reach.Own),
        (Role.ApplicationHandler, Permission.ApplicationsAccept, Reach.Own),
        (Role.BodyAdmin, Permission.ApplicationsAccept, Reach.Own),

        // A test order belongs to the body that placed it, the lab that tests and the application's applicant:
        // "own" is any of them. ApplicationsRead does not reach a lab, which sees only its orders.
        .. new[] { Role.LabEngineer, Role.OrganisationAdmin, Role.ApplicantUser, Role.BodyAdmin, Role.ApplicationHandler, Role.Reviewer, Role.DecisionMaker, Role.Auditor }
            .Select(r => (r, Permission.TestOrdersRead, Reach.Own)),
        (Role.AuthorityOfficer, Permission.TestOrdersRead, Reach.Any),
        (Role.ApplicationHandler, Permission.TestOrdersManage, Reach.Own),
        (Role.BodyAdmin, Permission.TestOrdersManage, Reach.Own),
        (Role.LabEngineer, Permission.TestResultsRecord, Reach.Own),
        (Role.OrganisationAdmin, Permission.TestResultsRecord, Reach.Own),
        (Role.ApplicantUser, Permission.SamplesDispatch, Reach.Own),
        (Role.OrganisationAdmin, Permission.SamplesDispatch, Reach.Own),

        // Auditors are the body's registered personnel; the authority supervises them.
        .. new[] { Role.BodyAdmin, Role.ApplicationHandler, Role.Reviewer, Role.DecisionMaker, Role.Auditor }.Select(r => (r, Permission.AuditorsRead, Reach.Own)),
        (Role.AuthorityOfficer, Permission.AuditorsRead, Reach.Any),
        (Role.BodyAdmin, Permission.AuditorsManage, Reach.Own),

        // A factory audit belongs to the body and the application's applicant: "own" is either.
        .. new[] { Role.ApplicantUser, Role.OrganisationAdmin, Role.BodyAdmin, Role.ApplicationHandler, Role.Reviewer, Role.DecisionMaker, Role.Auditor }
            .Select(r => (r, Permission.FactoryAuditsRead, Reach.Own)),
        (Role.AuthorityOfficer, Permission.FactoryAuditsRead, Reach.Any),
        (Role.ApplicationHandler, Permission.FactoryAuditsManage, Reach.Own),
        (Role.BodyAdmin, Permission.FactoryAuditsManage, Reach.Own),
        (Role.Auditor, Permission.FactoryAuditsConduct, Reach.Own),
        (Role.ApplicantUser, Permission.FindingsRespond, Reach.Own),
        (Role.OrganisationAdmin, Permission.FindingsRespond, Reach.Own),

        (Role.Reviewer, Permission.ApplicationsReview, Reach.Own),
        (Role.DecisionMaker, Permission.ApplicationsDecide, Reach.Own),

        // A certificate belongs to the body that issued it and its holder.
        .. new[] { Role.ApplicantUser, Role.OrganisationAdmin, Role.BodyAdmin, Role.ApplicationHandler, Role.Reviewer, Role.DecisionMaker, Role.Auditor }
            .Select(r => (r, Permission.CertificatesRead, Reach.Own)),
        (Role.AuthorityOfficer, Permission.CertificatesRead, Reach.Any),
        (Role.BodyAdmin, Permission.CertificatesManage, Reach.Own),
        (Role.DecisionMaker, Permission.CertificatesManage, Reach.Own),
        (Role.ApplicantUser, Permission.CertificatesCancel, Reach.Own),
        (Role.OrganisationAdmin, Permission.CertificatesCancel, Reach.Own),

        // The public halves are published anyway; the list with its history is for the body and the authority.
        (Role.BodyAdmin, Permission.SigningKeysRead, Reach.Own),
        (Role.DecisionMaker, Permission.SigningKeysRead, Reach.Own),
        (Role.AuthorityOfficer, Permission.SigningKeysRead, Reach.Any),
        (Role.BodyAdmin, Permission.SigningKeysManage, Reach.Own),

        // A self-declaration is the declarant's; its filing record is public (no permission needed).
        (Role.ApplicantUser, Permission.DeclarationsFile, Reach.Own),
        (Role.OrganisationAdmin, Permission.DeclarationsFile, Reach.Own),
        (Role.ApplicantUser, Permission.DeclarationsRead, Reach.Own),
        (Role.OrganisationAdmin, Permission.DeclarationsRead, Reach.Own),
        (Role.AuthorityOfficer, Permission.DeclarationsRead, Reach.Any),

        // G-mark: the notified body registers and activates; any authority officer passes this table, and the
        // command refuses one whose authority is not the scheme's (only GSO approves G-mark).
        (Role.BodyAdmin, Permission.GmarkRegister, Reach.Own),
        (Role.DecisionMaker, Permission.GmarkRegister, Reach.Own),
        (Role.AuthorityOfficer, Permission.GmarkApprove, Reach.Any),
        .. new[] { Role.BodyAdmin, Role.ApplicationHandler, Role.Reviewer, Role.DecisionMaker, Role.ApplicantUser, Role.OrganisationAdmin }
            .Select(r => (r, Permission.GmarkRead, Reach.Own)),
        (Role.AuthorityOfficer, Permission.GmarkRead, Reach.Any),

        // Supervision draws: an authority draws for itself; an auditor declares their own relations.
        (Role.AuthorityOfficer, Permission.DrawsMake, Reach.Own),
        (Role.Auditor, Permission.RelationsDeclare, Reach.Own),

        // Inspections are the organiser's (the body for a follow-up, the authority for a draw); "own" is the organiser or the certificate's body.
        .. new[] { Role.BodyAdmin, Role.ApplicationHandler, Role.Reviewer, Role.DecisionMaker, Role.Auditor }.Select(r => (r, Permission.InspectionsRead, Reach.Own)),
        (Role.AuthorityOfficer, Permission.InspectionsRead, Reach.Any),
        .. new[] { Role.BodyAdmin, Role.ApplicationHandler, Role.AuthorityOfficer }.Select(r => (r, Permission.InspectionsManage, Reach.Own)),
        .. new[] { Role.BodyAdmin, Role.ApplicationHandler, Role.Auditor, Role.AuthorityOfficer }.Select(r => (r, Permission.InspectionsRecord, Reach.Own)),

        // Statistics: a body's people see their body's numbers; the authority sees every body's.
        .. new[] { Role.BodyAdmin, Role.ApplicationHandler, Role.Reviewer, Role.DecisionMaker, Role.Auditor }.Select(r => (r, Permission.StatisticsRead, Reach.Own)),
        (Role.AuthorityOfficer, Permission.StatisticsRead, Reach.Any),

        // Credit records: an authority officer records the events no single fact causes, about any enterprise or body.
        (Role.AuthorityOfficer, Permission.CreditRecord, Reach.Any),
    ];

    // Machine clients read; they never manage people, keys or organisations.
    private static readonly HashSet<Permission> MachineGrantable =
        [Permission.ProfileRead, Permission.OrganisationsRead, Permission.PeopleRead, Permission.AuditRead, Permission.AuditVerify, Permission.ApplicationsRead,
         Permission.CertificatesRead];

    /// <summary>How far <paramref name="role"/> reaches with <paramref name="permission"/>.</summary>
    public static Reach ReachOf(Role role, Permission permission) =>
        Grants.Where(g => g.Role == role && g.Permission == permission).Select(g => g.Reach).DefaultIfEmpty(Reach.None).Max();

    /// <summary>The widest reach any of <paramref name="roles"/> gives.</summary>
    public static Reach ReachOf(IEnumerable<Role> roles, Permission permission) =>
        roles.Select(r => ReachOf(r, permission)).DefaultIfEmpty(Reach.None).Max();

    /// <summary>
    /// The scopes an API key of an organisation of <paramref name="kind"/> may carry: what the
    /// organisation's people could do, less anything that manages people, keys or organisations.
    /// </summary>
    public static IReadOnlyList<Permission> ScopesFor(OrganisationKind kind) =>
        [.. Enum.GetValues<Permission>().Where(p => MachineGrantable.Contains(p) && ReachOf(Roles.For(kind), p) != Reach.None)];

    /// <summary>A key reaches no further than its scope would for the organisation's people.</summary>
    public static Reach ScopeReach(OrganisationKind kind, Permission permission) => ReachOf(Roles.For(kind), permission);

    private static IEnumerable<(Role, Permission, Reach)> Everyone(Permission permission, Reach reach) =>
        Roles.All.Select(r => (r, permission, reach));
}
