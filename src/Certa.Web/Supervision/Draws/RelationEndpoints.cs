using Certa.Domain.Access;
using Certa.Domain.Supervision.Draws;
using Certa.Infrastructure.Supervision.Draws;
using Certa.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Supervision.Draws;

public sealed record DeclareRelationRequest(string? RelatedTo, string? Nature);

public sealed record RelationDto(Guid Id, string RelatedTo, string Nature, DateTimeOffset DeclaredAt, DateTimeOffset? EndedAt, bool Stands)
{
    public static RelationDto From(DeclaredRelation r) => new(r.Id, r.RelatedTo, r.Nature, r.DeclaredAt, r.EndedAt, r.Stands);
}

/// <summary>An auditor's own declared relations, which keep them out of draws that target those enterprises or bodies.</summary>
public static class RelationEndpoints
{
    public static void MapRelationApi(this IEndpointRouteBuilder app)
    {
        var relations = app.MapGroup("/api/v1/me/relations").WithTags("Supervision draws").AddEndpointFilter<DomainProblems>();
        relations.MapGet("/", Mine).WithName("ListMyRelations").Requires(Permission.RelationsDeclare);
        relations.MapPost("/", Declare).WithName("DeclareRelation").Requires(Permission.RelationsDeclare);
        relations.MapPost("/{relationId:guid}/end", End).WithName("EndRelation").Requires(Permission.RelationsDeclare);
    }

    [EndpointSummary("List one's declared relations")]
    public static async Task<Ok<IReadOnlyList<RelationDto>>> Mine(HttpContext http, RelationCommands commands, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RelationDto>>([.. (await commands.MineAsync(http.RequiredActor(), ct)).Select(RelationDto.From)]);

    [EndpointSummary("Declare a relation")]
    [EndpointDescription("As an auditor: the organisation (by id) one is related to and how (former employer, family, shares). While it stands, " +
        "draws keep one away from that organisation's targets.")]
    public static async Task<Created<RelationDto>> Declare(HttpContext http, DeclareRelationRequest request, RelationCommands commands, CancellationToken ct)
    {
        var relation = await commands.DeclareAsync(http.Command(), request.RelatedTo ?? string.Empty, request.Nature ?? string.Empty, ct);
        return TypedResults.Created($"/api/v1/me/relations/{relation.Id}", RelationDto.From(relation));
    }

    [EndpointSummary("End a declared relation")]
    public static async Task<Ok<RelationDto>> End(HttpContext http, Guid relationId, RelationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(RelationDto.From(await commands.EndAsync(http.Command(), relationId, ct)));
}
