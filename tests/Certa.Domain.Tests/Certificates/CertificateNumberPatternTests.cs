using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Domain.Tests.Certificates;

public sealed class CertificateNumberPatternTests
{
    private static readonly CertificateNumberPattern Ccc =
        CertificateNumberPattern.Parse("ccc", "{yyyy}{body}{product}{seq:6}", new Dictionary<string, string> { ["cqc"] = "01" });

    [Fact]
    public void CccNumber_IsYearBodyProductAndSequence_SixteenDigits()
    {
        var prefix = Ccc.Prefix("cqc", "0902", 2026);
        var number = Ccc.Format(prefix, 1);

        number.ShouldBe("2026010902000001");
        number.ShouldMatch(@"^(19|20)\d{2}\d{2}\d{4}\d{6}$");
        Ccc.SequenceOf(prefix, number).ShouldBe(1);
        Ccc.SequenceOf(prefix, "2025010902000001").ShouldBeNull();
    }

    [Fact]
    public void ABodyWithoutACode_IsRefusedNamingTheDataFile() =>
        Should.Throw<DomainException>(() => Ccc.Prefix("ccap", "0902", 2026)).Message.ShouldContain("certificate-numbers.yaml");

    [Fact]
    public void TheSequence_CannotOverflowItsWidth() =>
        Should.Throw<DomainException>(() => Ccc.Format("x", 1_000_000)).Code.ShouldBe("certificate-numbers-exhausted");

    [Theory]
    [InlineData("{yyyy}{body}")]
    [InlineData("{seq:6}{yyyy}")]
    [InlineData("{yyyy}{month}{seq:4}")]
    [InlineData("{yyyy}{seq:0}")]
    public void APatternThatDoesNotEndInOneSequence_OrHasUnknownTokens_IsRefused(string pattern) =>
        Should.Throw<ArgumentException>(() => CertificateNumberPattern.Parse("x", pattern, new Dictionary<string, string>()));

    [Fact]
    public void Literals_AreKept() =>
        CertificateNumberPattern.Parse("cqc-mark", "CQC{yy}{body}{seq:7}", new Dictionary<string, string> { ["cqc"] = "01" })
            .Format(CertificateNumberPattern.Parse("cqc-mark", "CQC{yy}{body}{seq:7}", new Dictionary<string, string> { ["cqc"] = "01" }).Prefix("cqc", null, 2026), 42)
            .ShouldBe("CQC26010000042");
}
