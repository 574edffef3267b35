using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;

namespace Certa.Infrastructure.Verification.Offline;

/// <summary>
/// Verifies a certificate credential with nothing but a <see cref="VerificationBundle"/>: no network, no database.
/// The proof against the issuer's cached DID document, the key's validity when it signed, the validity dates, and
/// every credentialStatus entry against its cached (and itself verified) status list.
/// </summary>
public static class OfflineVerifier
{
    public static OfflineVerification Verify(string credentialJson, VerificationBundle bundle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credentialJson);
        ArgumentNullException.ThrowIfNull(bundle);
        JsonObject? credential;
        try
        {
            credential = JsonNode.Parse(credentialJson) as JsonObject;
        }
        catch (JsonException e)
        {
            return Verdict(null, [VerificationCheck.Fail("not-json", $"The credential is not JSON: {e.Message}")], bundle);
        }

        if (credential is null)
        {
            return Verdict(null, [VerificationCheck.Fail("not-json", "The credential must be one JSON object.")], bundle);
        }

        var summary = Summarise(credential);
        var checks = SignatureCheck.Run(credential, DidDocumentOf(bundle), "credential").ToList();
        // Nothing else a credential says can be trusted once its signature fails.
        if (checks.Any(c => c.Outcome == CheckOutcome.Failed))
        {
            return Verdict(summary, checks, bundle);
        }

