using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;

namespace Certa.Infrastructure.StatusLists;

/// <summary>
/// A body's status list as an unsigned BitstringStatusListCredential (W3C Bitstring Status List v1.0 §2.2); the
/// caller signs it with <see cref="DataIntegrityProof.Sign(System.Text.Json.Nodes.JsonObject, ReadOnlySpan{byte}, string, DateTimeOffset, string)"/> like any other credential of the body.
/// </summary>
public static class StatusListCredential
{
    public const string CredentialType = "BitstringStatusListCredential";
    public const string SubjectType = "BitstringStatusList";

    public static JsonObject Build(string listUrl, string issuerDid, StatusPurpose purpose, Bitstring bits, DateTimeOffset validFrom, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerDid);
        ArgumentNullException.ThrowIfNull(bits);
        ArgumentOutOfRangeException.ThrowIfNegative(ttl.Ticks, nameof(ttl));

        return new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.CredentialsV2),
            ["id"] = listUrl,
            ["type"] = new JsonArray("VerifiableCredential", CredentialType),
            ["issuer"] = issuerDid,
            ["validFrom"] = Timestamps.Utc(validFrom),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = SubjectId(listUrl),
                ["type"] = SubjectType,
                ["statusPurpose"] = CredentialStatusEntry.NameOf(purpose),
                ["encodedList"] = bits.Encode(),
                // §2.2: ttl is in milliseconds.
                ["ttl"] = (long)ttl.TotalMilliseconds,
            },
        };
    }

    public static string SubjectId(string listUrl) => listUrl + "#list";
}
