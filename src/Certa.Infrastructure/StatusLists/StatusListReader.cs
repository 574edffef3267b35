using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;

namespace Certa.Infrastructure.StatusLists;

/// <summary>What a BitstringStatusListCredential says; its proof is checked elsewhere.</summary>
public sealed record StatusListContents(StatusPurpose Purpose, string ListUrl, string Issuer, Bitstring Bits, DateTimeOffset ValidFrom, TimeSpan? Ttl);

/// <summary>Reads a BitstringStatusListCredential; a <see cref="FormatException"/> names the property that is wrong.</summary>
public static class StatusListReader
{
    public static StatusListContents Read(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var types = (credential["type"] as JsonArray ?? []).Select(t => t?.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null);
        if (!types.Contains(StatusListCredential.CredentialType))
        {
            throw new FormatException($"The credential's type is {credential["type"]?.ToJsonString() ?? "(none)"}, not a {StatusListCredential.CredentialType}.");
        }

        var listUrl = JsonText.Of(credential, "id") ?? throw new FormatException("The status list credential has no id (its URL).");
        var issuer = IssuerOf(credential) ?? throw new FormatException($"The status list {listUrl} names no issuer.");
        var subject = credential["credentialSubject"] as JsonObject
            ?? throw new FormatException($"The status list {listUrl} has no credentialSubject object.");
        if (JsonText.Of(subject, "type") != StatusListCredential.SubjectType)
        {
            throw new FormatException($"The status list {listUrl}'s credentialSubject type is '{subject["type"]?.ToJsonString()}', not '{StatusListCredential.SubjectType}'.");
        }

        var purposeName = JsonText.Of(subject, "statusPurpose");
        var purpose = CredentialStatusEntry.Parse(purposeName)
            ?? throw new FormatException($"The status list {listUrl}'s statusPurpose '{purposeName}' is not revocation, suspension or message.");
        var encoded = JsonText.Of(subject, "encodedList") ?? throw new FormatException($"The status list {listUrl} has no encodedList.");
        Bitstring bits;
        try
        {
            bits = Bitstring.Decode(encoded);
        }
        catch (FormatException e)
        {
            throw new FormatException($"The status list {listUrl}: {e.Message}", e);
        }

        var validFrom = JsonText.InstantOf(credential, "validFrom")
            ?? throw new FormatException($"The status list {listUrl}'s validFrom '{JsonText.Of(credential, "validFrom")}' is not a date and time.");

        TimeSpan? ttl = subject["ttl"] is JsonValue t && t.TryGetValue<long>(out var ms) && ms >= 0 ? TimeSpan.FromMilliseconds(ms) : null;
        return new StatusListContents(purpose, listUrl, issuer, bits, validFrom, ttl);
    }

    /// <summary>The issuer's id, whether <c>issuer</c> is a URL or an object with an <c>id</c>.</summary>
    public static string? IssuerOf(JsonObject credential) =>
        credential["issuer"] is JsonObject issuer ? JsonText.Of(issuer, "id") : JsonText.Of(credential, "issuer");
}
