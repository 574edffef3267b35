using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Domain.Testing;
using Certa.Infrastructure.Files;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Testing;

/// <summary>What the body gives to order tests; null standards or samples take the defaults.</summary>
public sealed record NewTestOrder(string LabId, IReadOnlyList<string>? Standards, IReadOnlyList<Sample>? Samples);

/// <summary>
/// Test orders: the body orders tests from a lab designated for the product type, orders retests,
/// cancels orders and closes testing; the applicant dispatches the samples; the lab receives them,
/// records results, attaches its report and retains or returns the samples. One transaction per
/// command, saving the order and the application together with their audit events.
/// </summary>
public sealed class TestOrderCommands(CertaDbContext db, IFileStore files, TimeProvider clock)
{
    /// <summary>
    /// Orders tests while the application is accepted or testing; the first order starts testing.
    /// Without standards, the editions applying to the product type today; without samples, one of the main model.
    /// </summary>
    public async Task<TestOrder> PlaceAsync(CommandContext who, Guid applicationId, NewTestOrder input, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        who.Actor.Require(Permission.TestOrdersManage, application.BodyId);
        if (application.State is not (ApplicationState.Accepted or ApplicationState.Testing))
        {
            throw DomainException.Conflict("application-not-testable",
                $"Tests are ordered while an application is accepted or testing; application {applicationId} is {ApplicationWorkflow.Name(application.State)}.");
        }

        var productType = await db.ProductTypes.AsNoTracking().FirstAsync(p => p.Id == application.ProductTypeId, ct);
        var lab = await DesignatedLabAsync(input.LabId, productType, ct);
        var now = clock.GetUtcNow();
        var standards = input.Standards is { Count: > 0 } given ? given : await StandardsTodayAsync(productType, now, ct);
        var samples = input.Samples is { Count: > 0 } chosen ? chosen : [new Sample(application.Product.MainModel, 1)];
        var order = TestOrder.Place(Guid.CreateVersion7(now), application, lab.Id, standards, samples, now);
        if (application.State == ApplicationState.Accepted)
        {
            application.StartTesting(now);
        }

        db.TestOrders.Add(order);
        await db.CommitAsync(who, now, ct);
        return order;
    }

    /// <summary>As the application's applicant: the samples are handed to a carrier (once per order).</summary>
    public async Task<TestOrder> DispatchAsync(CommandContext who, Guid orderId, string? carrier, string? trackingNumber, DateOnly? sentOn, CancellationToken ct)
    {
        var order = await OrderAsync(orderId, ct);
        who.Actor.Require(Permission.SamplesDispatch, await ApplicantOfAsync(order, ct));
        var now = clock.GetUtcNow();
        order.DispatchSamples(Consignment.Of(carrier, trackingNumber, sentOn, now, "dispatch"));
        await db.CommitAsync(who, now, ct);
        return order;
    }

    public Task<TestOrder> ReceiveAsync(CommandContext who, Guid orderId, CancellationToken ct) =>
        LabAsync(who, orderId, (order, now) => order.Receive(now), ct);

    /// <summary>As the lab, once the order is completed or cancelled: it keeps the samples until a day.</summary>
    public Task<TestOrder> RetainSamplesAsync(CommandContext who, Guid orderId, DateOnly until, CancellationToken ct) =>
        LabAsync(who, orderId, (order, now) => order.RetainSamples(until, now), ct);

    /// <summary>As the lab, once the order is completed or cancelled: it sends the samples back.</summary>
    public Task<TestOrder> ReturnSamplesAsync(CommandContext who, Guid orderId, string? carrier, string? trackingNumber, DateOnly? sentOn, CancellationToken ct) =>
        LabAsync(who, orderId, (order, now) => order.ReturnSamples(Consignment.Of(carrier, trackingNumber, sentOn, now, "return")), ct);

    /// <summary>
    /// As the lab, while the order is received or completed: checks the file (as an application's
    /// documents are checked), attaches it, then stores it and commits. A refused upload stores nothing.
    /// </summary>
    public async Task<TestOrder> AttachReportAsync(CommandContext who, Guid orderId, string? fileName, byte[] content, CancellationToken ct)
    {
        var order = await ForLabAsync(who, orderId, ct);
        var file = DocumentRules.Accept(fileName, $"test-report-{orderId}", content);
        order.AttachReport(LabReport.Of(file.Sha256, file.Name));
        await files.PutAsync(content, ct);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return order;
    }

