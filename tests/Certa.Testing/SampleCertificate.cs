using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Credentials;

namespace Certa.Testing;

/// <summary>The seed's laptop certificate as credential facts, valid from a year ago for four more years (credential tests and the bench).</summary>
public static class SampleCertificate
{
    public const string BodyDid = "did:web:certa.example:bodies:cqc";

    public const string VerificationMethod = BodyDid + "#key-2026";

    public static readonly CredentialIssuer Issuer = new(BodyDid, new LocalizedText("China Quality Certification Centre", "中国质量认证中心"));

    public static CertificateFacts Facts(string number = "2026010901000001")
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new CertificateFacts(
            Number: number,
            Version: 1,
            SchemeId: "ccc",
            SchemeName: new LocalizedText("China Compulsory Certification", "中国强制性产品认证"),
            MarkName: new LocalizedText("CCC mark", "CCC标志"),
            BodyId: "cqc",
            BodyName: Issuer.Name,
            HolderId: "acme-shenzhen",
            HolderName: new LocalizedText("Acme Electronics (Shenzhen) Co., Ltd.", "深圳艾克美电子有限公司"),
            HolderAddress: new LocalizedText("1 Keji Road, Nanshan, Shenzhen", "深圳市南山区科技路1号"),
            Manufacturer: new Party(new LocalizedText("Acme Electronics Co., Ltd."), new LocalizedText("8 Harbour Road, Hong Kong")),
            Factory: new Party(new LocalizedText("Acme Dongguan Factory", "艾克美东莞工厂"), new LocalizedText("2 Industrial Avenue, Dongguan", "东莞市工业大道2号")),
            ProductTypeId: "0901",
            ProductTypeName: new LocalizedText("Portable computers", "便携式计算机"),
            Product: new ProductDetails(new LocalizedText("Laptop computer", "笔记本电脑"), "AX-14", [new SeriesModel("AX-14S", "Colour of the case only")], "Acme"),
            Standards:
            [
                new CertifiedStandard("GB 4943.1-2022", new LocalizedText("Audio/video, information and communication technology equipment — Part 1: Safety requirements", "音视频、信息技术和通信技术设备 第1部分：安全要求"), "Pass"),
                new CertifiedStandard("GB/T 9254.1-2021", null, "Pass"),
            ],
            IssuedOn: today.AddYears(-1),
            ValidUntil: today.AddYears(4),
            PredecessorNumber: null,
            VerificationUrl: $"https://certa.example/verify/{number}",
            Signature: new CertificateSignature(BodyDid, VerificationMethod, "0000:0000", DateTimeOffset.UtcNow));
    }

    public static IReadOnlyList<CredentialStatusEntry> Status { get; } =
    [
        new(StatusPurpose.Revocation, "https://certa.example/status/cqc/revocation/1", 4711),
        new(StatusPurpose.Suspension, "https://certa.example/status/cqc/suspension/1", 4711),
    ];
}
