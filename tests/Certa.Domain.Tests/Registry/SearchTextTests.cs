using Certa.Domain.Registry;

namespace Certa.Domain.Tests.Registry;

public class SearchTextTests
{
    [Theory]
    [InlineData("Portable Computers", "portable computers")]
    [InlineData("CNCA-C09-01:2023", "cnca-c09-01:2023")]
    [InlineData("ＧＢ　４９４３．１－２０２２", "gb 4943.1-2022")]
    [InlineData("ｌａｐｔｏｐ", "laptop")]
    [InlineData("  portable \t\n computers  ", "portable computers")]
    [InlineData("笔记本电脑", "笔记本电脑")]
    [InlineData("便携式　计算机", "便携式 计算机")]
    public void Fold_LowersCaseNormalisesWidthAndCollapsesSpace(string text, string folded) =>
        SearchText.Fold(text).ShouldBe(folded);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Fold_WhenTextIsBlank_ReturnsEmpty(string? text) =>
        SearchText.Fold(text).ShouldBe(string.Empty);

    [Theory]
    [InlineData("GB 4943.1-2022", "gb4943.1-2022")]
    [InlineData("ＧＢ／Ｔ　９２５４．１", "gb/t9254.1")]
    [InlineData("  China  Compulsory Certification ", "chinacompulsorycertification")]
    [InlineData(null, "")]
    public void Compact_RemovesEverySpaceAfterFolding(string? text, string compact) =>
        SearchText.Compact(text).ShouldBe(compact);

    [Fact]
    public void Compact_OfAStandardNumber_ContainsWhatPeopleTypeWithoutSpace() =>
        SearchText.Compact("GB 4943.1-2022").ShouldContain(SearchText.Compact("GB4943"));
}
