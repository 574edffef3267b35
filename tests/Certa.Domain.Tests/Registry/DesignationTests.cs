using Certa.Domain.Registry;
using static Certa.Domain.Tests.Builders.Registry;

namespace Certa.Domain.Tests.Registry;

public class DesignationTests
{
    [Theory]
    [InlineData("ccc", "ccc", DesignationScope.Scheme, null)]
    [InlineData("ccc/cat:8", "ccc", DesignationScope.Category, "8")]
    [InlineData("ccc/prod:0902", "ccc", DesignationScope.Product, "0902")]
    [InlineData("ccc/prod:0807;0907", "ccc", DesignationScope.Product, "0807;0907")]
    [InlineData("ccc/std:GB 4943.1", "ccc", DesignationScope.Standard, "GB 4943.1")]
    [InlineData("gcc-gmark/std:IEC 60335-2-80", "gcc-gmark", DesignationScope.Standard, "IEC 60335-2-80")]
    public void Parse_ThenFormat_RoundTrips(string text, string scheme, DesignationScope scope, string? value)
    {
        var designation = Designation.Parse(text);

        designation.SchemeId.ShouldBe(scheme);
        designation.Scope.ShouldBe(scope);
        designation.Value.ShouldBe(value);
        designation.ToString().ShouldBe(text);
        Designation.Parse(designation.ToString()).ShouldBe(designation);
    }

    [Theory]
    [InlineData("ccc/std:GB 4943.1-2022", "ccc/std:GB 4943.1")]
    [InlineData("ccc/std:gb/t 9254.1", "ccc/std:GB/T 9254.1")]
    [InlineData("ccc/cat:08", "ccc/cat:8")]
    public void Parse_WhenValueIsWrittenLoosely_FormatsItCanonically(string text, string canonical) =>
        Designation.Parse(text).ToString().ShouldBe(canonical);

