using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Credentials;

/// <summary>
/// Data Integrity proofs with the eddsa-jcs-2022 cryptosuite (W3C "Data Integrity EdDSA Cryptosuites v1.0" §3.3):
/// both the document without its proof and the proof configuration are canonicalised with JCS (RFC 8785), hashed
/// with SHA-256, and the proof hash followed by the document hash is signed with Ed25519. JCS rather than RDF
/// canonicalisation means no JSON-LD processing at sign or verify time: the bytes signed are the JSON as written.
/// </summary>
public static class DataIntegrityProof
{
    public const string ProofType = "DataIntegrityProof";
    public const string Cryptosuite = "eddsa-jcs-2022";
    public const string AssertionMethod = "assertionMethod";

    /// <summary>A copy of <paramref name="unsecured"/> with a <c>proof</c> made with the key whose seed is given.</summary>
    public static JsonObject Sign(
        JsonObject unsecured,
        ReadOnlySpan<byte> privateSeed,
        string verificationMethod,
        DateTimeOffset created,
        string proofPurpose = AssertionMethod)
    {
        using var signer = new Ed25519Signer(privateSeed);
        return Sign(unsecured, signer, verificationMethod, created, proofPurpose);
    }

    /// <summary>A copy of <paramref name="unsecured"/> with a <c>proof</c> made by <paramref name="signer"/> (a key imported once for many signatures).</summary>
    public static JsonObject Sign(
        JsonObject unsecured,
        Ed25519Signer signer,
        string verificationMethod,
        DateTimeOffset created,
        string proofPurpose = AssertionMethod)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(unsecured);
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationMethod);
        if (unsecured.ContainsKey("proof"))
        {
            throw new ArgumentException("The document already has a proof; sign the unsecured document.", nameof(unsecured));
        }

        var proof = new JsonObject
        {
            ["type"] = ProofType,
            ["cryptosuite"] = Cryptosuite,
            ["created"] = Timestamps.Utc(created),
            ["verificationMethod"] = verificationMethod,
            ["proofPurpose"] = proofPurpose,
        };

        // §3.3.5 Proof Configuration: the proof carries the document's @context, so that it cannot be moved
        // to a document whose terms mean something else.
        if (unsecured["@context"] is { } context)
        {
            proof["@context"] = context.DeepClone();
        }

        var signature = signer.Sign(HashData(unsecured, proof));
        proof["proofValue"] = Multibase.EncodeBase58Btc(signature);

        var secured = (JsonObject)unsecured.DeepClone();
        secured["proof"] = proof;
        return secured;
    }

    /// <summary>
    /// Checks the single proof on <paramref name="secured"/>. <paramref name="resolvePublicKey"/> maps a
    /// verification method id to its 32-byte Ed25519 public key, or null when it does not know it (or no
    /// longer trusts it).
    /// </summary>
    public static ProofVerification Verify(
        JsonObject secured,
        Func<string, byte[]?> resolvePublicKey,
        string expectedProofPurpose = AssertionMethod)
    {
        ArgumentNullException.ThrowIfNull(secured);
        ArgumentNullException.ThrowIfNull(resolvePublicKey);
        if (!secured.TryGetPropertyValue("proof", out var proofNode) || proofNode is null)
        {
            return ProofVerification.Fail(ProofFailure.NoProof, "The document has no proof.");
        }

        if (proofNode is not JsonObject proof)
        {
            return ProofVerification.Fail(ProofFailure.MalformedProof, $"The proof is a {proofNode.GetValueKind()}, not one object (proof sets are not accepted).");
        }

        var method = Text(proof, "verificationMethod");
        if (Text(proof, "type") is var type && type != ProofType)
        {
            return ProofVerification.Fail(ProofFailure.WrongType, $"The proof type is '{type}', not '{ProofType}'.", method);
        }

        if (Text(proof, "cryptosuite") is var suite && suite != Cryptosuite)
        {
            return ProofVerification.Fail(ProofFailure.WrongCryptosuite, $"The cryptosuite is '{suite}', not '{Cryptosuite}'.", method);
        }

        if (Text(proof, "proofPurpose") is var purpose && purpose != expectedProofPurpose)
        {
            return ProofVerification.Fail(ProofFailure.ProofPurposeMismatch, $"The proof purpose is '{purpose}', not '{expectedProofPurpose}'.", method);
        }

        if (method is null || resolvePublicKey(method) is not { } publicKey)
        {
            return ProofVerification.Fail(ProofFailure.UnknownVerificationMethod, $"The verification method '{method}' is not known.", method);
        }

        if (!Multibase.TryDecodeBase58Btc(Text(proof, "proofValue"), out var signature) || signature.Length != Ed25519.SignatureSize)
        {
            return ProofVerification.Fail(ProofFailure.MalformedProofValue, $"The proofValue '{Text(proof, "proofValue")}' is not a base58btc Ed25519 signature.", method);
        }

        var unsecured = (JsonObject)secured.DeepClone();
        unsecured.Remove("proof");
        var proofConfig = (JsonObject)proof.DeepClone();
        proofConfig.Remove("proofValue");

        // §3.3.2 step 4: the document's @context must begin with the proof's, in order; what was signed is the
        // document with the proof's @context (contexts appended later, e.g. by a second proof, are not).
        if (proofConfig["@context"] is { } proofContext)
        {
            if (!StartsWith(unsecured["@context"], proofContext))
            {
                return ProofVerification.Fail(
                    ProofFailure.ContextMismatch,
                    $"The document's @context {unsecured["@context"]?.ToJsonString() ?? "(none)"} does not begin with the proof's {proofContext.ToJsonString()}.",
                    method);
            }

            unsecured["@context"] = proofContext.DeepClone();
        }

        return Ed25519.Verify(publicKey, HashData(unsecured, proofConfig), signature)
            ? ProofVerification.Ok(method, Created(proof))
            : ProofVerification.Fail(ProofFailure.BadSignature, $"The signature does not match the document and the key of '{method}'.", method);
    }

    /// <summary>§3.3.4 Hashing: SHA-256(JCS(proof config)) followed by SHA-256(JCS(document)).</summary>
    public static byte[] HashData(JsonObject unsecured, JsonObject proofConfig) =>
        [.. SHA256.HashData(CanonicalJson.Utf8Tree(proofConfig)), .. SHA256.HashData(CanonicalJson.Utf8Tree(unsecured))];

    private static DateTimeOffset? Created(JsonObject proof) =>
        DateTimeOffset.TryParse(Text(proof, "created"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created) ? created : null;

    private static string? Text(JsonObject proof, string name) =>
        proof[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool StartsWith(JsonNode? documentContext, JsonNode proofContext)
    {
        var document = AsList(documentContext);
        var expected = AsList(proofContext);
        return expected.Count <= document.Count && expected.Select((c, i) => JsonNode.DeepEquals(c, document[i])).All(same => same);
    }

    private static List<JsonNode?> AsList(JsonNode? context) => context is JsonArray array ? [.. array] : [context];
}
