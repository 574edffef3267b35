using System.Text.Json.Nodes;

namespace Certa.Domain.Tests.Credentials;

/// <summary>
/// The eddsa-jcs-2022 test vector of W3C "Data Integrity EdDSA Cryptosuites v1.0" (w3c/vc-di-eddsa,
/// TestVectors/eddsa-jcs-2022 and TestVectors/keyPair.json).
/// </summary>
internal static class SpecVectors
{
    /// <summary>privateKeyMultibase z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq without its 0x8026 multicodec prefix.</summary>
    public const string SeedHex = "c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6";

    public const string PublicKeyHex = "b00d8d938e7f773d51565aad36a623f5344f7f5d1960f9cf3e8e12620ea2810f";

    public const string PublicKeyMultibase = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    public const string VerificationMethod = "https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    public const string ProofValue = "z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4";

    /// <summary>SHA-256 of canonDocJCS.txt, the second half of the hash data.</summary>
    public const string DocumentHashHex = "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19";

    public static readonly DateTimeOffset Created = new(2023, 2, 24, 23, 36, 38, TimeSpan.Zero);

    public static byte[] Seed => Convert.FromHexString(SeedHex);

    public static byte[] PublicKey => Convert.FromHexString(PublicKeyHex);

    public static JsonObject Unsigned() => (JsonObject)JsonNode.Parse("""
        {
          "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2"
          ],
          "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
          "type": ["VerifiableCredential", "AlumniCredential"],
          "name": "Alumni Credential",
          "description": "A minimum viable example of an Alumni Credential.",
          "issuer": "https://vc.example/issuers/5678",
          "validFrom": "2023-01-01T00:00:00Z",
          "credentialSubject": {
            "id": "did:example:abcdefgh",
            "alumniOf": "The School of Examples"
          }
        }
        """)!;

    /// <summary>signedJCS.json as published.</summary>
    public static JsonObject Signed()
    {
        var signed = Unsigned();
        signed["proof"] = JsonNode.Parse($$"""
            {
              "type": "DataIntegrityProof",
              "cryptosuite": "eddsa-jcs-2022",
              "created": "2023-02-24T23:36:38Z",
              "verificationMethod": "{{VerificationMethod}}",
              "proofPurpose": "assertionMethod",
              "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://www.w3.org/ns/credentials/examples/v2"
              ],
              "proofValue": "{{ProofValue}}"
            }
            """);
        return signed;
    }

    public static byte[]? Resolve(string verificationMethod) => verificationMethod == VerificationMethod ? PublicKey : null;
}
