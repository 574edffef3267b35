namespace Certa.Domain.Applications;

/// <summary>Where a certification application stands. Granted, refused and withdrawn are final.</summary>
public enum ApplicationState
{
    /// <summary>The applicant is still filling it in.</summary>
    Draft,
    Submitted,
    /// <summary>The body sent it back for completion; the applicant completes and submits again.</summary>
    Returned,
    /// <summary>The body accepted the file and set the sample plan.</summary>
    Accepted,
    Testing,
    FactoryAudit,
    Review,
    Granted,
    Refused,
    Withdrawn,
}

/// <summary>What can happen to an application; each is one domain method.</summary>
public enum ApplicationTrigger
{
    Submit,
    ReturnForCompletion,
    RefuseAtAcceptance,
    Accept,
    StartTesting,
    CompleteTesting,
    CompleteFactoryAudit,
    Grant,
    RefuseAtDecision,
    Withdraw,
}
