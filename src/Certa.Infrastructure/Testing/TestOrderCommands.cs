using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Domain.Testing;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Testing;

/// <summary>What the body gives to order tests; null standards or samples take the defaults.</summary>
public sealed record NewTestOrder(string LabId, IReadOnlyList<string>? Standards, IReadOnlyList<Sample>? Samples);

/// <summary>
/// Test orders: the body orders tests from a lab designated for the product type, orders retests
/// and closes testing; the lab receives samples and records results. One transaction per command,
/// saving the order and the application together with their audit events.
/// </summary>
public sealed class TestOrderCommands(CertaDbContext db, TimeProvider clock)
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

    public async Task<TestOrder> ReceiveAsync(CommandContext who, Guid orderId, CancellationToken ct)
    {
        var order = await ForLabAsync(who, orderId, ct);
        order.Receive(clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return order;
    }

    /// <summary>Records the lab's results; the person recording becomes an evaluator of the application (they may not review or decide it).</summary>
    public async Task<TestOrder> RecordResultsAsync(CommandContext who, Guid orderId, IReadOnlyList<(string Standard, bool Passed, string? ClauseNotes)> results,
        LabReport? report, CancellationToken ct)
    {
        var order = await ForLabAsync(who, orderId, ct);
        var application = await ApplicationAsync(order.ApplicationId, ct);
        var now = clock.GetUtcNow();
        var person = who.Actor.PersonId;
        order.RecordResults([.. results.Select(r => new StandardResult(r.Standard?.Trim() ?? string.Empty, r.Passed, Notes(r.ClauseNotes), person, now))], report, now);
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

    /// <summary>An order, for someone who may see it: its lab, its body, or an authority officer.</summary>
    public async Task<TestOrder> ReadAsync(Actor actor, Guid orderId, CancellationToken ct)
    {
        var order = await db.TestOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw NotFound(orderId);
        if (!actor.May(Permission.TestOrdersRead, order.LabId))
        {
            actor.Require(Permission.TestOrdersRead, order.BodyId);
        }

        return order;
    }

    /// <summary>The orders the actor may see: its lab's or its body's (all of them for an authority officer), newest first.</summary>
    public async Task<IReadOnlyList<TestOrder>> ListAsync(Actor actor, Guid? applicationId, CancellationToken ct)
    {
        var query = db.TestOrders.AsNoTracking();
        if (actor.ReachOf(Permission.TestOrdersRead) != Reach.Any)
        {
            query = query.Where(o => o.LabId == actor.OrganisationId || o.BodyId == actor.OrganisationId);
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
        var entry = lab.RegistryId is null ? null
            : await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == lab.RegistryId && b.Kind == BodyKind.Laboratory, ct);
        if (entry is null || !entry.IsDesignatedFor(productType))
        {
            throw DomainException.Invalid("lab-not-designated",
                $"{lab.Name.En} ({lab.Id}) is not designated in the registry to test {productType.Id} ({productType.Name.En}).", "lab");
        }

        return lab;
    }

    private async Task<IReadOnlyList<string>> StandardsTodayAsync(ProductType productType, DateTimeOffset now, CancellationToken ct)
    {
        var timeline = new StandardTimeline(await db.Standards.AsNoTracking().ToListAsync(ct));
        var applying = timeline.ApplyingTo(productType, DateOnly.FromDateTime(now.UtcDateTime));
        return applying.Count > 0
            ? [.. applying.Select(e => e.Number)]
            : throw DomainException.Invalid("no-standards-apply",
                $"No standard edition applies to {productType.Id} today in the registry; name the standards to test against.", "standards");
    }

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