    [Fact]
    public void Factories_FormatLikeTheTextForm()
    {
        Designation.WholeScheme("ccc").ToString().ShouldBe("ccc");
        Designation.Category("ccc", 8).ToString().ShouldBe("ccc/cat:8");
        Designation.Product("ccc", "0902").ToString().ShouldBe("ccc/prod:0902");
        Designation.Standard("ccc", "GB 4943.1-2022").ToString().ShouldBe("ccc/std:GB 4943.1");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/cat:8")]
    [InlineData("ccc/")]
    [InlineData("ccc/cat8")]
    [InlineData("ccc/cat:")]
    [InlineData("ccc/:8")]
    [InlineData("ccc/cat:eight")]
    [InlineData("ccc/zone:8")]
    [InlineData("ccc/CAT:8")]
    [InlineData("ccc/std:not a standard")]
    public void TryParse_WhenTextIsNotADesignation_IsRefused(string text)
    {
        Designation.TryParse(text, out var designation).ShouldBeFalse();

        designation.ShouldBeNull();
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("ccc/cat:0")]
    [InlineData("ccc/cat:-1")]
    public void TryParse_WhenSchemeIsBlankOrCategoryIsNotPositive_IsRefused(string text) =>
        Designation.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Parse_WhenTextIsNotADesignation_ThrowsFormatExceptionNamingIt() =>
        Should.Throw<FormatException>(() => Designation.Parse("ccc/zone:8")).Message.ShouldContain("'ccc/zone:8'");

    [Fact]
    public void ScopeCovers_WholeScheme_CoversEveryProductOfThatSchemeOnly()
    {
        var designation = Designation.Parse("ccc");

        designation.ScopeCovers(Product(category: 9, code: "0902")).ShouldBeTrue();
        designation.ScopeCovers(Product(category: 1, code: "0101")).ShouldBeTrue();
        designation.ScopeCovers(Product(scheme: "gcc-gmark", code: null)).ShouldBeFalse();
    }

    [Fact]
    public void ScopeCovers_Category_CoversProductsOfThatCategoryOnly()
    {
        var designation = Designation.Parse("ccc/cat:9");

        designation.ScopeCovers(Product(category: 9)).ShouldBeTrue();
        designation.ScopeCovers(Product(category: 8, code: "0807")).ShouldBeFalse();
        designation.ScopeCovers(Product(scheme: "cn-energy-label", category: 9)).ShouldBeFalse();
    }

    [Fact]
    public void ScopeCovers_Product_CoversTheProductWithThatCodeOnly()
    {
        var designation = Designation.Parse("ccc/prod:0902");

        designation.ScopeCovers(Product(code: "0902")).ShouldBeTrue();
        designation.ScopeCovers(Product(code: "0901")).ShouldBeFalse();
        designation.ScopeCovers(Product(code: null)).ShouldBeFalse();
        designation.ScopeCovers(Product(scheme: "cqc-mark", code: "0902")).ShouldBeFalse();
    }

    [Fact]
    public void ScopeCovers_Standard_CoversProductsTestedAgainstThatFamily()
    {
        var designation = Designation.Parse("ccc/std:GB 4943.1");

        designation.ScopeCovers(Product(standards: ["GB 4943.1-2022", "GB/T 9254.1"])).ShouldBeTrue();
        designation.ScopeCovers(Product(standards: ["GB/T 9254.1"])).ShouldBeFalse();
        designation.ScopeCovers(Product(standards: [])).ShouldBeFalse();
        designation.ScopeCovers(Product(scheme: "cqc-mark", standards: ["GB 4943.1"])).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ccc@2019-01-01..2024-06-30", "2019-01-01", "2024-06-30")]
    [InlineData("ccc/cat:8@2019-01-01..", "2019-01-01", null)]
    [InlineData("ccc/prod:0902@..2024-06-30", null, "2024-06-30")]
    [InlineData("ccc/std:GB 4943.1@2024-06-30..2024-06-30", "2024-06-30", "2024-06-30")]
    public void Parse_WhenDated_ThenFormat_RoundTrips(string text, string? from, string? until)
    {
        var designation = Designation.Parse(text);

        designation.From.ShouldBe(from is null ? null : Day(from));
        designation.Until.ShouldBe(until is null ? null : Day(until));
        designation.ToString().ShouldBe(text);
        Designation.Parse(designation.ToString()).ShouldBe(designation);
    }

    [Theory]
    [InlineData("ccc")]
    [InlineData("ccc/cat:8")]
    [InlineData("ccc/prod:0807;0907")]
    [InlineData("ccc/std:GB 4943.1")]
    public void Parse_WhenUndated_AsStoredBeforeDatesExisted_HasNoLimits(string text)
    {
        var designation = Designation.Parse(text);

        designation.From.ShouldBeNull();
        designation.Until.ShouldBeNull();
        designation.ToString().ShouldBe(text);
        designation.InForceOn(DateOnly.MinValue).ShouldBeTrue();
        designation.InForceOn(DateOnly.MaxValue).ShouldBeTrue();
    }

    [Fact]
    public void Between_FormatsLikeTheTextForm()
    {
        Designation.Category("ccc", 8).Between(Day("2019-01-01"), null).ToString().ShouldBe("ccc/cat:8@2019-01-01..");
        Designation.WholeScheme("ccc").Between(null, Day("2024-06-30")).ToString().ShouldBe("ccc@..2024-06-30");
        Designation.WholeScheme("ccc").Between(null, null).ShouldBe(Designation.WholeScheme("ccc"));
    }

    [Fact]
    public void Between_WhenUntilIsBeforeFrom_IsRefusedNamingBothDays() =>
        Should.Throw<ArgumentException>(() => Designation.Category("ccc", 8).Between(Day("2024-06-30"), Day("2019-01-01")))
            .Message.ShouldContain("cannot end (2019-01-01) before it begins (2024-06-30)");

    [Fact]
    public void Equality_TakesTheDatesIntoAccount() =>
        Designation.Parse("ccc/cat:8@2019-01-01..").ShouldNotBe(Designation.Parse("ccc/cat:8"));

    [Theory]
    [InlineData("ccc@")]
    [InlineData("ccc@..")]
    [InlineData("ccc@2019-01-01")]
    [InlineData("ccc@2019-01-01.")]
    [InlineData("ccc@2019-01-01...")]
    [InlineData("ccc@2019-1-1..")]
    [InlineData("ccc@2019-02-30..")]
    [InlineData("ccc@..2024-06-30..")]
    [InlineData("ccc@ 2019-01-01..")]
    [InlineData("ccc/cat:8@2024-06-30..2019-01-01")]
    [InlineData("@2019-01-01..")]
    [InlineData("ccc/zone:8@2019-01-01..")]
    [InlineData("ccc@2019-01-01..@2020-01-01..")]
    public void TryParse_WhenDateSuffixIsMalformed_IsRefused(string text)
    {
        Designation.TryParse(text, out var designation).ShouldBeFalse();

        designation.ShouldBeNull();
    }

    [Theory]
    [InlineData("2018-12-31", false)]
    [InlineData("2019-01-01", true)]
    [InlineData("2021-07-15", true)]
    [InlineData("2024-06-30", true)]
    [InlineData("2024-07-01", false)]
    public void InForceOn_CountsBothEndsAsInForce(string day, bool inForce) =>
        Designation.Parse("ccc/cat:9@2019-01-01..2024-06-30").InForceOn(Day(day)).ShouldBe(inForce);

    [Fact]
    public void InForceOn_WhenASideIsOpen_HasNoLimitOnThatSide()
    {
        Designation.Parse("ccc@2019-01-01..").InForceOn(DateOnly.MaxValue).ShouldBeTrue();
        Designation.Parse("ccc@2019-01-01..").InForceOn(Day("2018-12-31")).ShouldBeFalse();
        Designation.Parse("ccc@..2024-06-30").InForceOn(DateOnly.MinValue).ShouldBeTrue();
        Designation.Parse("ccc@..2024-06-30").InForceOn(Day("2024-07-01")).ShouldBeFalse();
    }

    [Fact]
    public void Covers_OnADay_NeedsTheScopeAndTheDay()
    {
        var designation = Designation.Parse("ccc/cat:9@2019-01-01..2024-06-30");

        designation.Covers(Product(category: 9), Day("2020-01-01")).ShouldBeTrue();
        designation.Covers(Product(category: 9), Day("2024-07-01")).ShouldBeFalse();
        designation.Covers(Product(category: 8), Day("2020-01-01")).ShouldBeFalse();
        designation.ScopeCovers(Product(category: 9)).ShouldBeTrue();
    }
}
