using Certa.Domain.Common;

namespace Certa.Domain.Applications;

/// <summary>
/// A certification application, from the applicant's draft to the body's decision. Every move goes
/// through <see cref="ApplicationWorkflow"/>, checks its own preconditions and records an event;
/// review and decision are refused to anyone who tested or audited this application.
/// </summary>
public sealed class Application : Aggregate
{
    // Lists are replaced, never changed in place, so that a save sees every change.
    private IReadOnlyList<string> requiredDocuments = [];
    private IReadOnlyList<AttachedDocument> documents = [];
    private IReadOnlyList<Guid> evaluators = [];
    private IReadOnlyList<StateEntry> history = [];

    private Application()
    {
        ApplicantId = BodyId = SchemeId = ProductTypeId = string.Empty;
        Product = null!;
        Manufacturer = Factory = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The applicant organisation (manufacturer, factory or importer) that applies.</summary>
    public string ApplicantId { get; private set; }

    /// <summary>The certification body organisation that runs the certification.</summary>
    public string BodyId { get; private set; }

    public string SchemeId { get; private set; }

    public string ProductTypeId { get; private set; }

    public ProductDetails Product { get; private set; }

    public Party Manufacturer { get; private set; }

    public Party Factory { get; private set; }

    /// <summary>The documents the scheme asks for (ids from <c>data/requirements/documents.yaml</c>).</summary>
    public IReadOnlyList<string> RequiredDocuments => requiredDocuments;

    public IReadOnlyList<AttachedDocument> Documents => documents;

    /// <summary>People who tested or audited this application; none of them may review or decide it.</summary>
    public IReadOnlyList<Guid> Evaluators => evaluators;

    public Guid? ReviewerId { get; private set; }

    public Guid? DeciderId { get; private set; }

    /// <summary>The valid certificate this application builds on, if any, and what it covers.</summary>
    public CertificateReuse? Reuse { get; private set; }

    /// <summary>The reviewer's conclusion, which the decision maker reads before deciding.</summary>
    public ReviewConclusion? Review { get; private set; }

    public ApplicationState State { get; private set; }

    /// <summary>Why it was last returned, refused or withdrawn.</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    /// <summary>Every state the application entered and when: the actual times of its steps.</summary>
    public IReadOnlyList<StateEntry> History => history;

    /// <summary>Goes up with every change; a save that finds another version stored is refused (two simultaneous decisions: one wins).</summary>
    public int Version { get; private set; }

    public override string EntityType => "application";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => BodyId;

    public static Application Draft(Guid id, string applicantId, string bodyId, string schemeId, string productTypeId,
        ProductDetails product, Party manufacturer, Party factory, IEnumerable<string> requiredDocuments, DateTimeOffset at, CertificateReuse? reuse = null)
    {
        var application = new Application
        {
            Id = id,
            ApplicantId = Guard.Required(applicantId, "applicant"),
            BodyId = Guard.Required(bodyId, "body"),
            SchemeId = Guard.Required(schemeId, "scheme"),
            ProductTypeId = Guard.Required(productTypeId, "productType"),
            Product = product,
            Manufacturer = manufacturer,
            Factory = factory,
            requiredDocuments = [.. requiredDocuments.Distinct(StringComparer.Ordinal)],
            State = ApplicationState.Draft,
            CreatedAt = at,
            StateChangedAt = at,
            history = [new StateEntry(ApplicationState.Draft, at)],
            Reuse = reuse,
        };
        application.Record("application.drafted", new { applicant = applicantId, body = bodyId, scheme = schemeId, productType = productTypeId, reuse });
        return application;
    }

    /// <summary>Attaches (or replaces) a document while the applicant may still edit the file.</summary>
    public void AttachDocument(AttachedDocument document)
    {
        RequireEditable("attach documents");
        if (!requiredDocuments.Contains(document.DocumentId))
        {
            throw DomainException.Invalid("document-not-required",
                $"'{document.DocumentId}' is not a document this application needs; it needs: {string.Join(", ", requiredDocuments)}.", "documentId");
        }

        documents = [.. documents.Where(d => d.DocumentId != document.DocumentId), document];
        Changed("application.document_attached", new { document = document.DocumentId, sha256 = document.Sha256, size = document.Size });
    }

    /// <summary>The clock as of <paramref name="now"/>: the scheme's steps less what a reused certificate covers, with the actual times so far.</summary>
    public ApplicationTimeline Timeline(IReadOnlyList<StepDuration> procedure, DateTimeOffset now) =>
        ApplicationClock.Estimate(State, StateChangedAt, Reuse?.Remaining(procedure) ?? procedure, now, history);

    /// <summary>The required documents not attached yet.</summary>
    public IReadOnlyList<string> MissingDocuments() =>
        [.. requiredDocuments.Where(r => documents.All(d => d.DocumentId != r))];

    public void Submit(DateTimeOffset at)
    {
        var missing = MissingDocuments();
        if (missing.Count > 0)
        {
            throw DomainException.Conflict("documents-missing", $"The application cannot be submitted without: {string.Join(", ", missing)}.");
        }

        Move(ApplicationTrigger.Submit, at, null);
    }

    public void ReturnForCompletion(string reason, DateTimeOffset at) => Move(ApplicationTrigger.ReturnForCompletion, at, RequiredReason(reason));

    public void RefuseAtAcceptance(string reason, DateTimeOffset at) => Move(ApplicationTrigger.RefuseAtAcceptance, at, RequiredReason(reason));

    public void Accept(DateTimeOffset at) => Move(ApplicationTrigger.Accept, at, null);

    public void StartTesting(DateTimeOffset at) => Move(ApplicationTrigger.StartTesting, at, null);

    /// <summary>Closes testing; straight from acceptance only when a reused certificate's test reports cover it.</summary>
    public void CompleteTesting(DateTimeOffset at)
    {
        if (State == ApplicationState.Accepted && Reuse is not { CoversTesting: true })
        {
            throw DomainException.Conflict("tests-needed",
                "Testing is skipped only when the application builds on a certificate whose test reports cover today's standards; order tests.");
        }

        Move(ApplicationTrigger.CompleteTesting, at, null);
    }

    public void CompleteFactoryAudit(DateTimeOffset at) => Move(ApplicationTrigger.CompleteFactoryAudit, at, null);

    /// <summary>Notes a lab engineer or auditor who evaluated this application (they may then neither review nor decide it).</summary>
    public void NoteEvaluator(Guid person)
    {
        if (!evaluators.Contains(person))
        {
            evaluators = [.. evaluators, person];
            Changed("application.evaluator_noted", new { person });
        }
    }

    /// <summary>Assigns the reviewer, who must not have tested or audited this application.</summary>
    public void AssignReviewer(Guid reviewer)
    {
        if (State != ApplicationState.Review)
        {
            throw DomainException.Conflict("not-in-review", $"A reviewer is assigned in review; the application is {ApplicationWorkflow.Name(State)}.");
        }

        RefuseEvaluator(reviewer, "review");
        ReviewerId = reviewer;
        Changed("application.reviewer_assigned", new { reviewer });
    }

    /// <summary>The assigned reviewer's conclusion on the test and audit results.</summary>
    public void RecordReview(Guid reviewer, bool recommendGrant, string notes, DateTimeOffset at)
    {
        if (State != ApplicationState.Review)
        {
            throw DomainException.Conflict("not-in-review", $"A review is recorded in review; the application is {ApplicationWorkflow.Name(State)}.");
        }

        if (ReviewerId != reviewer)
        {
            throw DomainException.Forbidden("not-the-reviewer",
                ReviewerId is null ? "No reviewer is assigned yet." : "Only the assigned reviewer records the review.");
        }

        if (string.IsNullOrWhiteSpace(notes))
        {
            throw DomainException.Invalid("review-notes-required", "Write what the review found: the decision maker and the audit trail read it.", "notes");
        }

        Review = new ReviewConclusion(reviewer, recommendGrant, notes.Trim(), at);
        Changed("application.reviewed", new { reviewer, recommendation = recommendGrant ? "grant" : "refuse" });
    }

    public void Grant(Guid decider, DateTimeOffset at) => Decide(decider, ApplicationTrigger.Grant, at, null);

    public void RefuseAtDecision(Guid decider, string reason, DateTimeOffset at) =>
        Decide(decider, ApplicationTrigger.RefuseAtDecision, at, RequiredReason(reason));

    public void Withdraw(string reason, DateTimeOffset at) => Move(ApplicationTrigger.Withdraw, at, RequiredReason(reason));

    public override object AuditState() => new
    {
        id = Id,
        applicant = ApplicantId,
        body = BodyId,
        scheme = SchemeId,
        productType = ProductTypeId,
        product = Product,
        manufacturer = Manufacturer,
        factory = Factory,
        documents = documents.Select(d => new { d.DocumentId, d.Sha256 }),
        state = ApplicationWorkflow.Name(State),
        reuse = Reuse?.Number,
        reviewer = ReviewerId,
        review = Review is null ? null : new { Review.Reviewer, Review.RecommendGrant },
        decider = DeciderId,
        reason = Reason,
    };

    private void Decide(Guid decider, ApplicationTrigger trigger, DateTimeOffset at, string? reason)
    {
        var to = ApplicationWorkflow.Next(State, trigger);
        if (Review is null)
        {
            throw DomainException.Conflict("review-missing",
                ReviewerId is null ? "The application has no reviewer yet; a decision follows the review." : "The reviewer has not recorded the review yet; a decision follows it.");
        }

        RefuseEvaluator(decider, "decide");
        if (decider == Review.Reviewer)
        {
            throw DomainException.Forbidden("reviewer-cannot-decide", "The person who reviewed the application may not also decide it: four eyes.");
        }

        DeciderId = decider;
        Apply(trigger, to, at, reason);
    }

    private void RefuseEvaluator(Guid person, string what)
    {
        if (evaluators.Contains(person))
        {
            throw DomainException.Forbidden("evaluator-cannot-" + what,
                $"Person {person} tested or audited this application and so may not {what} it; someone who did not evaluate must.");
        }
    }

    private void Move(ApplicationTrigger trigger, DateTimeOffset at, string? reason) =>
        Apply(trigger, ApplicationWorkflow.Next(State, trigger), at, reason);

    private void Apply(ApplicationTrigger trigger, ApplicationState to, DateTimeOffset at, string? reason)
    {
        var from = State;
        State = to;
        StateChangedAt = at;
        history = [.. history, new StateEntry(to, at)];
        Reason = reason ?? (to is ApplicationState.Returned or ApplicationState.Refused or ApplicationState.Withdrawn ? Reason : null);
        Changed("application." + ApplicationWorkflow.Name(trigger), new { from = ApplicationWorkflow.Name(from), to = ApplicationWorkflow.Name(to), reason });
    }

    private void RequireEditable(string what)
    {
        if (State is not (ApplicationState.Draft or ApplicationState.Returned))
        {
            throw DomainException.Conflict("not-editable", $"The applicant may {what} only while the application is a draft or returned; it is {ApplicationWorkflow.Name(State)}.");
        }
    }

    private void Changed(string action, object details)
    {
        Version++;
        Record(action, details);
    }

    private static string RequiredReason(string reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw DomainException.Invalid("reason-required", "Say why: the applicant and the audit trail will read it.", "reason")
            : reason.Trim();
}
