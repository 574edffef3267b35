using Certa.Domain.Common;
using Certa.Domain.Testing;

namespace Certa.Web.Testing;

/// <summary>A line of the sample plan: a model, how many, and what the choice is based on (the documents' technical data).</summary>
public sealed record SampleRequest(string? Model, int? Quantity, string? Basis);

/// <summary>Which lab, and optionally the standards (default: those applying today) and the sample plan (default: one of the main model).</summary>
public sealed record NewTestOrderRequest(string? Lab, IReadOnlyList<string>? Standards, IReadOnlyList<SampleRequest>? Samples);

public sealed record StandardResultRequest(string? Standard, bool? Passed, string? ClauseNotes);

/// <summary>A report already in the file store (PUT <c>…/report</c> stores and attaches one).</summary>
public sealed record LabReportRequest(string? Sha256, string? FileName);

public sealed record TestResultsRequest(IReadOnlyList<StandardResultRequest>? Results, LabReportRequest? Report);

public sealed record RetestRequest(string? CorrectiveAction, DateOnly? Deadline);

/// <summary>A parcel of samples: the carrier, its tracking number and the day it was sent (default: today).</summary>
public sealed record ConsignmentRequest(string? Carrier, string? TrackingNumber, DateOnly? SentOn);

public sealed record RetainSamplesRequest(DateOnly? Until);

/// <summary>Where the samples are (planned, dispatched, received, tested, retained or returned) and the dates of their journey.</summary>
public sealed record SampleTrackingDto(string State, Consignment? Dispatch, DateTimeOffset? ReceivedAt, DateOnly? RetainedUntil, Consignment? Return)
{
    public static SampleTrackingDto From(TestOrder o) =>
        new(TestOrder.Name(o.SampleState), o.Shipment.Dispatch, o.ReceivedAt, o.Shipment.RetainedUntil, o.Shipment.Return);
}

public sealed record TestOrderDto(
    Guid Id, Guid Application, string Body, string Lab, IReadOnlyList<string> Standards, IReadOnlyList<Sample> Samples, SampleTrackingDto SampleTracking,
    string State, string? Outcome, IReadOnlyList<StandardResult> Results, LabReport? Report, Guid? RetestOf, CorrectiveAction? CorrectiveAction,
    bool Superseded, string? CancelReason, DateTimeOffset OrderedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? CompletedAt, int Version)
{
    public static TestOrderDto From(TestOrder o) => new(o.Id, o.ApplicationId, o.BodyId, o.LabId, o.Standards, o.Samples, SampleTrackingDto.From(o),
        TestOrder.Name(o.State), o.Outcome is { } outcome ? SnakeCaseNames.Of(outcome.ToString()) : null, o.Results, o.Report, o.RetestOf, o.CorrectiveAction,
        o.IsSuperseded, o.CancelReason, o.OrderedAt, o.ReceivedAt, o.CompletedAt, o.Version);
}