    /// <summary>The lab's report and its content, for someone who may read the order.</summary>
    public async Task<(LabReport Report, Stream Content)> OpenReportAsync(Actor actor, Guid orderId, CancellationToken ct)
    {
        var order = await ReadAsync(actor, orderId, ct);
        var report = order.Report ?? throw DomainException.NotFound("report-not-found", $"The lab has not attached a report to order {orderId} yet.");
        var content = await files.OpenAsync(report.Sha256, ct)
            ?? throw new InvalidOperationException($"The stored report {report.Sha256} of test order {orderId} is missing from the file store.");
        return (report, content);
    }

    /// <summary>As the body: cancels an open order, saying why.</summary>
    public async Task<TestOrder> CancelAsync(CommandContext who, Guid orderId, string reason, CancellationToken ct)
    {
        var order = await OrderAsync(orderId, ct);
        who.Actor.Require(Permission.TestOrdersManage, order.BodyId);
        var now = clock.GetUtcNow();
        order.Cancel(reason, now);
        await db.CommitAsync(who, now, ct);
        return order;
    }

    /// <summary>
    /// Records the lab's results; the person recording becomes an evaluator of the application (they may
    /// not review or decide it). A <paramref name="report"/> named here must already be in the file store
    /// (<see cref="AttachReportAsync"/> puts it there), so that every report can be downloaded.
    /// </summary>
    public async Task<TestOrder> RecordResultsAsync(CommandContext who, Guid orderId, IReadOnlyList<(string Standard, bool Passed, string? ClauseNotes)> results,
        LabReport? report, CancellationToken ct)
    {
        var order = await ForLabAsync(who, orderId, ct);
        if (report is not null && !await files.ExistsAsync(report.Sha256, ct))
        {
            throw DomainException.Invalid("report-not-stored",
                $"No file with SHA-256 {report.Sha256} is stored; upload the report with PUT /api/v1/test-orders/{orderId}/report.", "report.sha256");
        }

        var application = await ApplicationAsync(order.ApplicationId, ct);
        var now = clock.GetUtcNow();
        var person = who.Actor.PersonId;
        order.RecordResults([.. results.Select(r => new StandardResult(r.Standard?.Trim() ?? string.Empty, r.Passed, Notes(r.ClauseNotes), person, now))], now);
        if (report is not null)
        {
            order.AttachReport(report);
        }

        if (person is { } evaluator)
        {
            application.NoteEvaluator(evaluator);
        }

        await db.CommitAsync(who, now, ct);
        return order;
    }

    /// <summary>Opens the corrective action of a failed order and places its retest; returns the retest.</summary>
    public async Task<TestOrder> RetestAsync(CommandContext who, Guid orderId, string correctiveAction, DateOnly deadline, CancellationToken ct)
    {
        var order = await OrderAsync(orderId, ct);
        who.Actor.Require(Permission.TestOrdersManage, order.BodyId);
        var application = await ApplicationAsync(order.ApplicationId, ct);
        if (application.State != ApplicationState.Testing)
        {
            throw DomainException.Conflict("application-not-testing",
                $"A retest is ordered while the application is testing; application {application.Id} is {ApplicationWorkflow.Name(application.State)}.");
        }

        var now = clock.GetUtcNow();
        var retest = order.OrderRetest(Guid.CreateVersion7(now), application, correctiveAction, deadline, now);
        db.TestOrders.Add(retest);
        await db.CommitAsync(who, now, ct);
        return retest;
    }

