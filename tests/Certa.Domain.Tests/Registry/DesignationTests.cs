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
    public void Covers_WholeScheme_CoversEveryProductOfThatSchemeOnly()
    {
        var designation = Designation.Parse("ccc");

        designation.Covers(Product(category: 9, code: "0902")).ShouldBeTrue();
        designation.Covers(Product(category: 1, code: "0101")).ShouldBeTrue();
        designation.Covers(Product(scheme: "gcc-gmark", code: null)).ShouldBeFalse();
    }

    [Fact]
    public void Covers_Category_CoversProductsOfThatCategoryOnly()
    {
        var designation = Designation.Parse("ccc/cat:9");

        designation.Covers(Product(category: 9)).ShouldBeTrue();
        designation.Covers(Product(category: 8, code: "0807")).ShouldBeFalse();
        designation.Covers(Product(scheme: "cn-energy-label", category: 9)).ShouldBeFalse();
    }

    [Fact]
    public void Covers_Product_CoversTheProductWithThatCodeOnly()
    {
        var designation = Designation.Parse("ccc/prod:0902");

        designation.Covers(Product(code: "0902")).ShouldBeTrue();
        designation.Covers(Product(code: "0901")).ShouldBeFalse();
        designation.Covers(Product(code: null)).ShouldBeFalse();
        designation.Covers(Product(scheme: "cqc-mark", code: "0902")).ShouldBeFalse();
    }

    [Fact]
    public void Covers_Standard_CoversProductsTestedAgainstThatFamily()
    {
        var designation = Designation.Parse("ccc/std:GB 4943.1");

        designation.Covers(Product(standards: ["GB 4943.1-2022", "GB/T 9254.1"])).ShouldBeTrue();
        designation.Covers(Product(standards: ["GB/T 9254.1"])).ShouldBeFalse();
        designation.Covers(Product(standards: [])).ShouldBeFalse();
        designation.Covers(Product(scheme: "cqc-mark", standards: ["GB 4943.1"])).ShouldBeFalse();
    }
}
