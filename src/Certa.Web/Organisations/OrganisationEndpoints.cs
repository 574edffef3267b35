using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Organisations;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Organisations;

/// <summary>
/// <c>/api/v1/me</c> and <c>/api/v1/organisations</c>: organisations, their people, invitations and
/// API keys. Each endpoint names its permission; the handler then checks that the organisation in
/// the URL is within the actor's reach, so editing the URL gets a 403, not someone else's data.
/// </summary>
public static class OrganisationEndpoints
{
    public static void MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Organisations").AddEndpointFilter<DomainProblems>();
        api.MapGet("/me", Me).WithName("Me").Requires(Permission.ProfileRead);
        api.MapGet("/organisations", List).WithName("ListOrganisations").Requires(Permission.OrganisationsRead);
        api.MapPost("/organisations", Create).WithName("CreateOrganisation").Requires(Permission.OrganisationsCreate).Idempotent();
        api.MapGet("/organisations/{id}", Get).WithName("GetOrganisation").Requires(Permission.OrganisationsRead);
        api.MapGet("/organisations/{id}/people", People).WithName("ListPeople").Requires(Permission.PeopleRead);
        api.MapPut("/organisations/{id}/people/{personId:guid}/roles", SetRoles).WithName("SetRoles").Requires(Permission.PeopleManage);
        api.MapPost("/organisations/{id}/people/{personId:guid}/deactivate", Deactivate).WithName("DeactivatePerson").Requires(Permission.PeopleManage);
        api.MapPost("/organisations/{id}/people/{personId:guid}/reactivate", Reactivate).WithName("ReactivatePerson").Requires(Permission.PeopleManage);
        api.MapGet("/organisations/{id}/invitations", Invitations).WithName("ListInvitations").Requires(Permission.PeopleRead);
        api.MapPost("/organisations/{id}/invitations", Invite).WithName("InvitePerson").Requires(Permission.PeopleManage).Idempotent();
        api.MapDelete("/organisations/{id}/invitations/{invitationId:guid}", RevokeInvitation).WithName("RevokeInvitation").Requires(Permission.PeopleManage);
        api.MapGet("/organisations/{id}/api-keys", ApiKeys).WithName("ListApiKeys").Requires(Permission.ApiKeysManage);
        api.MapPost("/organisations/{id}/api-keys", IssueApiKey).WithName("IssueApiKey").Requires(Permission.ApiKeysManage).Idempotent();
        api.MapDelete("/organisations/{id}/api-keys/{keyId}", RevokeApiKey).WithName("RevokeApiKey").Requires(Permission.ApiKeysManage);
    }

    [EndpointSummary("Who am I")]
    [EndpointDescription("The signed-in person or API key, its organisation, roles and permissions.")]
    public static async Task<Ok<MeDto>> Me(HttpContext http, OrganisationQueries queries, CancellationToken ct)
    {
        var actor = http.RequiredActor();
        var organisation = actor.OrganisationId is { } id ? await queries.FindAsync(id, ct) : null;
        var permissions = Enum.GetValues<Permission>().Select(p => (p, reach: actor.ReachOf(p))).Where(x => x.reach != Reach.None)
            .ToDictionary(x => SnakeCaseNames.Of(x.p.ToString()), x => SnakeCaseNames.Of(x.reach.ToString()));
        return TypedResults.Ok(new MeDto(actor.AuditName, SnakeCaseNames.Of(actor.Kind.ToString()), actor.DisplayName,
            organisation is null ? null : OrganisationDto.From(organisation), [.. actor.Roles.Select(r => r.Name())], permissions));
    }

    [EndpointSummary("List organisations")]
    [EndpointDescription("All organisations for platform admins and authority officers; one's own for everyone else.")]
    public static async Task<Ok<IReadOnlyList<OrganisationDto>>> List(HttpContext http, OrganisationQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<OrganisationDto>>([.. (await queries.VisibleAsync(http.RequiredActor(), ct)).Select(OrganisationDto.From)]);

    [EndpointSummary("Create an organisation")]
    [EndpointDescription("Platform admins only. Bodies and labs must name their registry entry.")]
    public static async Task<Results<Created<OrganisationDto>, ProblemHttpResult>> Create(
        HttpContext http, NewOrganisationRequest request, OrganisationCommands commands, CancellationToken ct)
    {
        if (!SnakeCaseNames.TryParse(request.Kind ?? string.Empty, ignoreCase: true, out OrganisationKind kind))
        {
            throw DomainException.Invalid("unknown-kind", $"'{request.Kind}' is not a kind of organisation. Kinds are: {SnakeCaseNames.List<OrganisationKind>()}.", "kind");
        }

        var organisation = await commands.CreateAsync(http.Command(),
            new NewOrganisation(request.Id ?? string.Empty, kind, new LocalizedText(request.NameEn ?? string.Empty, request.NameZh), request.RegistryId, request.Country, request.Region), ct);
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", OrganisationDto.From(organisation));
    }

    [EndpointSummary("Get an organisation")]
    public static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> Get(HttpContext http, string id, OrganisationQueries queries, CancellationToken ct)
    {
        http.RequiredActor().Require(Permission.OrganisationsRead, id);
        return await queries.FindAsync(id, ct) is { } found
            ? TypedResults.Ok(OrganisationDto.From(found))
            : Api.Problems.NotFound("Organisation", id);
    }

    [EndpointSummary("List an organisation's people")]
    public static async Task<Ok<IReadOnlyList<PersonDto>>> People(HttpContext http, string id, OrganisationQueries queries, CancellationToken ct)
    {
        http.RequiredActor().Require(Permission.PeopleRead, id);
        return TypedResults.Ok(await queries.PeopleAsync(id, ct));
    }

    [EndpointSummary("Set a person's roles")]
    [EndpointDescription("Replaces the roles; each must fit the organisation's kind. Admins cannot remove their own admin role.")]
    public static async Task<Ok<PersonDto>> SetRoles(HttpContext http, string id, Guid personId, SetRolesRequest request,
        PeopleCommands commands, OrganisationQueries queries, CancellationToken ct)
    {
        await commands.SetRolesAsync(http.Command(), id, personId, Roles.Parse(request.Roles ?? []), ct);
        return TypedResults.Ok(await queries.PersonAsync(id, personId, ct));
    }

    [EndpointSummary("Deactivate a person")]
    [EndpointDescription("The person can no longer sign in; their sessions end at once.")]
    public static async Task<Ok<PersonDto>> Deactivate(HttpContext http, string id, Guid personId,
        PeopleCommands commands, OrganisationQueries queries, CancellationToken ct)
    {
        await commands.DeactivateAsync(http.Command(), id, personId, ct);
        return TypedResults.Ok(await queries.PersonAsync(id, personId, ct));
    }

    [EndpointSummary("Reactivate a person")]
    public static async Task<Ok<PersonDto>> Reactivate(HttpContext http, string id, Guid personId,
        PeopleCommands commands, OrganisationQueries queries, CancellationToken ct)
    {
        await commands.ReactivateAsync(http.Command(), id, personId, ct);
        return TypedResults.Ok(await queries.PersonAsync(id, personId, ct));
    }

    [EndpointSummary("List pending invitations")]
    public static async Task<Ok<IReadOnlyList<InvitationDto>>> Invitations(HttpContext http, string id, OrganisationQueries queries, CancellationToken ct)
    {
        http.RequiredActor().Require(Permission.PeopleRead, id);
        return TypedResults.Ok(await queries.PendingInvitationsAsync(id, ct));
    }

    [EndpointSummary("Invite a person")]
    [EndpointDescription("Returns the invitation link once; an earlier pending invitation for the same address is withdrawn.")]
    public static async Task<Created<IssuedInvitationDto>> Invite(HttpContext http, string id, InvitePersonRequest request,
        PeopleCommands commands, CancellationToken ct)
    {
        var (invitation, token) = await commands.InviteAsync(http.Command(), id, request.Email ?? string.Empty, Roles.Parse(request.Roles ?? []), ct);
        return TypedResults.Created($"/api/v1/organisations/{id}/invitations",
            new IssuedInvitationDto(InvitationDto.From(invitation), InvitationLink(http, token)));
    }

    [EndpointSummary("Withdraw an invitation")]
    public static async Task<NoContent> RevokeInvitation(HttpContext http, string id, Guid invitationId, PeopleCommands commands, CancellationToken ct)
    {
        await commands.RevokeInvitationAsync(http.Command(), id, invitationId, ct);
        return TypedResults.NoContent();
    }

    [EndpointSummary("List API keys")]
    public static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ApiKeys(HttpContext http, string id, OrganisationQueries queries, CancellationToken ct)
    {
        http.RequiredActor().Require(Permission.ApiKeysManage, id);
        return TypedResults.Ok(await queries.ApiKeysAsync(id, ct));
    }

    [EndpointSummary("Issue an API key")]
    [EndpointDescription("For a machine client of the organisation. The key is returned once; scopes are limited to what the organisation's people may read.")]
    public static async Task<Created<IssuedApiKeyDto>> IssueApiKey(HttpContext http, string id, NewApiKeyRequest request,
        ApiKeyCommands commands, CancellationToken ct)
    {
        var (key, plaintext) = await commands.IssueAsync(http.Command(), id, request.Name ?? string.Empty,
            ApiKeyCommands.ParseScopes(request.Scopes ?? []), request.ExpiresAt, ct);
        return TypedResults.Created($"/api/v1/organisations/{id}/api-keys/{key.Id}", new IssuedApiKeyDto(ApiKeyDto.From(key), plaintext));
    }

    [EndpointSummary("Revoke an API key")]
    public static async Task<Ok<ApiKeyDto>> RevokeApiKey(HttpContext http, string id, string keyId, ApiKeyCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApiKeyDto.From(await commands.RevokeAsync(http.Command(), id, keyId, ct)));

    /// <summary>The page where the invitee sets a name and password.</summary>
    public static string InvitationLink(HttpContext http, string token) =>
        $"{http.Request.Scheme}://{http.Request.Host}/account/invitation?token={Uri.EscapeDataString(token)}";
}
