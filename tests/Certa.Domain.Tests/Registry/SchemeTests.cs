using Certa.Domain.Common;
using Certa.Domain.Registry;

namespace Certa.Domain.Tests.Registry;

public class SchemeTests
{
    private static Scheme Ccc(int? validityYears, string id = "ccc") =>
        new(id, "CCC", new LocalizedText("China Compulsory Certification", "中国强制性产品认证"), "SAMR", ["CNCA"], "CN",
            Obligation.Mandatory, Impact.MarketAccess, Management.SamrCnca, SchemeMode.Certification,
            SchemeTerms.None with { ValidityYears = validityYears }, new Provenance("S3"));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_WhenValidityYearsAreNotPositive_IsRefusedNamingThem(int years) =>
        Should.Throw<ArgumentException>(() => Ccc(years)).Message.ShouldContain($"Validity of {years} years is not positive");

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(5)]
    public void Constructor_WhenValidityYearsArePositiveOrUnknown_KeepsThem(int? years) =>
        Ccc(years).ValidityYears.ShouldBe(years);

    [Fact]
    public void Constructor_WhenIdIsNotAnId_IsRefused() =>
        Should.Throw<ArgumentException>(() => Ccc(5, id: "ccc mark!")).Message.ShouldContain("'ccc mark!' is not a valid id");

    [Fact]
    public void Constructor_KeepsAuthoritiesAndClassification()
    {
        var scheme = Ccc(5);

        scheme.AuthorityId.ShouldBe("SAMR");
        scheme.CoAuthorityIds.ShouldBe(["CNCA"]);
        scheme.Obligation.ShouldBe(Obligation.Mandatory);
        scheme.Impact.ShouldBe(Impact.MarketAccess);
        scheme.Mode.ShouldBe(SchemeMode.Certification);
    }
}
