using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;

namespace Certa.Infrastructure.Verification.Offline;

/// <summary>
/// Checks a credential's eddsa-jcs-2022 proof against its issuer's DID document as cached: the key must be one the
/// document lists for assertion, the signature must match, and the key must not have been revoked when the proof
/// was made (a revoked key stays in the document for what it signed before).
/// </summary>
internal static class SignatureCheck
{
    /// <summary>The passed checks, or the passed checks followed by the one that failed.</summary>
    public static IReadOnlyList<VerificationCheck> Run(JsonObject secured, Func<string, JsonObject?> didDocumentOf, string what)
    {
        var issuer = StatusListReader.IssuerOf(secured);
        if (issuer is null || didDocumentOf(issuer) is not { } didDocument)
        {
            return [VerificationCheck.Fail("issuer-unknown", issuer is null
                ? $"The {what} names no issuer."
                : $"The issuer {issuer} is not in the verification cache: it is not a body of the cached server (run 'certa verify --update-cache' if it is new).")];
        }

        var method = JsonText.Of(secured["proof"] as JsonObject, "verificationMethod");
        var entry = method is null ? null : MethodOf(didDocument, method);
        if (method is not null && (!method.StartsWith(issuer + "#", StringComparison.Ordinal) || entry is null || !IsAssertionMethod(didDocument, method)))
        {
            return [VerificationCheck.Fail("key-unknown", method.StartsWith(issuer + "#", StringComparison.Ordinal)
                ? $"The {what} is signed with key {method}, which {issuer}'s DID document does not list for issuing credentials."
                : $"The {what} is signed with key {method}, which does not belong to its issuer {issuer}.")];
        }

        var proof = DataIntegrityProof.Verify(secured, id => id == method ? DidDocuments.PublicKeyOf(didDocument, id) : null);
        if (!proof.Verified)
        {
            return [VerificationCheck.Fail("proof-invalid", proof.Failure == ProofFailure.BadSignature
                ? $"The signature does not match the content: the {what} was altered or not signed by {method}."
                : $"The {what}'s proof cannot be checked: {proof.Reason}")];
        }

        var signed = $"Signed by {issuer} with key {KeyName(method!)}" + (proof.Created is { } at ? $" on {Show(at)}" : string.Empty) + ".";
        var passed = VerificationCheck.Pass("proof-valid", signed);
        var revoked = JsonText.InstantOf(entry, "revoked");
        if (revoked is { } from && (proof.Created is not { } created || created >= from))
        {
            return [passed, VerificationCheck.Fail("key-not-valid-at-signing", proof.Created is { } when
                ? $"The signature is genuine, but the {what} was signed on {Show(when)} with key {method}, revoked from {Show(from)}: nothing the key signed from then on is trusted."
                : $"The signature is genuine, but key {method} was revoked from {Show(from)} and the proof does not say when it was made.")];
        }

        return [passed, VerificationCheck.Pass("key-valid-at-signing", revoked is { } later
            ? $"Key {KeyName(method!)} was revoked only from {Show(later)}, after the signature."
            : $"Key {KeyName(method!)} is in force.")];
    }

    /// <summary>The first failure's message, or null when the proof holds.</summary>
    public static string? Problem(JsonObject secured, Func<string, JsonObject?> didDocumentOf, string what) =>
        Run(secured, didDocumentOf, what).FirstOrDefault(c => c.Outcome == CheckOutcome.Failed)?.Message;

    public static string Show(DateTimeOffset instant) => Timestamps.Utc(instant).Replace('T', ' ');

    private static JsonObject? MethodOf(JsonObject didDocument, string method) =>
        (didDocument["verificationMethod"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(m => JsonText.Of(m, "id") == method);

    // The relationship may list the method by id or embed it (W3C Controlled Identifiers §2.3).
    private static bool IsAssertionMethod(JsonObject didDocument, string method) =>
        (didDocument[DataIntegrityProof.AssertionMethod] as JsonArray ?? [])
            .Any(m => m is JsonObject embedded ? JsonText.Of(embedded, "id") == method : m is JsonValue v && v.TryGetValue<string>(out var id) && id == method);

    private static string KeyName(string method) => method[(method.IndexOf('#', StringComparison.Ordinal) + 1)..];
}
