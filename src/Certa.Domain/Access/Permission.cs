namespace Certa.Domain.Access;

/// <summary>Something an actor may do. Each API endpoint and page declares the one it needs.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A permission is what it is called.")]
public enum Permission
{
    /// <summary>Read one's own identity, organisation and roles.</summary>
    ProfileRead,
    /// <summary>Read and mark read one's own notifications.</summary>
    NotificationsRead,
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
    /// <summary>See test orders: a lab its own, a body those it placed, an applicant those of its applications.</summary>
    TestOrdersRead,
    /// <summary>Order tests from a designated lab, order retests, cancel orders and complete testing, as the body.</summary>
    TestOrdersManage,
    /// <summary>Receive samples, record results per standard, attach the report, retain or return the samples, as the order's lab.</summary>
    TestResultsRecord,
    /// <summary>Send an order's samples to the lab, as the application's applicant.</summary>
    SamplesDispatch,
    /// <summary>See the body's registered auditors and their competence.</summary>
    AuditorsRead,
    /// <summary>Register auditors: registration number, qualification, competence scope.</summary>
    AuditorsManage,
    /// <summary>See factory audits: the body's, and an applicant those of its applications.</summary>
    FactoryAuditsRead,
    /// <summary>Plan factory audits with registered, competent auditors and close the audit step, as the body.</summary>
    FactoryAuditsManage,
    /// <summary>Report an audit and close or reopen its findings, as an auditor of its team.</summary>
    FactoryAuditsConduct,
    /// <summary>Answer audit findings with corrective actions and evidence, as the applicant.</summary>
    FindingsRespond,
    /// <summary>Record the review of an application one did not evaluate, as its assigned reviewer.</summary>
    ApplicationsReview,
    /// <summary>Grant or refuse a reviewed application one did not evaluate or review.</summary>
    ApplicationsDecide,
    /// <summary>See certificates: a body those it issued, a holder its own.</summary>
    CertificatesRead,
    /// <summary>Suspend, restore, withdraw, renew, change and extend certificates, as their body.</summary>
    CertificatesManage,
    /// <summary>Cancel one's own certificate, as its holder.</summary>
    CertificatesCancel,
    /// <summary>See a body's signing keys and their history.</summary>
    SigningKeysRead,
    /// <summary>Rotate and revoke a body's signing keys, as its admin.</summary>
    SigningKeysManage,
    /// <summary>File and withdraw self-declarations, as the applicant.</summary>
    DeclarationsFile,
    /// <summary>See self-declarations with their reports: the declarant its own, the authority all.</summary>
    DeclarationsRead,
    /// <summary>Register, correct, submit and activate G-mark products (GCTS codes), as a notified body.</summary>
    GmarkRegister,
    /// <summary>Approve or reject submitted G-mark registrations, as an officer of the scheme's authority (GSO; the command checks which).</summary>
    GmarkApprove,
    /// <summary>See G-mark registrations: a body and a holder their own, an authority officer all.</summary>
    GmarkRead,
    /// <summary>Define and make "double random" draws, which plan their inspections, as an officer of the authority.</summary>
    DrawsMake,
    /// <summary>Declare and end one's own relations to enterprises or bodies, which keep one out of their draws, as an auditor.</summary>
    RelationsDeclare,
    /// <summary>See supervision inspections and the follow-up worklist: a body its own, an authority officer all.</summary>
    InspectionsRead,
    /// <summary>Plan and cancel follow-up inspections as the body (a draw's inspections as its authority).</summary>
    InspectionsManage,
    /// <summary>Record an inspection's result as the organisation that organised it.</summary>
    InspectionsRecord,
    /// <summary>See the statistics dashboards and their data: a body's people their body's numbers, an authority officer all.</summary>
    StatisticsRead,
    /// <summary>Record a credit event the rules define (false documents, obstruction, an overturned decision) as an authority officer.</summary>
    CreditRecord,
}

/// <summary>How far a grant reaches: nowhere, the actor's own organisation, or every organisation.</summary>
public enum Reach
{
    None,
    Own,
    Any,
}
