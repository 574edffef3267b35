using System.Text.Json.Nodes;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;
using Certa.Infrastructure.Verification.Offline;

namespace Certa.Domain.Tests.Verification;

/// <summary>A body with a real Ed25519 key, its DID document, its three status lists and a certificate it signed.</summary>
internal sealed class TestIssuer
{
    public const string Did = "did:web:certa.example:bodies:cqc";
    public const string Number = "2026010901000001";
    public const long Index = 4711;

    public static readonly DateTimeOffset SignedAt = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<StatusPurpose, Bitstring> lists = Enum.GetValues<StatusPurpose>().ToDictionary(p => p, _ => new Bitstring());

    public Ed25519KeyPair Key { get; } = Ed25519.Generate();

    public string VerificationMethod => $"{Did}#{KeyId}";

    public string KeyId { get; } = "key-2026";

    /// <summary>Set to publish the key as revoked from this instant.</summary>
    public DateTimeOffset? KeyRevokedFrom { get; set; }

    public static string ListUrl(StatusPurpose purpose) => $"https://certa.example/status/cqc/{CredentialStatusEntry.NameOf(purpose)}";

    public void SetBit(StatusPurpose purpose, long index = Index) => lists[purpose].Set(index);

    public JsonObject DidDocument() =>
        DidDocuments.Build(Did, [new PublishedKey(KeyId, Key.PublicKey, SignedAt.AddYears(-1), KeyRevokedFrom)]);

    public JsonObject Credential(DateOnly? issuedOn = null, DateOnly? validUntil = null)
    {
        var status = Enum.GetValues<StatusPurpose>().Select(p => new CredentialStatusEntry(p, ListUrl(p), Index)).ToList();
        var unsigned = CertificateCredential.Build(Facts(issuedOn ?? new DateOnly(2026, 3, 1), validUntil ?? new DateOnly(2031, 2, 28)), Issuer, status);
        return DataIntegrityProof.Sign(unsigned, Key.PrivateSeed, VerificationMethod, SignedAt);
    }

    public JsonObject StatusList(StatusPurpose purpose, Ed25519KeyPair? signer = null, TimeSpan? ttl = null)
    {
        var unsigned = StatusListCredential.Build(ListUrl(purpose), Did, purpose, lists[purpose], Now.AddHours(-1), ttl ?? TimeSpan.FromDays(1));
        return DataIntegrityProof.Sign(unsigned, (signer ?? Key).PrivateSeed, VerificationMethod, Now.AddHours(-1));
    }

    public VerificationBundle Bundle(DateTimeOffset? fetchedAt = null, IReadOnlyDictionary<string, JsonObject>? statusLists = null) => new(
        "https://certa.example",
        fetchedAt ?? Now.AddMinutes(-5),
        new Dictionary<string, JsonObject> { [Did] = DidDocument() },
        statusLists ?? Enum.GetValues<StatusPurpose>().ToDictionary(ListUrl, p => StatusList(p)));

    /// <summary>The answer of <c>GET /api/v1/public/verification-bundle</c> for this one body.</summary>
    public JsonObject ServerAnswer() => new()
    {
        ["server"] = "https://certa.example",
        ["generatedAt"] = "2026-11-27T11:55:00Z",
        ["bodies"] = new JsonArray(new JsonObject
        {
            ["id"] = "cqc",
            ["did"] = Did,
            ["didDocument"] = DidDocument(),
            ["statusLists"] = new JsonObject(Enum.GetValues<StatusPurpose>()
                .Select(p => KeyValuePair.Create(CredentialStatusEntry.NameOf(p), (JsonNode?)StatusList(p)))),
        }),
        ["sth"] = new JsonObject { ["treeSize"] = 3 },
    };

    private static readonly CredentialIssuer Issuer = new(Did, new LocalizedText("China Quality Certification Centre", "中国质量认证中心"));

    private CertificateFacts Facts(DateOnly issuedOn, DateOnly validUntil) => new(
        Number: Number,
        Version: 1,
        SchemeId: "ccc",
        SchemeName: new LocalizedText("China Compulsory Certification", "中国强制性产品认证"),
        MarkName: null,
        BodyId: "cqc",
        BodyName: Issuer.Name,
        HolderId: "acme-shenzhen",
        HolderName: new LocalizedText("Acme Electronics (Shenzhen) Co., Ltd.", "深圳艾克美电子有限公司"),
        HolderAddress: new LocalizedText("1 Keji Road, Nanshan, Shenzhen"),
        Manufacturer: new Party(new LocalizedText("Acme Electronics Co., Ltd."), new LocalizedText("8 Harbour Road, Hong Kong")),
        Factory: new Party(new LocalizedText("Acme Dongguan Factory"), new LocalizedText("2 Industrial Avenue, Dongguan")),
        ProductTypeId: "0901",
        ProductTypeName: new LocalizedText("Portable computers", "便携式计算机"),
        Product: new ProductDetails(new LocalizedText("Laptop computer"), "AX-14", [], "Acme"),
        Standards: [new CertifiedStandard("GB 4943.1-2022", null, "Pass")],
        IssuedOn: issuedOn,
        ValidUntil: validUntil,
        PredecessorNumber: null,
        VerificationUrl: $"https://certa.example/verify/{Number}",
        Signature: new CertificateSignature(Did, VerificationMethod, "0000:0000", SignedAt));
}
