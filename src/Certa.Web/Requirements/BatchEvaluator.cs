using System.Text.Json;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Profiles;

namespace Certa.Web.Requirements;

/// <summary>One line of a batch answer: the answer, or what was wrong with that line.</summary>
public sealed record BatchLine(int Line, string? Reference, Answer? Answer, IReadOnlyList<ProfileError>? Errors);

/// <summary>Evaluates one NDJSON line; shared by the batch API and <c>certa requirements --batch</c>.</summary>
public static class BatchEvaluator
{
    public static BatchLine EvaluateLine(Certa.Requirements.Evaluation.Advisor advisor, string line, int lineNumber, DateOnly today,
        JsonSerializerOptions options)
    {
        ProfileInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ProfileInput>(line, options);
        }
        catch (JsonException e)
        {
            return new BatchLine(lineNumber, null, null, [new ProfileError(RequirementsEndpoints.JsonPath(e.Path), $"not valid JSON: {e.Message.Split('.')[0]}.")]);
        }

        if (input is null)
        {
            return new BatchLine(lineNumber, null, null, [new ProfileError("$", "the line must be a JSON object")]);
        }

        try
        {
            return new BatchLine(lineNumber, input.Reference, advisor.Evaluate(input, today), null);
        }
        catch (ProfileException e)
        {
            return new BatchLine(lineNumber, input.Reference, null, e.Errors);
        }
    }
}
