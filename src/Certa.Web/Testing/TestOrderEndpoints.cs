using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Testing;
using Certa.Infrastructure.Testing;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Applications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Testing;

/// <summary>
/// Test orders: the body orders tests of an application from a designated lab, orders retests, cancels
/// orders and completes testing; the applicant sees its applications' orders and dispatches the
/// samples; the lab sees only its orders, receives the samples, records results per standard, uploads
/// its report and retains or returns the samples. A lab not designated for the product type or a bad
/// report file is a 400; a move the order's or the samples' state forbids, a 409.
/// </summary>
public static class TestOrderEndpoints
{
    public static void MapTestOrderApi(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/v1/applications").WithTags("Test orders").AddEndpointFilter<DomainProblems>();
        applications.MapPost("/{applicationId:guid}/test-orders", Place).WithName("PlaceTestOrder").Requires(Permission.TestOrdersManage).Idempotent();
        applications.MapPost("/{applicationId:guid}/complete-testing", CompleteTesting).WithName("CompleteTesting").Requires(Permission.TestOrdersManage);

        var orders = app.MapGroup("/api/v1/test-orders").WithTags("Test orders").AddEndpointFilter<DomainProblems>();
        orders.MapGet("/", List).WithName("ListTestOrders").Requires(Permission.TestOrdersRead);
        orders.MapGet("/{orderId:guid}", Get).WithName("GetTestOrder").Requires(Permission.TestOrdersRead);
        orders.MapPost("/{orderId:guid}/receive", Receive).WithName("ReceiveTestSamples").Requires(Permission.TestResultsRecord);
        orders.MapPost("/{orderId:guid}/results", Results).WithName("RecordTestResults").Requires(Permission.TestResultsRecord);
        orders.MapPost("/{orderId:guid}/retest", Retest).WithName("OrderRetest").Requires(Permission.TestOrdersManage).Idempotent();
        orders.MapPost("/{orderId:guid}/cancel", Cancel).WithName("CancelTestOrder").Requires(Permission.TestOrdersManage);
        orders.MapPost("/{orderId:guid}/dispatch", Dispatch).WithName("DispatchTestSamples").Requires(Permission.SamplesDispatch);
        orders.MapPost("/{orderId:guid}/retain-samples", RetainSamples).WithName("RetainTestSamples").Requires(Permission.TestResultsRecord);
        orders.MapPost("/{orderId:guid}/return-samples", ReturnSamples).WithName("ReturnTestSamples").Requires(Permission.TestResultsRecord);
        // Any declared content type is taken: the file's own first bytes decide what it is (DocumentRules).
        orders.MapPut("/{orderId:guid}/report", AttachReport).WithName("AttachLabReport").Requires(Permission.TestResultsRecord);
        orders.MapGet("/{orderId:guid}/report", DownloadReport).WithName("DownloadLabReport").Requires(Permission.TestOrdersRead);
    }

    [EndpointSummary("Order tests from a lab")]
    [EndpointDescription("As the body, while the application is accepted or testing; the first order starts testing. The lab must be designated for the product type. " +
        "Without standards, the editions applying to the product type today; without samples, one of the main model. " +
        "Each sample line may say what the choice is based on (basis: the documents' technical data).")]
    public static async Task<Created<TestOrderDto>> Place(HttpContext http, Guid applicationId, NewTestOrderRequest request, TestOrderCommands commands, CancellationToken ct)
    {
        var input = new NewTestOrder(request.Lab ?? string.Empty, request.Standards,
            request.Samples?.Select(s => new Sample(s.Model ?? string.Empty, s.Quantity ?? 1, s.Basis)).ToList());
        var order = await commands.PlaceAsync(http.Command(), applicationId, input, ct);
        return TypedResults.Created($"/api/v1/test-orders/{order.Id}", TestOrderDto.From(order));
    }

