using System.ComponentModel;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;

namespace Certa.Web.Organisations;

public sealed record OrganisationDto(
    string Id,
    [property: Description("certification_body, laboratory, applicant, authority, verifier or platform_operator.")] string Kind,
    LocalizedText Name,
    [property: Description("The registry entry this organisation is: a body's or lab's id, an authority's id.")] string? RegistryId,
    string? Country,
    [property: Description("ISO 3166-2 subdivision, e.g. CN-GD; supervision draws filter on it.")] string? Region,
    DateTimeOffset CreatedAt)
{
    public static OrganisationDto From(Organisation o) =>
        new(o.Id, SnakeCaseNames.Of(o.Kind.ToString()), o.Name, o.RegistryId, o.Country, o.Region, o.CreatedAt);
}

public sealed record PersonDto(Guid Id, string Organisation, string DisplayName, string Email, IReadOnlyList<string> Roles,
    string Status, bool TwoFactorEnabled, DateTimeOffset JoinedAt);

public sealed record InvitationDto(Guid Id, string Organisation, string Email, IReadOnlyList<string> Roles, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static InvitationDto From(Invitation i) =>
        new(i.Id, i.OrganisationId, i.Email, [.. i.Roles.Select(r => r.Name())], SnakeCaseNames.Of(i.Status.ToString()), i.CreatedAt, i.ExpiresAt);
}

/// <summary>A new invitation and its link; the link is shown here once and cannot be read again.</summary>
public sealed record IssuedInvitationDto(InvitationDto Invitation, [property: Description("Send this to the invitee; it is valid for 7 days.")] string Link);

public sealed record ApiKeyDto(string Id, string Organisation, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyDto From(ApiKey k) =>
        new(k.Id, k.OrganisationId, k.Name, [.. k.Scopes.Select(ApiKey.ScopeName)], k.CreatedAt, k.ExpiresAt, k.RevokedAt);
}

/// <summary>A new API key; <see cref="Key"/> is shown here once and only its hash is kept.</summary>
public sealed record IssuedApiKeyDto(ApiKeyDto ApiKey, [property: Description("Send as 'Authorization: Bearer …'. Shown once.")] string Key);

public sealed record MeDto(string Actor, string Kind, string DisplayName, OrganisationDto? Organisation, IReadOnlyList<string> Roles,
    [property: Description("Each permission the actor holds and how far it reaches: own (organisation) or any.")] IReadOnlyDictionary<string, string> Permissions);

public sealed record NewOrganisationRequest(string? Id, string? Kind, string? NameEn, string? NameZh, string? RegistryId, string? Country, string? Region = null);

public sealed record InvitePersonRequest(string? Email, IReadOnlyList<string>? Roles);

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

public sealed record NewApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);
