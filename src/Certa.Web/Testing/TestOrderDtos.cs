using Certa.Domain.Common;
using Certa.Domain.Testing;

namespace Certa.Web.Testing;

public sealed record SampleRequest(string? Model, int? Quantity);

/// <summary>Which lab, and optionally the standards (default: those applying today) and samples (default: one of the main model).</summary>
public sealed record NewTestOrderRequest(string? Lab, IReadOnlyList<string>? Standards, IReadOnlyList<SampleRequest>? Samples);

public sealed record StandardResultRequest(string? Standard, bool? Passed, string? ClauseNotes);

public sealed record LabReportRequest(string? Sha256, string? FileName);

public sealed record TestResultsRequest(IReadOnlyList<StandardResultRequest>? Results, LabReportRequest? Report);

public sealed record RetestRequest(string? CorrectiveAction, DateOnly? Deadline);

public sealed record TestOrderDto(
    Guid Id, Guid Application, string Body, string Lab, IReadOnlyList<string> Standards, IReadOnlyList<Sample> Samples, string State,
    string? Outcome, IReadOnlyList<StandardResult> Results, LabReport? Report, Guid? RetestOf, CorrectiveAction? CorrectiveAction,
    bool Superseded, DateTimeOffset OrderedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? CompletedAt, int Version)
{
    public static TestOrderDto From(TestOrder o) => new(o.Id, o.ApplicationId, o.BodyId, o.LabId, o.Standards, o.Samples, TestOrder.Name(o.State),
        o.Outcome is { } outcome ? SnakeCaseNames.Of(outcome.ToString()) : null, o.Results, o.Report, o.RetestOf, o.CorrectiveAction,
        o.IsSuperseded, o.OrderedAt, o.ReceivedAt, o.CompletedAt, o.Version);
}
