using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Testing;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Testing;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Applications;

/// <summary>
/// The application page's test orders (<c>_TestOrders.cshtml</c>): the body's and the applicant's people
/// see the orders with their state, samples and outcome; the body's handlers order tests from a designated
/// lab, open a corrective action and retest for a failed order, and complete testing; the applicant
/// records the samples' dispatch. Each runs one of <see cref="TestOrderCommands"/>.
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>The lab to order tests from (an organisation id).</summary>
    [BindProperty]
    public string? Lab { get; set; }

    /// <summary>The standard numbers ticked on the order form.</summary>
    [BindProperty]
    public List<string> Standards { get; set; } = [];

    [BindProperty]
    public List<SampleInput> Samples { get; set; } = [];

    /// <summary>The failed order a corrective action is opened for.</summary>
    [BindProperty]
    public Guid? OrderId { get; set; }

    [BindProperty]
    public string? CorrectiveAction { get; set; }

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    [BindProperty]
    public string? Carrier { get; set; }

    [BindProperty]
    public string? TrackingNumber { get; set; }

    [BindProperty]
    public DateOnly? SentOn { get; set; }

    /// <summary>The test-order section, for those who see the body's orders; null for everyone else.</summary>
    public TestOrdersSection? Testing { get; private set; }

    public Task<IActionResult> OnPostOrderTestsAsync([FromServices] TestOrderCommands orders, [FromServices] UiText words, CancellationToken ct) =>
        RunAsync("order-tests", "tests_ordered", async () =>
        {
            if (Standards.Count == 0)
            {
                throw DomainException.Invalid("standards-required", words["body.order.standards.required"], "standards");
            }

            var samples = Samples.Where(s => s.Quantity != 0).Select(s => new Sample(s.Model ?? string.Empty, s.Quantity)).ToList();
            // Nothing to send: the zero quantities go to the order, which refuses them by model.
            var order = new NewTestOrder(Lab ?? string.Empty, Standards,
                samples.Count > 0 ? samples : [.. Samples.Select(s => new Sample(s.Model ?? string.Empty, s.Quantity))]);
            await orders.PlaceAsync(HttpContext.Command(), Id, order, ct);
        }, ct);

    public Task<IActionResult> OnPostRetestAsync([FromServices] TestOrderCommands orders, [FromServices] UiText words, CancellationToken ct) =>
        RunAsync("retest", "retest_ordered", () => orders.RetestAsync(HttpContext.Command(), OrderId ?? Guid.Empty, CorrectiveAction ?? string.Empty,
            Deadline ?? throw DomainException.Invalid("deadline-required", words["body.retest.deadline.required"], "deadline"), ct), ct);

    public Task<IActionResult> OnPostDispatchAsync([FromServices] TestOrderCommands orders, CancellationToken ct) =>
        RunAsync("dispatch", "dispatched", () => orders.DispatchAsync(HttpContext.Command(), OrderId ?? Guid.Empty, Carrier, TrackingNumber, SentOn, ct), ct);

    public Task<IActionResult> OnPostCompleteTestingAsync([FromServices] TestOrderCommands orders, CancellationToken ct) =>
        RunAsync("complete-testing", "testing_completed", () => orders.CompleteTestingAsync(HttpContext.Command(), Id, ct), ct);

    /// <summary>Whether the order form shows <paramref name="standard"/> ticked: all of today's at first, the posted ones after a refusal.</summary>
    public bool Ticked(string standard) => FailedForm != "order-tests" || Standards.Contains(standard, StringComparer.OrdinalIgnoreCase);

    /// <summary>The quantity the order form shows for a model: one of the main model at first, the posted ones after a refusal.</summary>
    public int QuantityOf(string model) => FailedForm == "order-tests"
        ? Samples.FirstOrDefault(s => string.Equals(s.Model, model, StringComparison.OrdinalIgnoreCase))?.Quantity ?? 0
        : model == Application.Product.MainModel ? 1 : 0;

    public string? CorrectiveActionFor(Guid order) => FailedForm == "retest" && OrderId == order ? CorrectiveAction : null;

    /// <summary>What the dispatch form of <paramref name="order"/> shows again after a refusal.</summary>
    public (string? Carrier, string? TrackingNumber) DispatchFor(Guid order) => FailedForm == "dispatch" && OrderId == order ? (Carrier, TrackingNumber) : (null, null);

    private async Task<TestOrdersSection?> TestingAsync(CertaDbContext db, TestOrderCommands orders, TimeProvider clock, CancellationToken ct)
    {
        if (Me.ReachOf(Permission.TestOrdersRead) == Reach.None)
        {
            return null;
        }

        var list = await orders.ListAsync(Me, Application.Id, ct);
        var manages = Me.May(Permission.TestOrdersManage, Application.BodyId);
        var orderable = manages && Application.State is ApplicationState.Accepted or ApplicationState.Testing;
        if (list.Count == 0 && !orderable)
        {
            return null;
        }

        var productType = await db.ProductTypes.AsNoTracking().FirstAsync(p => p.Id == Application.ProductTypeId, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var designated = orderable ? await DesignatedLabs.ForAsync(db, productType, today, ct) : [];
        var standards = orderable ? await DesignatedLabs.StandardsOnAsync(db, productType, today, ct) : [];
        var labIds = list.Select(o => o.LabId).Distinct().ToList();
        var language = UiText.CurrentLanguage;
        var names = await db.Organisations.AsNoTracking().Where(o => labIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name.In(language), StringComparer.Ordinal, ct);
        return new TestOrdersSection(
            [.. list.OrderBy(o => o.OrderedAt).Select(o => new TestOrderLine(o, names.GetValueOrDefault(o.LabId) ?? o.LabId))],
            [.. designated.Select(l => new LabChoice(l.Id, l.Name.In(language)))],
            standards,
            Application.Product.AllModels(),
            manages, orderable, manages && Application.State == ApplicationState.Testing, Me.May(Permission.SamplesDispatch, Application.ApplicantId), today);
    }
}

/// <summary>A model and how many samples of it the order form sends.</summary>
public sealed class SampleInput
{
    public string? Model { get; set; }

    public int Quantity { get; set; }
}

/// <summary>A lab the body may order from.</summary>
public sealed record LabChoice(string Id, string Name);

/// <summary>An order of the application and the name of its lab in the reader's language.</summary>
public sealed record TestOrderLine(TestOrder Order, string LabName)
{
    public string State => TestOrder.Name(Order.State);

    public string? Outcome => Order.Outcome is { } o ? SnakeCaseNames.Of(o.ToString()) : null;

    /// <summary>Failed and not yet retested: the body may open its corrective action.</summary>
    public bool AwaitsCorrectiveAction => Order.Outcome == TestOutcome.Failed && !Order.IsSuperseded;

    public string Samples => SnakeCaseNames.Of(Order.SampleState.ToString());

    /// <summary>Ordered and the samples not yet sent: the applicant records their dispatch.</summary>
    public bool AwaitsDispatch => Order.State == TestOrderState.Ordered && Order.SampleState == SampleState.Planned;
}

/// <summary>What the test-order section shows and offers.</summary>
public sealed record TestOrdersSection(IReadOnlyList<TestOrderLine> Orders, IReadOnlyList<LabChoice> Labs, IReadOnlyList<string> StandardsToday,
    IReadOnlyList<string> Models, bool MayManage, bool MayOrder, bool MayComplete, bool MayDispatch, DateOnly Today);
