using Certa.Infrastructure.Credentials;

namespace Certa.Integration.Tests.Credentials;

public class DidDocumentsTests
{
    private static readonly byte[] Current = Convert.FromHexString("b00d8d938e7f773d51565aad36a623f5344f7f5d1960f9cf3e8e12620ea2810f");
    private static readonly byte[] Retired = Ed25519.Generate().PublicKey;

    private static readonly PublishedKey[] Keys =
    [
        new("key-2025", Retired, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))),
        new("key-2026", Current, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    [Fact]
    public void Build_ListsEachKeyAsAMultikeyAssertionMethod()
    {
        var did = DidDocuments.Build("did:web:certa.example:bodies:cqc", Keys);

        did["@context"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe([CredentialContexts.DidV1, CredentialContexts.MultikeyV1]);
        did["id"]!.GetValue<string>().ShouldBe("did:web:certa.example:bodies:cqc");
        var current = did["verificationMethod"]![1]!;
        current["id"]!.GetValue<string>().ShouldBe("did:web:certa.example:bodies:cqc#key-2026");
        current["type"]!.GetValue<string>().ShouldBe("Multikey");
        current["controller"]!.GetValue<string>().ShouldBe("did:web:certa.example:bodies:cqc");
        current["publicKeyMultibase"]!.GetValue<string>().ShouldBe("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        current.AsObject().ContainsKey("revoked").ShouldBeFalse();
        did["assertionMethod"]!.AsArray().Select(m => m!.GetValue<string>())
            .ShouldBe(["did:web:certa.example:bodies:cqc#key-2025", "did:web:certa.example:bodies:cqc#key-2026"]);
    }

    [Fact]
    public void Build_RevokedKeyStaysPublished_WithItsRevocationInstantInUtc()
    {
        var retired = DidDocuments.Build("did:web:certa.example:bodies:cqc", Keys)["verificationMethod"]![0]!;

        Multikey.Decode(retired["publicKeyMultibase"]!.GetValue<string>()).ShouldBe(Retired);
        retired["revoked"]!.GetValue<string>().ShouldBe("2025-12-31T16:00:00Z");
    }

    [Fact]
    public void PublicKeyOf_FindsTheListedMultikey_AndNothingElse()
    {
        var did = DidDocuments.Build("did:web:certa.example:bodies:cqc", Keys);

        DidDocuments.PublicKeyOf(did, "did:web:certa.example:bodies:cqc#key-2026").ShouldBe(Current);
        DidDocuments.PublicKeyOf(did, "did:web:certa.example:bodies:cqc#key-1999").ShouldBeNull();
        DidDocuments.PublicKeyOf(new System.Text.Json.Nodes.JsonObject(), "did:web:certa.example:bodies:cqc#key-2026").ShouldBeNull();
    }

    [Fact]
    public void Jwks_AreOkpEd25519WithBase64UrlKeys_AndLeaveRevokedKeysOut()
    {
        var keys = Jwks.Build(Keys)["keys"]!.AsArray();

        keys.Count.ShouldBe(1);
        keys[0]!["kty"]!.GetValue<string>().ShouldBe("OKP");
        keys[0]!["crv"]!.GetValue<string>().ShouldBe("Ed25519");
        keys[0]!["kid"]!.GetValue<string>().ShouldBe("key-2026");
        keys[0]!["x"]!.GetValue<string>().ShouldBe("sA2Nk45_dz1RVlqtNqYj9TRPf10ZYPnPPo4SYg6igQ8");
    }
}
