using System.Text;
using System.Text.Json;
using Certa.Infrastructure.Advisor;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Profiles;
using Certa.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Certa.Web.Requirements;

/// <summary>
/// The market-access advisor over HTTP: one profile in, the explained answer out; or NDJSON
/// profiles streamed in and answers streamed out, one line each, errors per line.
/// </summary>
public static class RequirementsEndpoints
{
    public const string NdJson = "application/x-ndjson";

    private const int ChunkSize = 512;

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static void MapRequirementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/requirements").WithTags("Market-access advisor").Public();
        api.MapPost("/evaluate", Evaluate).WithName("EvaluateRequirements")
            .Accepts<ProfileInput>("application/json")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapPost("/batch", Batch).WithName("EvaluateRequirementsBatch")
            .Accepts<ProfileInput>(NdJson)
            .Produces<BatchLine>(StatusCodes.Status200OK, NdJson);
        api.MapGet("/knowledge", Knowledge).WithName("AdvisorKnowledge");
    }

    [EndpointSummary("Evaluate one product profile")]
    [EndpointDescription("Every certification the product needs for its markets, why, with standards, bodies, labs, documents, steps, a combined plan and what changes in the next 24 months; and what was ruled out, and why.")]
    public static async Task<Results<Ok<Answer>, ValidationProblem, ProblemHttpResult>> Evaluate(
        HttpRequest request, AdvisorService advisors, TimeProvider clock, IOptions<JsonOptions> json, CancellationToken ct)
    {
        ProfileInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<ProfileInput>(request.Body, json.Value.SerializerOptions, ct);
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [JsonPath(e.Path)] = [$"not valid JSON here (line {e.LineNumber + 1}): {e.Message.Split('.')[0]}."] },
                title: "Invalid profile", detail: "The request body is not a valid profile.");
        }

        if (input is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["the body must be a JSON object"] }, title: "Invalid profile");
        }

        try
        {
            var advisor = await advisors.GetAsync(ct);
            return TypedResults.Ok(advisor.Evaluate(input, Today(clock)));
        }
        catch (ProfileException e)
        {
            return Invalid(e);
        }
        catch (AdvisorUnavailableException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Advisor unavailable", detail: e.Message);
        }
    }

    [EndpointSummary("Evaluate many profiles (NDJSON)")]
    [EndpointDescription("Send application/x-ndjson, one profile per line; receive one line per profile, in order: {\"line\":n,\"summary\":{…}} (or \"answer\" with ?detail=full) or {\"line\":n,\"errors\":[…]}. A bad line does not stop the batch.")]
    public static async Task Batch(HttpContext http, AdvisorService advisors, TimeProvider clock, IOptions<JsonOptions> json,
        [System.ComponentModel.Description("summary (default) or full.")] string? detail, CancellationToken ct)
    {
        var errors = new Api.QueryErrors();
        var level = errors.Enum<BatchDetail>("detail", detail) ?? BatchDetail.Summary;
        if (errors.Any)
        {
            await errors.Problem().ExecuteAsync(http);
            return;
        }

        Certa.Requirements.Evaluation.Advisor advisor;
        try
        {
            advisor = await advisors.GetAsync(ct);
        }
        catch (AdvisorUnavailableException e)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Advisor unavailable", detail: e.Message).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = NdJson;
        var options = json.Value.SerializerOptions;
        var today = Today(clock);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = http.Response.Body;
        var chunk = new List<(int Number, string Text)>(ChunkSize);
        var lineNumber = 0;
        while (true)
        {
            var line = await reader.ReadLineAsync(ct);
            if (line is not null)
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    chunk.Add((lineNumber, line));
                }
            }

            if (chunk.Count == ChunkSize || (line is null && chunk.Count > 0))
            {
                // Lines are evaluated on every core, then written in their input order.
                var results = new byte[chunk.Count][];
                Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = JsonSerializer.SerializeToUtf8Bytes(
                    BatchEvaluator.EvaluateLine(advisor, chunk[i].Text, chunk[i].Number, today, options, level), options));
                foreach (var result in results)
                {
                    await body.WriteAsync(result, ct);
                    await body.WriteAsync(NewLine, ct);
                }

                await body.FlushAsync(ct);
                chunk.Clear();
            }

            if (line is null)
            {
                break;
            }
        }

        await body.FlushAsync(ct);
    }

    [EndpointSummary("What the advisor knows")]
    [EndpointDescription("Features a profile may state (with their allowed values), markets and products, for building forms.")]
    public static async Task<Results<Ok<AdvisorCatalogue>, ProblemHttpResult>> Knowledge(AdvisorService advisors, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(AdvisorCatalogue.From((await advisors.GetAsync(ct)).Knowledge));
        }
        catch (AdvisorUnavailableException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Advisor unavailable", detail: e.Message);
        }
    }

    public static ValidationProblem Invalid(ProfileException e) => TypedResults.ValidationProblem(
        e.Errors.GroupBy(x => x.Path).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()),
        title: "Invalid profile", detail: "The profile cannot be evaluated; see errors, keyed by field path.");

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary><c>$.features.radio[1]</c> → <c>features.radio[1]</c>, the form the profile errors use.</summary>
    internal static string JsonPath(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "$" : path.TrimStart('$', '.');
}