    [EndpointSummary("List test orders")]
    [EndpointDescription("A lab's own orders, a body's own, an applicant's applications', or all for authority officers; newest first. ?application= narrows to one application.")]
    public static async Task<Ok<IReadOnlyList<TestOrderDto>>> List(HttpContext http, Guid? application, TestOrderCommands commands, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<TestOrderDto>>([.. (await commands.ListAsync(http.RequiredActor(), application, ct)).Select(TestOrderDto.From)]);

    [EndpointSummary("Get a test order")]
    public static async Task<Ok<TestOrderDto>> Get(HttpContext http, Guid orderId, TestOrderCommands commands, CancellationToken ct) =>
        TypedResults.Ok(TestOrderDto.From(await commands.ReadAsync(http.RequiredActor(), orderId, ct)));

    [EndpointSummary("Dispatch the samples")]
    [EndpointDescription("As the application's applicant, once per order while it is ordered: the carrier, the tracking number and the day sent (default: today).")]
    public static async Task<Ok<TestOrderDto>> Dispatch(HttpContext http, Guid orderId, ConsignmentRequest request, TestOrderCommands commands, CancellationToken ct) =>
        TypedResults.Ok(TestOrderDto.From(await commands.DispatchAsync(http.Command(), orderId, request.Carrier, request.TrackingNumber, request.SentOn, ct)));

    [EndpointSummary("Receive the samples")]
    [EndpointDescription("As the order's lab, once the applicant has dispatched them (409 samples-not-dispatched before).")]
    public static async Task<Ok<TestOrderDto>> Receive(HttpContext http, Guid orderId, TestOrderCommands commands, CancellationToken ct) =>
        TypedResults.Ok(TestOrderDto.From(await commands.ReceiveAsync(http.Command(), orderId, ct)));

    [EndpointSummary("Record test results")]
    [EndpointDescription("As the order's lab: pass or fail and clause notes per standard, and optionally a report already uploaded (SHA-256 and file name). " +
        "When every standard has a result the order completes. The engineer may then neither review nor decide the application.")]
    public static async Task<Ok<TestOrderDto>> Results(HttpContext http, Guid orderId, TestResultsRequest request, TestOrderCommands commands, CancellationToken ct)
    {
        var results = (request.Results ?? []).Select(r => (r.Standard ?? string.Empty,
            r.Passed ?? throw DomainException.Invalid("passed-required", $"Say whether '{r.Standard}' passed.", "results"), r.ClauseNotes)).ToList();
        var report = request.Report is null ? null : LabReport.Of(request.Report.Sha256, request.Report.FileName);
        return TypedResults.Ok(TestOrderDto.From(await commands.RecordResultsAsync(http.Command(), orderId, results, report, ct)));
    }

    [EndpointSummary("Upload the lab's report")]
    [EndpointDescription("As the order's lab, while it is received or completed. The request body is the file (PDF, PNG or JPEG, at most 20 MiB); ?fileName= names it. " +
        "Replaces an earlier report; a refused file stores nothing.")]
    public static async Task<Ok<TestOrderDto>> AttachReport(HttpContext http, Guid orderId, string? fileName, TestOrderCommands commands, CancellationToken ct)
    {
        var content = await FileBodies.ReadAsync(http.Request.Body, ct);
        return TypedResults.Ok(TestOrderDto.From(await commands.AttachReportAsync(http.Command(), orderId, fileName, content, ct)));
    }

    [EndpointSummary("Download the lab's report")]
    [EndpointDescription("For whoever may see the order: its lab, its body, the applicant, authority officers.")]
    public static async Task<FileStreamHttpResult> DownloadReport(HttpContext http, Guid orderId, TestOrderCommands commands, CancellationToken ct)
    {
        var (report, content) = await commands.OpenReportAsync(http.RequiredActor(), orderId, ct);
        return await FileBodies.DownloadAsync(content, report.FileName, ct);
    }

    [EndpointSummary("Retain the samples")]
    [EndpointDescription("As the order's lab, once the order is completed or cancelled: it keeps the samples until a day.")]
    public static async Task<Ok<TestOrderDto>> RetainSamples(HttpContext http, Guid orderId, RetainSamplesRequest request, TestOrderCommands commands, CancellationToken ct)
    {
        var until = request.Until ?? throw DomainException.Invalid("until-required", "Give the day until which the samples are kept (yyyy-MM-dd).", "until");
        return TypedResults.Ok(TestOrderDto.From(await commands.RetainSamplesAsync(http.Command(), orderId, until, ct)));
    }

    [EndpointSummary("Return the samples")]
    [EndpointDescription("As the order's lab, once the order is completed or cancelled: the carrier, the tracking number and the day sent (default: today).")]
    public static async Task<Ok<TestOrderDto>> ReturnSamples(HttpContext http, Guid orderId, ConsignmentRequest request, TestOrderCommands commands, CancellationToken ct) =>
        TypedResults.Ok(TestOrderDto.From(await commands.ReturnSamplesAsync(http.Command(), orderId, request.Carrier, request.TrackingNumber, request.SentOn, ct)));

    [EndpointSummary("Cancel a test order")]
    [EndpointDescription("As the body, while the order is ordered or received, saying why. The lab may then return the samples it has.")]
    public static async Task<Ok<TestOrderDto>> Cancel(HttpContext http, Guid orderId, ReasonRequest request, TestOrderCommands commands, CancellationToken ct) =>
        TypedResults.Ok(TestOrderDto.From(await commands.CancelAsync(http.Command(), orderId, request.Reason ?? string.Empty, ct)));

    [EndpointSummary("Order a retest")]
    [EndpointDescription("As the body, for a failed order: opens the corrective action (what to put right, by when) and places the retest against the failed standards.")]
    public static async Task<Created<TestOrderDto>> Retest(HttpContext http, Guid orderId, RetestRequest request, TestOrderCommands commands, CancellationToken ct)
    {
        var deadline = request.Deadline ?? throw DomainException.Invalid("deadline-required", "Give the corrective action's deadline (yyyy-MM-dd).", "deadline");
        var retest = await commands.RetestAsync(http.Command(), orderId, request.CorrectiveAction ?? string.Empty, deadline, ct);
        return TypedResults.Created($"/api/v1/test-orders/{retest.Id}", TestOrderDto.From(retest));
    }

    [EndpointSummary("Complete testing")]
    [EndpointDescription("As the body, once every order that counts has passed: the application moves to the factory audit. 409 while an order is open or failed without a passed retest.")]
    public static async Task<Ok<ApplicationDto>> CompleteTesting(HttpContext http, Guid applicationId, TestOrderCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.CompleteTestingAsync(http.Command(), applicationId, ct)));
}
