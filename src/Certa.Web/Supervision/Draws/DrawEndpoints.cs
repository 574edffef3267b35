using System.Text;
using Certa.Domain.Access;
using Certa.Infrastructure.Supervision.Draws;
using Certa.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Certa.Web.Supervision.Draws;

/// <summary>
/// "Double random" draws (ADR 015): an authority officer makes one, which plans its inspections; everyone reads the
/// draws and downloads a draw's record to re-run it with <c>certa draw verify</c>.
/// </summary>
public static class DrawEndpoints
{
    public static void MapDrawApi(this IEndpointRouteBuilder app)
    {
        var draws = app.MapGroup("/api/v1/draws").WithTags("Supervision draws").AddEndpointFilter<DomainProblems>();
        draws.MapPost("/", Make).WithName("MakeDraw").Requires(Permission.DrawsMake);
        draws.MapGet("/", List).WithName("ListDraws").Public();
        draws.MapGet("/{reference}", Get).WithName("GetDraw").Public();
        draws.MapGet("/{reference}/record", Record).WithName("GetDrawRecord").Public();
    }

    [EndpointSummary("Make a \"double random\" draw")]
    [EndpointDescription("As an authority officer: the active certificates passing the filters are the population; sampleSize or sampleRate " +
        "(0.05 is 5 %) targets are drawn, each with inspectorsPerTarget inspectors drawn from the registered auditors of poolBodyIds, " +
        "without conflicts of interest (the inspector's own organisation, an audit of the enterprise in recentAuditYears, a declared relation). " +
        "The seed hashes every input and publicRandom; the inspection of each target is planned for plannedOn in the same transaction.")]
    public static async Task<Created<DrawDto>> Make(HttpContext http, MakeDrawRequest request, DrawCommands commands, DrawQueries queries, CancellationToken ct)
    {
        var draw = await commands.MakeAsync(http.Command(), request.ToRequest(), ct);
        return TypedResults.Created(DrawLinks.Api(draw.Reference), DrawDto.From(await queries.DetailAsync(draw.Reference, ct)));
    }

    [EndpointSummary("List draws")]
    [EndpointDescription("Every draw, newest first; ?authority= narrows to one authority's.")]
    public static async Task<Ok<IReadOnlyList<DrawSummaryDto>>> List(string? authority, DrawQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DrawSummaryDto>>([.. (await queries.ListAsync(authority, ct)).Select(DrawSummaryDto.From)]);

    [EndpointSummary("Get a draw")]
    [EndpointDescription("Seed, public random value, population and sample sizes, targets with their inspectors by name and their inspections, shortfalls, digest.")]
    public static async Task<Ok<DrawDto>> Get(string reference, DrawQueries queries, CancellationToken ct) =>
        TypedResults.Ok(DrawDto.From(await queries.DetailAsync(reference, ct)));

    [EndpointSummary("Download a draw's record")]
    [EndpointDescription("The certa-draw/1 record exactly as stored: re-run it offline with `certa draw verify draw-REFERENCE.json`.")]
    public static async Task<FileContentHttpResult> Record(string reference, DrawQueries queries, CancellationToken ct)
    {
        var draw = await queries.GetAsync(reference, ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(draw.RecordJson), "application/json", DrawLinks.FileName(draw.Reference),
            entityTag: new EntityTagHeaderValue($"\"{draw.Digest}\""));
    }
}
