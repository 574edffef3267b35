using Certa.Domain.Common;
using Certa.Domain.Registry;
using static Certa.Domain.Tests.Builders.Registry;

namespace Certa.Domain.Tests.Registry;

public class ProductTypeTests
{
    [Theory]
    [InlineData("0902", "ccc.0902")]
    [InlineData(" 0902 ", "ccc.0902")]
    [InlineData("0807;0907", "ccc.0807+0907")]
    [InlineData("09 02", "ccc.09_02")]
    public void Id_WhenProductHasACode_IsSchemeAndCode(string code, string id) =>
        Product(code: code).Id.ShouldBe(id);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Id_WhenProductHasNoCode_IsSchemeEditionAndRunningNumber(string? code)
    {
        var product = Product(scheme: "cn-rohs", code: code, no: 12, edition: "2018");

        product.Id.ShouldBe("cn-rohs.2018-12");
        product.Code.ShouldBeNull();
    }

    [Fact]
    public void Constructor_TakesSchemeCategoryAndEditionFromItsCategory()
    {
        var product = Product(scheme: "ccc", category: 9, edition: "2023");

        product.SchemeId.ShouldBe("ccc");
        product.CategoryId.ShouldBe("ccc.2023.9");
        product.CategoryNo.ShouldBe(9);
        product.Edition.ShouldBe("2023");
    }

    [Fact]
    public void StandardFamilies_AreFamiliesWithoutRepeats() =>
        Product(standards: ["GB 4943.1-2022", "GB 4943.1", "gb/t 9254.1-2021"]).StandardFamilies.ShouldBe(["GB 4943.1", "GB/T 9254.1"]);

    [Fact]
    public void Constructor_WhenAStandardIsNotANumber_IsRefused() =>
        Should.Throw<FormatException>(() => Product(standards: ["laptop safety"]));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_WhenNumberIsNotPositive_IsRefused(int no) =>
        Should.Throw<ArgumentException>(() => Product(no: no)).Message.ShouldContain($"Product number {no} is not positive");

    [Theory]
    [InlineData(ProductMode.ThirdParty, false)]
    [InlineData(ProductMode.TypeExamination, false)]
    [InlineData(ProductMode.SdocA, true)]
    [InlineData(ProductMode.SdocB, true)]
    [InlineData(ProductMode.SelfDeclaration, true)]
    public void IsSelfDeclared_OnlyForSelfDeclarationModes(ProductMode mode, bool selfDeclared) =>
        Product(mode: mode).IsSelfDeclared.ShouldBe(selfDeclared);

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", null)]
    [InlineData(" CNCA-C09-01:2023 ", "CNCA-C09-01:2023")]
    public void RuleId_IsTrimmedAndBlankMeansNone(string? rule, string? expected) =>
        Product(rule: rule).RuleId.ShouldBe(expected);

    [Fact]
    public void Constructor_KeepsKeywordsInEachLanguage()
    {
        var product = new ProductType(Category(), 40, "0902", new LocalizedText("Portable computers"), ProductMode.ThirdParty, null,
            [], new ProductKeywords(["laptop", "notebook"], ["笔记本"]), ["8471.30"], Source);

        product.KeywordsEn.ShouldBe(["laptop", "notebook"]);
        product.KeywordsZh.ShouldBe(["笔记本"]);
        product.HsCodes.ShouldBe(["8471.30"]);
    }
}