    /// <summary>Moves the application on to the factory audit once every order that counts has passed.</summary>
    public async Task<Application> CompleteTestingAsync(CommandContext who, Guid applicationId, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        who.Actor.Require(Permission.TestOrdersManage, application.BodyId);
        var orders = await db.TestOrders.AsNoTracking().Where(o => o.ApplicationId == applicationId).ToListAsync(ct);
        if (application.State == ApplicationState.Testing)
        {
            TestingGate.RequireAllPassed(applicationId, orders);
        }

        application.CompleteTesting(clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return application;
    }

    /// <summary>An order, for someone who may see it: its lab, its body, the application's applicant, or an authority officer.</summary>
    public async Task<TestOrder> ReadAsync(Actor actor, Guid orderId, CancellationToken ct)
    {
        var order = await db.TestOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw NotFound(orderId);
        if (!actor.May(Permission.TestOrdersRead, order.LabId) && !actor.May(Permission.TestOrdersRead, order.BodyId))
        {
            actor.Require(Permission.TestOrdersRead, await ApplicantOfAsync(order, ct));
        }

        return order;
    }

    /// <summary>
    /// The orders the actor may see: its lab's, its body's or its applications' (all of them for an
    /// authority officer), newest first.
    /// </summary>
    public async Task<IReadOnlyList<TestOrder>> ListAsync(Actor actor, Guid? applicationId, CancellationToken ct)
    {
        var query = db.TestOrders.AsNoTracking();
        if (actor.ReachOf(Permission.TestOrdersRead) != Reach.Any)
        {
            var own = actor.OrganisationId;
            var applications = db.Applications.Where(a => a.ApplicantId == own).Select(a => a.Id);
            query = query.Where(o => o.LabId == own || o.BodyId == own || applications.Contains(o.ApplicationId));
        }

        if (applicationId is { } id)
        {
            query = query.Where(o => o.ApplicationId == id);
        }

        return [.. (await query.ToListAsync(ct)).OrderByDescending(o => o.OrderedAt)];
    }

    private async Task<Organisation> DesignatedLabAsync(string labId, ProductType productType, CancellationToken ct)
    {
        var id = labId?.Trim() ?? string.Empty;
        var lab = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.Kind == OrganisationKind.Laboratory, ct)
            ?? throw DomainException.Invalid("unknown-lab", $"'{labId}' is not a laboratory in Certa.", "lab");
        if (!await DesignatedLabs.IsDesignatedAsync(db, lab, productType, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))
        {
            throw DomainException.Invalid("lab-not-designated",
                $"{lab.Name.En} ({lab.Id}) is not designated in the registry to test {productType.Id} ({productType.Name.En}).", "lab");
        }

        return lab;
    }

    private async Task<IReadOnlyList<string>> StandardsTodayAsync(ProductType productType, DateTimeOffset now, CancellationToken ct)
    {
        var applying = await DesignatedLabs.StandardsOnAsync(db, productType, DateOnly.FromDateTime(now.UtcDateTime), ct);
        return applying.Count > 0
            ? applying
            : throw DomainException.Invalid("no-standards-apply",
                $"No standard edition applies to {productType.Id} today in the registry; name the standards to test against.", "standards");
    }

    private async Task<TestOrder> LabAsync(CommandContext who, Guid orderId, Action<TestOrder, DateTimeOffset> change, CancellationToken ct)
    {
        var order = await ForLabAsync(who, orderId, ct);
        var now = clock.GetUtcNow();
        change(order, now);
        await db.CommitAsync(who, now, ct);
        return order;
    }

    private async Task<string> ApplicantOfAsync(TestOrder order, CancellationToken ct) =>
        await db.Applications.Where(a => a.Id == order.ApplicationId).Select(a => a.ApplicantId).FirstAsync(ct);

    private async Task<TestOrder> ForLabAsync(CommandContext who, Guid orderId, CancellationToken ct)
    {
        var order = await OrderAsync(orderId, ct);
        who.Actor.Require(Permission.TestResultsRecord, order.LabId);
        return order;
    }

    private async Task<TestOrder> OrderAsync(Guid id, CancellationToken ct) =>
        await db.TestOrders.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw NotFound(id);

    private async Task<Application> ApplicationAsync(Guid id, CancellationToken ct) =>
        await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw DomainException.NotFound("application-not-found", $"There is no application {id}.");

    private static DomainException NotFound(Guid id) => DomainException.NotFound("test-order-not-found", $"There is no test order {id}.");

    private static string? Notes(string? notes) => string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
}
