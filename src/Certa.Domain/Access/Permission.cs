namespace Certa.Domain.Access;

/// <summary>Something an actor may do. Each API endpoint and page declares the one it needs.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A permission is what it is called.")]
public enum Permission
{
    /// <summary>Read one's own identity, organisation and roles.</summary>
    ProfileRead,
    OrganisationsRead,
    OrganisationsCreate,
    PeopleRead,
    /// <summary>Invite people, change their roles, deactivate them.</summary>
    PeopleManage,
    ApiKeysManage,
    AuditRead,
    /// <summary>Walk the whole hash chain; only for those who may read every event.</summary>
    AuditVerify,
    /// <summary>See certification applications: one's own as applicant or as the body running them.</summary>
    ApplicationsRead,
    /// <summary>Draft, complete, submit and withdraw applications as the applicant.</summary>
    ApplicationsDraft,
    /// <summary>Accept, return or refuse submitted applications as the certification body.</summary>
    ApplicationsAccept,
    /// <summary>See test orders: a lab its own, a body those it placed.</summary>
    TestOrdersRead,
    /// <summary>Order tests from a designated lab, order retests and complete testing, as the body.</summary>
    TestOrdersManage,
    /// <summary>Receive samples and record results per standard, as the order's lab.</summary>
    TestResultsRecord,
}

/// <summary>How far a grant reaches: nowhere, the actor's own organisation, or every organisation.</summary>
public enum Reach
{
    None,
    Own,
    Any,
}
