using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Testing;

namespace Certa.Integration.Tests.Credentials;

public class CertificateCredentialTests
{
    private static JsonObject Build() => CertificateCredential.Build(SampleCertificate.Facts(), SampleCertificate.Issuer, SampleCertificate.Status);

    [Fact]
    public void Build_IsAVc2DigitalConformityCredential()
    {
        var credential = Build();

        Strings(credential["@context"]).ShouldBe(["https://www.w3.org/ns/credentials/v2", "https://certa.dev/contexts/dcc/v1"]);
        Strings(credential["type"]).ShouldBe(["VerifiableCredential", "DigitalConformityCredential"]);
        credential["id"]!.GetValue<string>().ShouldStartWith("urn:uuid:");
        credential["issuer"]!["id"]!.GetValue<string>().ShouldBe(SampleCertificate.BodyDid);
        credential["issuer"]!["name"]![1]!["@value"]!.GetValue<string>().ShouldBe("中国质量认证中心");
        credential.ContainsKey("proof").ShouldBeFalse();
    }

    [Fact]
    public void Build_ValidityCoversTheCertificatesDaysInUtc()
    {
        var facts = SampleCertificate.Facts();
        var credential = Build();

        credential["validFrom"]!.GetValue<string>().ShouldBe($"{facts.IssuedOn:yyyy-MM-dd}T00:00:00Z");
        credential["validUntil"]!.GetValue<string>().ShouldBe($"{facts.ValidUntil:yyyy-MM-dd}T23:59:59Z");
    }

    [Fact]
    public void Build_SubjectCarriesTheAttestation_InEnglishAndChinese()
    {
        var subject = Build()["credentialSubject"]!;
        var assessment = subject["assessment"]![0]!;
        var product = assessment["assessedProduct"]![0]!;

        subject["certificateNumber"]!.GetValue<string>().ShouldBe("2026010901000001");
        subject["scope"]!["name"]!["zh"]!.GetValue<string>().ShouldBe("中国强制性产品认证");
        subject["issuedToParty"]!["address"]!["en"]!.GetValue<string>().ShouldBe("1 Keji Road, Nanshan, Shenzhen");
        product["name"]!["zh"]!.GetValue<string>().ShouldBe("笔记本电脑");
        product["model"]!.GetValue<string>().ShouldBe("AX-14");
        product["seriesModel"]![0]!["model"]!.GetValue<string>().ShouldBe("AX-14S");
        product["tradeMark"]!.GetValue<string>().ShouldBe("Acme");
        product["productCategory"]!["code"]!.GetValue<string>().ShouldBe("0901");
        assessment["assessedFacility"]![0]!["name"]!["zh"]!.GetValue<string>().ShouldBe("艾克美东莞工厂");
        assessment["referenceStandard"]![0]!["code"]!.GetValue<string>().ShouldBe("GB 4943.1-2022");
        assessment["conformance"]!.GetValue<bool>().ShouldBeTrue();
        subject["conformityCertificate"]!["linkURL"]!.GetValue<string>().ShouldBe("https://certa.example/verify/2026010901000001");
    }

    [Fact]
    public void Build_ChineseLeftOutWhereThereIsNone()
    {
        var manufacturer = Build()["credentialSubject"]!["assessment"]![0]!["assessedOrganisation"]!;

        manufacturer["name"]!.AsObject().Select(p => p.Key).ShouldBe(["en"]);
    }

    [Fact]
    public void Build_StatusEntriesAreBitstringStatusListEntries_WithTheIndexAsAString()
    {
        var status = Build()["credentialStatus"]!.AsArray();

        status.Count.ShouldBe(2);
        status[0]!["type"]!.GetValue<string>().ShouldBe("BitstringStatusListEntry");
        status[0]!["statusPurpose"]!.GetValue<string>().ShouldBe("revocation");
        status[1]!["statusPurpose"]!.GetValue<string>().ShouldBe("suspension");
        status[0]!["statusListIndex"]!.GetValue<string>().ShouldBe("4711");
        status[0]!["id"]!.GetValue<string>().ShouldBe("https://certa.example/status/cqc/revocation/1#4711");
    }

    [Fact]
    public void Build_WithoutStatusLists_HasNoCredentialStatus() =>
        CertificateCredential.Build(SampleCertificate.Facts(), SampleCertificate.Issuer, []).ContainsKey("credentialStatus").ShouldBeFalse();

    [Fact]
    public void CredentialId_IsStablePerNumberAndVersion()
    {
        CertificateCredential.CredentialId("2026010901000001", 1).ShouldBe(CertificateCredential.CredentialId("2026010901000001", 1));
        CertificateCredential.CredentialId("2026010901000001", 2).ShouldNotBe(CertificateCredential.CredentialId("2026010901000001", 1));
        CertificateCredential.CredentialId("2026010901000001", 1).ShouldMatch("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    }

    [Fact]
    public void Build_EveryTermIsDefinedByTheShippedContexts()
    {
        var defined = CredentialContexts.All.SelectMany(c => Terms(JsonNode.Parse(c.Document.Span)!["@context"]!)).ToHashSet();

        var used = Names(Build()).Where(n => !n.StartsWith('@')).Distinct().ToList();

        used.Where(n => !defined.Contains(n)).ShouldBeEmpty();
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    // Language maps ("en", "zh") are values, not terms.
    private static IEnumerable<string> Names(JsonNode? node) => node switch
    {
        JsonObject o when o.All(p => p.Key is "en" or "zh") => [],
        JsonObject o => o.SelectMany(p => Names(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Names),
        _ => [],
    };

    private static IEnumerable<string> Terms(JsonNode context) => context switch
    {
        JsonObject o => o.SelectMany(p => p.Value is JsonObject definition && definition["@context"] is { } scoped ? Terms(scoped).Prepend(p.Key) : [p.Key]),
        _ => [],
    };
}
