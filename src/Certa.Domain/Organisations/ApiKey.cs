using System.Security.Cryptography;
using Certa.Domain.Access;
using Certa.Domain.Common;

namespace Certa.Domain.Organisations;

/// <summary>
/// A machine client's credential: customs' or a marketplace's system calling the API. The key is
/// <c>ck_{id}_{secret}</c>; the id finds the row, only the secret's hash is kept, and the key is
/// shown once. Scopes are permissions, never wider than the organisation's people have.
/// </summary>
public sealed class ApiKey : Aggregate
{
    public const string Prefix = "ck_";

    private List<Permission> scopes = [];

    private ApiKey()
    {
        Id = OrganisationId = Name = SecretHash = string.Empty;
    }

    /// <summary>16 lower-case hex characters; public, shown in lists and in the audit trail.</summary>
    public string Id { get; private set; }

    public string OrganisationId { get; private set; }

    public string Name { get; private set; }

    public string SecretHash { get; private set; }

    public IReadOnlyList<Permission> Scopes => scopes;

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public override string EntityType => "api_key";

    public override string EntityKey => Id;

    public override string? OwningOrganisation => OrganisationId;

    public static (ApiKey Key, string Plaintext) Issue(Organisation organisation, string name, IEnumerable<Permission> scopes,
        Guid? createdBy, DateTimeOffset at, DateTimeOffset? expiresAt)
    {
        var label = name?.Trim() ?? string.Empty;
        if (label.Length is 0 or > 100)
        {
            throw DomainException.Invalid("name-required", "An API key needs a name of at most 100 characters, e.g. the system that uses it.", "name");
        }

        var list = scopes.Distinct().Order().ToList();
        if (list.Count == 0)
        {
            throw DomainException.Invalid("scope-required", "An API key needs at least one scope.", "scopes");
        }

        var allowed = AccessRules.ScopesFor(organisation.Kind);
        var refused = list.Where(s => !allowed.Contains(s)).ToList();
        if (refused.Count > 0)
        {
            throw DomainException.Invalid("scope-not-allowed",
                $"{string.Join(", ", refused.Select(ScopeName))} cannot be given to a key of a {SnakeCaseNames.Of(organisation.Kind.ToString())}; " +
                $"allowed: {string.Join(", ", allowed.Select(ScopeName))}.", "scopes");
        }

        if (expiresAt is { } expiry && expiry <= at)
        {
            throw DomainException.Invalid("expiry-in-past", $"The expiry {expiry:yyyy-MM-dd} is not in the future.", "expiresAt");
        }

        var secret = Secrets.New();
        var key = new ApiKey
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            OrganisationId = organisation.Id,
            Name = label,
            SecretHash = Secrets.Hash(secret),
            scopes = list,
            CreatedBy = createdBy,
            CreatedAt = at,
            ExpiresAt = expiresAt,
        };
        key.Record("api_key.issued", new { organisation = organisation.Id, name = label, scopes = key.ScopeNames() });
        return (key, $"{Prefix}{key.Id}_{secret}");
    }

    /// <summary>Splits a presented key into id and secret; false if it is not shaped like one.</summary>
    public static bool TryParse(string presented, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length < Prefix.Length + 18 || presented[Prefix.Length + 16] != '_')
        {
            return false;
        }

        id = presented.Substring(Prefix.Length, 16);
        secret = presented[(Prefix.Length + 17)..];
        return id.All(char.IsAsciiHexDigitLower) && secret.Length > 0;
    }

    public bool IsUsable(DateTimeOffset at) => RevokedAt is null && (ExpiresAt is null || at < ExpiresAt);

    public bool Accepts(string secret, DateTimeOffset at) => IsUsable(at) && Secrets.Matches(secret, SecretHash);

    public void Revoke(DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw DomainException.Conflict("already-revoked", $"API key {Id} was already revoked on {RevokedAt:yyyy-MM-dd}.");
        }

        RevokedAt = at;
        Record("api_key.revoked");
    }

    public override object AuditState() => new
    {
        id = Id,
        organisation = OrganisationId,
        name = Name,
        scopes = ScopeNames(),
        expiresAt = ExpiresAt,
        revokedAt = RevokedAt,
    };

    public static string ScopeName(Permission p) => SnakeCaseNames.Of(p.ToString());

    private string[] ScopeNames() => [.. scopes.Select(ScopeName)];
}
