using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Organisations;

/// <summary>Issuing and revoking machine clients' API keys.</summary>
public sealed class ApiKeyCommands(CertaDbContext db, TimeProvider clock)
{
    /// <summary>Issues a key; the plaintext is returned once and never stored.</summary>
    public async Task<(ApiKey Key, string Plaintext)> IssueAsync(CommandContext who, string organisationId, string name,
        IReadOnlyList<Permission> scopes, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        who.Actor.Require(Permission.ApiKeysManage, organisationId);
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct)
            ?? throw DomainException.NotFound("organisation-not-found", $"There is no organisation '{organisationId}'.");
        var (key, plaintext) = ApiKey.Issue(organisation, name, scopes, who.Actor.PersonId, clock.GetUtcNow(), expiresAt);
        db.ApiKeys.Add(key);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return (key, plaintext);
    }

    public async Task<ApiKey> RevokeAsync(CommandContext who, string organisationId, string keyId, CancellationToken ct)
    {
        who.Actor.Require(Permission.ApiKeysManage, organisationId);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == organisationId, ct)
            ?? throw DomainException.NotFound("api-key-not-found", $"Organisation '{organisationId}' has no API key '{keyId}'.");
        key.Revoke(clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return key;
    }

    /// <summary>Parses a scope list (<c>audit_read</c>), refusing the first unknown name with the known ones.</summary>
    public static IReadOnlyList<Permission> ParseScopes(IEnumerable<string> names)
    {
        var scopes = new List<Permission>();
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || !SnakeCaseNames.TryParse(name.Trim(), ignoreCase: true, out Permission scope))
            {
                throw DomainException.Invalid("unknown-scope", $"'{name}' is not a scope. Scopes are: {SnakeCaseNames.List<Permission>()}.", "scopes");
            }

            scopes.Add(scope);
        }

        return scopes;
    }
}