        checks.Add(Validity(summary, now));
        checks.AddRange(Status(credential, summary.Issuer, bundle, now));
        return Verdict(summary, checks, bundle);
    }

    private static VerificationCheck Validity(CertificateSummary summary, DateTimeOffset now) => summary switch
    {
        { ValidFrom: { } from } when now < from => VerificationCheck.Fail("not-yet-valid", $"The certificate is valid only from {SignatureCheck.Show(from)}."),
        { ValidUntil: { } until } when now > until => VerificationCheck.Fail("expired", $"The certificate expired at {SignatureCheck.Show(until)}."),
        { ValidUntil: { } until } => VerificationCheck.Pass("within-validity", $"Valid until {SignatureCheck.Show(until)}."),
        _ => VerificationCheck.Pass("within-validity", "The credential sets no end to its validity."),
    };

    private static List<VerificationCheck> Status(JsonObject credential, string? issuer, VerificationBundle bundle, DateTimeOffset now)
    {
        var entries = credential["credentialStatus"] switch
        {
            JsonArray array => [.. array],
            JsonObject single => [single],
            _ => new List<JsonNode?>(),
        };
        if (entries.Count == 0)
        {
            return [VerificationCheck.Warn("no-status", "The credential carries no status entries: whether it was revoked or suspended cannot be checked.")];
        }

        var checks = new List<VerificationCheck>();
        var stale = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in entries)
        {
            checks.Add(Entry(node as JsonObject, issuer, bundle, now, stale, checks));
        }

        return checks;
    }

    private static VerificationCheck Entry(JsonObject? entry, string? issuer, VerificationBundle bundle, DateTimeOffset now, HashSet<string> stale, List<VerificationCheck> warnings)
    {
        var purposeName = JsonText.Of(entry, "statusPurpose");
        var url = JsonText.Of(entry, "statusListCredential");
        var indexNode = entry?["statusListIndex"];
        var index = indexNode is JsonValue v && (v.TryGetValue<long>(out var n) || (v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n))) ? n : -1;
        if (JsonText.Of(entry, "type") != "BitstringStatusListEntry" || CredentialStatusEntry.Parse(purposeName) is not { } purpose || url is null || index < 0
            || entry!["statusSize"] is JsonValue size && (!size.TryGetValue<int>(out var bits) || bits != 1))
        {
            return VerificationCheck.Fail("status-entry-invalid", $"A credentialStatus entry cannot be read as a one-bit BitstringStatusListEntry: {entry?.ToJsonString() ?? "null"}.");
        }

        if (!bundle.StatusLists.TryGetValue(url, out var list))
        {
            return VerificationCheck.Fail("status-list-missing",
                $"The cache has no {purposeName} list {url}; run 'certa verify --update-cache --server {bundle.Server}' to fetch it.");
        }

        var (contents, problem) = TrustedStatusList.Read(list, DidDocumentOf(bundle));
        if (contents is null || contents.Purpose != purpose || contents.Issuer != issuer || index >= contents.Bits.Length)
        {
            return VerificationCheck.Fail("status-list-invalid", $"The cached {purposeName} list {url} cannot be trusted: " + (problem ?? contents switch
            {
                { } c when c.Purpose != purpose => $"it is a {CredentialStatusEntry.NameOf(c.Purpose)} list.",
                { } c when c.Issuer != issuer => $"it is issued by {c.Issuer}, not by the credential's issuer {issuer}.",
                { } c => $"it holds {c.Bits.Length} bits, and the credential's index is {index}.",
                null => "it cannot be read.",
            }));
        }

        if (contents.Ttl is { } ttl && now - bundle.FetchedAt > ttl && stale.Add(url))
        {
            warnings.Add(VerificationCheck.Warn("status-list-stale",
                $"The {purposeName} list was fetched {SignatureCheck.Show(bundle.FetchedAt)}, longer ago than its time-to-live of {Duration(ttl)}; run 'certa verify --update-cache --server {bundle.Server}' for the current status."));
        }

        var set = contents.Bits.Get(index);
        var where = $"{purposeName} list {url}, index {index}";
        return purpose switch
        {
            StatusPurpose.Revocation => set
                ? VerificationCheck.Fail("revoked", $"The body has revoked this certificate ({where}).")
                : VerificationCheck.Pass("not-revoked", "Not revoked."),
            StatusPurpose.Suspension => set
                ? VerificationCheck.Fail("suspended", $"The body has suspended this certificate: it is not valid until the body restores it ({where}).")
                : VerificationCheck.Pass("not-suspended", "Not suspended."),
            StatusPurpose.Message => set
                ? VerificationCheck.Fail("superseded", $"This version is {StatusMessage(entry, "0x1")}: a newer version or a renewal replaces it; ask the holder for the current one ({where}).")
                : VerificationCheck.Pass("current", $"This version is {StatusMessage(entry, "0x0")}."),
        };
    }

    // §2.1: a message list's meanings are in the entry itself, so a verifier needs no out-of-band table.
    private static string StatusMessage(JsonObject entry, string status) =>
        (entry["statusMessage"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(m => JsonText.Of(m, "status") == status) is { } found
            ? JsonText.Of(found, "message") ?? status
            : CredentialStatusEntry.Messages.FirstOrDefault(m => m.Status == status).Message ?? status;

    private static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 120 } => $"{span.TotalMinutes:0.#} minute(s)",
        { TotalHours: < 48 } => $"{span.TotalHours:0.#} hour(s)",
        _ => $"{span.TotalDays:0.#} day(s)",
    };

    private static Func<string, JsonObject?> DidDocumentOf(VerificationBundle bundle) =>
        did => bundle.DidDocuments.TryGetValue(did, out var document) && JsonText.Of(document, "id") == did ? document : null;

    private static CertificateSummary Summarise(JsonObject credential)
    {
        var subject = credential["credentialSubject"] as JsonObject;
        var version = subject?["certificateVersion"] is JsonValue v && v.TryGetValue<int>(out var number) ? number : (int?)null;
        return new CertificateSummary(
            JsonText.Of(credential, "id"),
            JsonText.Of(subject, "certificateNumber"),
            version,
            Name((subject?["issuedToParty"] as JsonObject)?["name"]),
            Name((subject?["assessor"] as JsonObject)?["name"]),
            StatusListReader.IssuerOf(credential),
            JsonText.InstantOf(credential, "validFrom"),
            JsonText.InstantOf(credential, "validUntil"));
    }

    // A language map {"en": …, "zh": …} read as "English / 中文".
    private static string? Name(JsonNode? node) => node switch
    {
        JsonObject map => string.Join(" / ", map.Select(p => p.Value).OfType<JsonValue>().Select(t => t.TryGetValue<string>(out var s) ? s : null).OfType<string>()),
        JsonValue text when text.TryGetValue<string>(out var s) => s,
        _ => null,
    };

    private static OfflineVerification Verdict(CertificateSummary? summary, List<VerificationCheck> checks, VerificationBundle bundle) =>
        new(checks.TrueForAll(c => c.Outcome != CheckOutcome.Failed), summary, checks, bundle.Server, bundle.FetchedAt);
}
