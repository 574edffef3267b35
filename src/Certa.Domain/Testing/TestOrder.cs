using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Testing;

/// <summary>
/// The body's order to a lab to test an application's samples against standards: ordered → received
/// (the lab has the samples) → completed (every standard has a result), or cancelled while open. A
/// failed order gets a corrective action and a retest order, which supersedes it. Its samples are
/// tracked beside it (<see cref="SampleState"/>): the applicant dispatches them, the lab receives,
/// tests, then retains or returns them.
/// </summary>
public sealed class TestOrder : Aggregate
{
    // Lists are replaced, never changed in place, so that a save sees every change.
    private IReadOnlyList<string> standards = [];
    private SampleShipment shipment = new([]);
    private IReadOnlyList<StandardResult> results = [];

    private TestOrder()
    {
        BodyId = LabId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The certification body that ordered the tests.</summary>
    public string BodyId { get; private set; }

    /// <summary>The laboratory organisation that tests.</summary>
    public string LabId { get; private set; }

    /// <summary>The standard numbers to test against (<c>GB 4943.1-2022</c>).</summary>
    public IReadOnlyList<string> Standards => standards;

    /// <summary>The sample plan: which models, how many, and on what the body based the choice.</summary>
    public IReadOnlyList<Sample> Samples => shipment.Plan;

    public SampleShipment Shipment => shipment;

    /// <summary>Where the samples are; tested once the order completes.</summary>
    public SampleState SampleState => shipment switch
    {
        { Return: not null } => SampleState.Returned,
        { RetainedUntil: not null } => SampleState.Retained,
        _ when State == TestOrderState.Completed => SampleState.Tested,
        _ when ReceivedAt is not null => SampleState.Received,
        { Dispatch: not null } => SampleState.Dispatched,
        _ => SampleState.Planned,
    };

    public IReadOnlyList<StandardResult> Results => results;

    public TestOrderState State { get; private set; }

    public LabReport? Report { get; private set; }

    /// <summary>The failed order this one retests, if it is a retest.</summary>
    public Guid? RetestOf { get; private set; }

    /// <summary>Set on a failed order once its retest is ordered.</summary>
    public CorrectiveAction? CorrectiveAction { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset OrderedAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>A failed order whose retest has been ordered no longer counts for the application.</summary>
    public bool IsSuperseded => CorrectiveAction is not null;

    public TestOutcome? Outcome => State == TestOrderState.Completed
        ? results.All(r => r.Passed) ? TestOutcome.Passed : TestOutcome.Failed
        : null;

    public override string EntityType => "test_order";

    public override string EntityKey => Id.ToString();

    // Filed under the body, like the application; the lab reads its orders through the API.
    public override string? OwningOrganisation => BodyId;

    /// <summary>
    /// Orders tests of <paramref name="application"/>'s samples. Samples must be the application's own
    /// models; the caller has checked that the lab is designated for the product type.
    /// </summary>
    public static TestOrder Place(Guid id, Application application, string labId, IEnumerable<string> standards,
        IEnumerable<Sample> samples, DateTimeOffset at)
    {
        var order = New(id, application.Id, application.BodyId, labId, standards, CheckedSamples(application, samples), null, at);
        order.Record("test_order.placed", new { application = application.Id, lab = labId, standards = order.standards, samples = order.Samples });
        return order;
    }

    /// <summary>The applicant has sent the samples: once per order, while it is open and not yet received.</summary>
    public void DispatchSamples(Consignment consignment)
    {
        RequireState(TestOrderState.Ordered, "dispatch the samples of");
        if (shipment.Dispatch is { } earlier)
        {
            throw DomainException.Conflict("samples-already-dispatched",
                $"The samples of order {Id} were dispatched on {earlier.SentOn:yyyy-MM-dd} with {earlier.Carrier} ({earlier.TrackingNumber}); an order has one dispatch.");
        }

        shipment = shipment with { Dispatch = consignment };
        Changed("test_order.samples_dispatched", consignment);
    }

    /// <summary>
    /// The lab has the samples. Only dispatched samples are received: the dispatch record is what the
    /// lab checks the parcel against, and what tells the body that the applicant has sent them.
    /// </summary>
    public void Receive(DateTimeOffset at)
    {
        RequireState(TestOrderState.Ordered, "receive the samples of");
        if (shipment.Dispatch is null)
        {
            throw DomainException.Conflict("samples-not-dispatched",
                $"The applicant has not dispatched the samples of order {Id} yet; the lab receives them after the dispatch is recorded.");
        }

        State = TestOrderState.Received;
        ReceivedAt = at;
        Changed("test_order.received", new { at });
    }

    /// <summary>
    /// Records (or corrects) results for some of the standards; when every standard has one, the order
    /// completes with its outcome.
    /// </summary>
    public void RecordResults(IEnumerable<StandardResult> recorded, DateTimeOffset at)
    {
        RequireState(TestOrderState.Received, "record results on");
        var list = recorded.ToList();
        if (list.Count == 0)
        {
            throw DomainException.Invalid("results-required", "Give a result for at least one standard.", "results");
        }

        foreach (var result in list)
        {
            if (!standards.Contains(result.Standard, StringComparer.OrdinalIgnoreCase))
            {
                throw DomainException.Invalid("standard-not-ordered",
                    $"'{result.Standard}' is not a standard of this order; it tests against: {string.Join(", ", standards)}.", "results");
            }
        }

        var duplicate = list.GroupBy(r => r.Standard, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw DomainException.Invalid("duplicate-result", $"'{duplicate.Key}' has two results; give one.", "results");
        }

        var named = list.Select(r => r with { Standard = standards.First(s => string.Equals(s, r.Standard, StringComparison.OrdinalIgnoreCase)) }).ToList();
        results = [.. results.Where(r => named.All(n => n.Standard != r.Standard)), .. named];
        Changed("test_order.results_recorded", new { results = named.Select(r => new { r.Standard, r.Passed, r.ClauseNotes }) });
        if (standards.All(s => results.Any(r => r.Standard == s)))
        {
            State = TestOrderState.Completed;
            CompletedAt = at;
            Changed("test_order.completed", new { outcome = SnakeCaseNames.Of(Outcome!.Value.ToString()) });
        }
    }

    /// <summary>The lab's report file, stored before this is called; a later one replaces it while the order is received or completed.</summary>
    public void AttachReport(LabReport report)
    {
        if (State is not (TestOrderState.Received or TestOrderState.Completed))
        {
            throw DomainException.Conflict("test-order-" + Name(State),
                $"A report is attached to an order that is received or completed; order {Id} is {Name(State)}.");
        }

        var replaced = Report?.Sha256;
        Report = report;
        Changed("test_order.report_attached", new { report.Sha256, report.FileName, replaced });
    }

    /// <summary>
    /// Opens the corrective action of a failed order and returns its retest: the same lab and samples,
    /// against the standards that failed. The failed order is then superseded.
    /// </summary>
    public TestOrder OrderRetest(Guid retestId, Application application, string description, DateOnly deadline, DateTimeOffset at)
    {
        if (Outcome != TestOutcome.Failed)
        {
            throw DomainException.Conflict("retest-needs-failed-order",
                $"Only a failed order is retested; order {Id} is {Name(State)}{(Outcome is { } o ? ", " + SnakeCaseNames.Of(o.ToString()) : string.Empty)}.");
        }

        if (CorrectiveAction is not null)
        {
            throw DomainException.Conflict("retest-already-ordered", $"Order {Id} is already retested by order {CorrectiveAction.RetestOrderId}.");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw DomainException.Invalid("corrective-action-required", "Say what the applicant must put right before the retest.", "correctiveAction");
        }

        if (deadline < DateOnly.FromDateTime(at.UtcDateTime))
        {
            throw DomainException.Invalid("deadline-in-the-past", $"The corrective action's deadline {deadline:yyyy-MM-dd} has passed.", "deadline");
        }

        var failed = results.Where(r => !r.Passed).Select(r => r.Standard);
        var retest = New(retestId, ApplicationId, BodyId, LabId, failed, Samples, Id, at);
        CorrectiveAction = new CorrectiveAction(description.Trim(), deadline, retestId);
        Changed("test_order.corrective_action_opened", new { CorrectiveAction.Description, deadline, retest = retestId });
        retest.Record("test_order.placed", new { application = ApplicationId, lab = LabId, standards = retest.standards, samples = Samples, retestOf = Id });
        return retest;
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (State is not (TestOrderState.Ordered or TestOrderState.Received))
        {
            throw DomainException.Conflict("test-order-closed", $"Order {Id} is {Name(State)}; only an open order is cancelled.");
        }

        CancelReason = string.IsNullOrWhiteSpace(reason)
            ? throw DomainException.Invalid("reason-required", "Say why the order is cancelled.", "reason")
            : reason.Trim();
        State = TestOrderState.Cancelled;
        CompletedAt = at;
        Changed("test_order.cancelled", new { reason = CancelReason });
    }

    /// <summary>The lab keeps the samples until <paramref name="until"/>, once the order is completed or cancelled.</summary>
    public void RetainSamples(DateOnly until, DateTimeOffset at)
    {
        RequireClosedWithSamples("retained", [SampleState.Received, SampleState.Tested]);
        if (until < DateOnly.FromDateTime(at.UtcDateTime))
        {
            throw DomainException.Invalid("retained-until-in-the-past", $"The samples cannot be retained until {until:yyyy-MM-dd}; that day has passed.", "until");
        }

        shipment = shipment with { RetainedUntil = until };
        Changed("test_order.samples_retained", new { until });
    }

    /// <summary>
    /// The lab sends the samples back, once the order is completed or cancelled: from the lab, after a
    /// retention, or (for a cancelled order) the parcel that was on its way.
    /// </summary>
    public void ReturnSamples(Consignment consignment)
    {
        SampleState[] from = State == TestOrderState.Cancelled
            ? [SampleState.Dispatched, SampleState.Received, SampleState.Retained]
            : [SampleState.Tested, SampleState.Retained];
        RequireClosedWithSamples("returned", from);
        shipment = shipment with { Return = consignment };
        Changed("test_order.samples_returned", consignment);
    }

    public override object AuditState() => new
    {
        id = Id,
        application = ApplicationId,
        body = BodyId,
        lab = LabId,
        standards,
        samples = shipment,
        sampleState = Name(SampleState),
        state = Name(State),
        results = results.Select(r => new { r.Standard, r.Passed, r.ClauseNotes, r.RecordedBy }),
        report = Report,
        retestOf = RetestOf,
        correctiveAction = CorrectiveAction,
        cancelReason = CancelReason,
    };

    public static string Name(TestOrderState state) => SnakeCaseNames.Of(state.ToString());

    public static string Name(SampleState state) => SnakeCaseNames.Of(state.ToString());

    private static TestOrder New(Guid id, Guid applicationId, string bodyId, string labId, IEnumerable<string> standards,
        IReadOnlyList<Sample> samples, Guid? retestOf, DateTimeOffset at)
    {
        var list = standards.Select(s => s?.Trim() ?? string.Empty).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0)
        {
            throw DomainException.Invalid("standards-required", "A test order needs at least one standard to test against.", "standards");
        }

        return new TestOrder
        {
            Id = id,
            ApplicationId = applicationId,
            BodyId = Guard.Required(bodyId, "body"),
            LabId = Guard.Required(labId, "lab"),
            standards = list,
            shipment = new SampleShipment(samples),
            RetestOf = retestOf,
            State = TestOrderState.Ordered,
            OrderedAt = at,
        };
    }

    private static IReadOnlyList<Sample> CheckedSamples(Application application, IEnumerable<Sample> samples)
    {
        var models = application.Product.AllModels().ToList();
        var list = samples.ToList();
        if (list.Count == 0)
        {
            throw DomainException.Invalid("samples-required", "A test order needs samples of at least one model.", "samples");
        }

        var checkedSamples = new List<Sample>();
        foreach (var sample in list)
        {
            var model = models.FirstOrDefault(m => string.Equals(m, sample.Model?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw DomainException.Invalid("sample-model-unknown",
                    $"'{sample.Model}' is not a model of this application; its models are: {string.Join(", ", models)}.", "samples");
            if (sample.Quantity < 1)
            {
                throw DomainException.Invalid("sample-quantity-invalid", $"The quantity of model {model} must be at least 1; it is {sample.Quantity}.", "samples");
            }

            if (checkedSamples.Any(s => s.Model == model))
            {
                throw DomainException.Invalid("duplicate-sample", $"Model {model} is listed twice among the samples.", "samples");
            }

            checkedSamples.Add(new Sample(model, sample.Quantity, Notes(sample.Basis)));
        }

        return checkedSamples;
    }

    private void RequireState(TestOrderState expected, string what)
    {
        if (State != expected)
        {
            throw DomainException.Conflict("test-order-" + Name(State), $"You can {what} an order that is {Name(expected)}; order {Id} is {Name(State)}.");
        }
    }

    private void RequireClosedWithSamples(string what, SampleState[] from)
    {
        if (State is not (TestOrderState.Completed or TestOrderState.Cancelled))
        {
            throw DomainException.Conflict("test-order-" + Name(State),
                $"Samples are {what} once their order is completed or cancelled; order {Id} is {Name(State)}.");
        }

        if (!from.Contains(SampleState))
        {
            throw DomainException.Conflict("samples-" + Name(SampleState),
                $"The samples of order {Id} are {Name(SampleState)}; they are {what} when: {string.Join(", ", from.Select(Name))}.");
        }
    }

    private static string? Notes(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Changed(string action, object details)
    {
        Version++;
        Record(action, details);
    }
}
