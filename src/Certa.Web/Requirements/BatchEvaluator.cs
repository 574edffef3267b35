using System.Text.Json;
using System.Text.Json.Serialization;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Profiles;

namespace Certa.Web.Requirements;

/// <summary>One line of a batch answer: the summary (or, on request, the full answer), or what was wrong with that line.</summary>
public sealed record BatchLine(
    int Line,
    string? Reference,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnswerSummary? Summary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Answer? Answer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ProfileError>? Errors);

/// <summary>How much of each answer a batch returns.</summary>
public enum BatchDetail
{
    /// <summary>Requirement ids, modes, standards, durations, upcoming changes: about 1 KB a line.</summary>
    Summary,

    /// <summary>The whole explained answer, as the single-profile endpoint gives it: tens of KB a line.</summary>
    Full,
}

/// <summary>Evaluates one NDJSON line; shared by the batch API and <c>certa requirements --batch</c>.</summary>
public static class BatchEvaluator
{
    public static BatchLine EvaluateLine(Certa.Requirements.Evaluation.Advisor advisor, string line, int lineNumber, DateOnly today,
        JsonSerializerOptions options, BatchDetail detail = BatchDetail.Summary)
    {
        ProfileInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ProfileInput>(line, options);
        }
        catch (JsonException e)
        {
            return new BatchLine(lineNumber, null, null, null, [new ProfileError(RequirementsEndpoints.JsonPath(e.Path), $"not valid JSON: {e.Message.Split('.')[0]}.")]);
        }

        if (input is null)
        {
            return new BatchLine(lineNumber, null, null, null, [new ProfileError("$", "the line must be a JSON object")]);
        }

        try
        {
            var answer = advisor.Evaluate(input, today);
            return detail == BatchDetail.Full
                ? new BatchLine(lineNumber, input.Reference, null, answer, null)
                : new BatchLine(lineNumber, input.Reference, AnswerSummary.From(answer), null, null);
        }
        catch (ProfileException e)
        {
            return new BatchLine(lineNumber, input.Reference, null, null, e.Errors);
        }
    }
}
